import { compileParsed } from '../../../engine/model/compile.js';
import { ModelError } from '../../../engine/errors.js';
import type { ModdleElement } from '../../../engine/model/moddle.js';
import type { Node, Reporter } from '../model.js';
import { is } from '../model.js';

/**
 * The engine's own deploy-time validation (engine/model is pure), run as a lint rule: what
 * the modeler passes, the engine accepts. Each problem the engine would refuse the deployment
 * with is reported on its element.
 */
export default function engineAccepts() {
  return {
    check(node: Node, reporter: Reporter) {
      if (!is(node, 'bpmn:Definitions')) return;
      try {
        compileParsed({ definitions: node as unknown as ModdleElement, warnings: [] }, 'modeler');
      } catch (err) {
        if (!(err instanceof ModelError)) throw err;
        for (const problem of err.problems) reporter.report(problem.elementId || node.id || 'definitions', `引擎不能运行：${problem.message}（${problem.rule}）`);
      }
    },
  };
}
