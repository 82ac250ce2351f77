import type { ModdleElement } from '../moddle.js';
import { listOf } from '../moddle.js';
import type { Rule } from './rule.js';
import { describe } from './rule.js';
import { incomingOf, one } from './kinds.js';

type Part = 'inputSets' | 'outputSets' | 'dataInputs' | 'dataOutputs';

function count(task: ModdleElement, part: Part): number {
  return listOf(one(task.ioSpecification)?.[part]).length;
}

/**
 * Reports every task of `type` that sets `when` (an operation or message) and whose
 * ioSpecification holds a number of `part` outside [min, max].
 */
function ioShape(type: string, when: string, part: Part, min: number, max: number, rule: string): Rule {
  return (model, problems) => {
    for (const task of model.all(type)) {
      const n = count(task, part);
      if (!task[when] || (n >= min && n <= max)) continue;
      const wanted = min === max ? `exactly ${min}` : `at most ${max}`;
      problems.add(task, rule, `${describe(task)} uses ${when} and so needs ${wanted} ${part} in its ioSpecification, not ${n}`);
    }
  };
}

/** EXT.049 — a Receive Task that instantiates the process has no incoming Sequence Flow. */
const instantiatingReceiveHasNoIncoming: Rule = (model, problems) => {
  for (const task of model.all('bpmn:ReceiveTask')) {
    if (task.instantiate !== true || incomingOf(task).length === 0) continue;
    problems.add(task, 'EXT.049', `${describe(task)} instantiates the process yet has an incoming sequence flow`);
  }
};

/** EXT.053 — a script task (or global script task) that holds a script says its format (a MIME type). */
const scriptHasFormat: Rule = (model, problems) => {
  for (const task of [...model.all('bpmn:ScriptTask'), ...model.all('bpmn:GlobalScriptTask')]) {
    const script = typeof task.script === 'string' ? task.script.trim() : '';
    if (script === '' || (typeof task.scriptFormat === 'string' && task.scriptFormat.trim() !== '')) continue;
    problems.add(task, 'EXT.053', `${describe(task)} holds a script but no scriptFormat; say its format (for FEEL: scriptFormat="feel")`);
  }
};

/** What the data of service, send and receive tasks must look like. */
export const taskRules: readonly Rule[] = [
  scriptHasFormat,
  // EXT.042 — a Service Task with an operation defines exactly one input set.
  ioShape('bpmn:ServiceTask', 'operationRef', 'inputSets', 1, 1, 'EXT.042'),
  // EXT.043 — a Service Task with an operation defines at most one output set.
  ioShape('bpmn:ServiceTask', 'operationRef', 'outputSets', 0, 1, 'EXT.043'),
  // EXT.046 — a Send Task with a message defines at most one input set.
  ioShape('bpmn:SendTask', 'messageRef', 'inputSets', 0, 1, 'EXT.046'),
  // EXT.047 — a Send Task with a message defines at most one data input.
  ioShape('bpmn:SendTask', 'messageRef', 'dataInputs', 0, 1, 'EXT.047'),
  instantiatingReceiveHasNoIncoming,
  // EXT.050 — a Receive Task with a message defines at most one output set.
  ioShape('bpmn:ReceiveTask', 'messageRef', 'outputSets', 0, 1, 'EXT.050'),
  // EXT.051 — a Receive Task with a message defines at most one data output.
  ioShape('bpmn:ReceiveTask', 'messageRef', 'dataOutputs', 0, 1, 'EXT.051'),
];
