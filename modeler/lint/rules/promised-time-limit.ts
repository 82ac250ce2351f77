import type { Node, Reporter } from '../model.js';
import { flowElements, is, label, yc } from '../model.js';

/** Handling modes whose cases run under a statutory time limit the promise is counted against. */
const TIMED_MODES = ['promised', 'joint'];

/**
 * 承诺件 and 联办件 run under a time limit: the process states its statutory days
 * (yc:statutoryDays); a step's own limit (yc:timeLimitDays) is a whole number of working days
 * that fits within it.
 */
export default function promisedTimeLimit() {
  return {
    check(node: Node, reporter: Reporter) {
      if (!is(node, 'bpmn:Process')) return;
      const mode = String(yc(node, 'handlingMode') ?? '');
      const statutory = numberOf(yc(node, 'statutoryDays'));
      if (TIMED_MODES.includes(mode) && !(statutory !== undefined && statutory > 0)) {
        reporter.report(node.id!, `${label(node)}是限时办理的流程，须写明法定办理时限（工作日）`);
      }
      for (const step of steps(node)) {
        const raw = yc(step, 'timeLimitDays');
        if (raw === undefined || raw === '') continue;
        const days = numberOf(raw);
        if (days === undefined || !Number.isInteger(days) || days < 0) reporter.report(step.id!, `环节${label(step)}的时限应为不小于 0 的整数个工作日`);
        else if (statutory !== undefined && days > statutory) reporter.report(step.id!, `环节${label(step)}的时限 ${days} 个工作日超过流程的法定时限 ${statutory} 个工作日`);
      }
    },
  };
}

function numberOf(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** Every flow node of the process, inside sub-processes too. */
function steps(node: Node): Node[] {
  return flowElements(node).flatMap((el) => [el, ...(is(el, 'bpmn:SubProcess') ? steps(el) : [])]).filter((el) => !is(el, 'bpmn:SequenceFlow'));
}
