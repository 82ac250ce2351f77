import type { ElementDef, JobDef, LoopDef, UserTaskDef } from './graph.js';
import type { ModdleElement } from './moddle.js';
import type { Problems } from './problems.js';
import { extension, headersOf } from './extensions.js';
import { compileEventDefinition } from './compile-events.js';
import { listOf } from './moddle.js';
import { compileExpression, compileAttribute, compileMappings } from '../expressions/index.js';

type ActivityParts = Pick<ElementDef, 'loop' | 'job' | 'userTask' | 'script' | 'call' | 'inputs' | 'outputs'>;

/** The activity-specific parts: what runs it (job, FEEL script, user, child process) and its loop. */
export function compileActivity(element: ModdleElement, kind: ElementDef['kind'], problems: Problems): ActivityParts {
  const id = element.id ?? '';
  const parts: ActivityParts = {};
  const io = extension(element, 'zeebe:IoMapping');
  if (io) {
    // An empty list means "not mapped" (Zeebe): all result variables then propagate.
    const inputs = mappingsOf(io.inputParameters);
    const outputs = mappingsOf(io.outputParameters);
    if (inputs.length > 0) parts.inputs = problems.guard(element, 'expression', () => compileMappings(inputs, { elementId: id, attribute: 'input' }));
    if (outputs.length > 0) parts.outputs = problems.guard(element, 'expression', () => compileMappings(outputs, { elementId: id, attribute: 'output' }));
  }
  parts.loop = compileLoop(element, problems);
  if (kind === 'userTask') parts.userTask = problems.guard(element, 'expression', () => compileUserTask(element));
  if (kind === 'callActivity') parts.call = compileCall(element, problems);
  if (['serviceTask', 'sendTask', 'businessRuleTask', 'scriptTask'].includes(kind)) {
    Object.assign(parts, compileWork(element, kind, problems));
  }
  if (isMessageThrowJob(element, kind)) parts.job = problems.guard(element, 'expression', () => compileJob(extension(element, 'zeebe:TaskDefinition')!, element, id));
  return parts;
}

/**
 * A message throw or end event with a zeebe:taskDefinition: in Camunda 8 a job, which a worker
 * completes by sending the message itself (its messageRef, if any, is only documentation). Pure.
 */
export function isMessageThrowJob(element: ModdleElement, kind: ElementDef['kind']): boolean {
  if (kind !== 'intermediateThrowEvent' && kind !== 'endEvent') return false;
  const definitions = [...listOf(element.eventDefinitions), ...listOf(element.eventDefinitionRef)];
  return definitions.length === 1 && definitions[0]!.$type === 'bpmn:MessageEventDefinition' && extension(element, 'zeebe:TaskDefinition') !== undefined;
}

function mappingsOf(list: unknown): { source: string; target: string }[] {
  return (Array.isArray(list) ? list : []).map((m: ModdleElement) => ({ source: String(m.source ?? ''), target: String(m.target ?? '') }));
}

/** Service-like tasks run as jobs (zeebe:taskDefinition); a script task may instead hold FEEL. */
function compileWork(element: ModdleElement, kind: ElementDef['kind'], problems: Problems): ActivityParts {
  const id = element.id ?? '';
  const definition = extension(element, 'zeebe:TaskDefinition');
  if (definition) return { job: problems.guard(element, 'expression', () => compileJob(definition, element, id)) };
  if (kind === 'scriptTask') return { script: compileScript(element, problems) };
  if (kind === 'sendTask' && element.messageRef) return {};
  if (kind === 'businessRuleTask' && extension(element, 'zeebe:CalledDecision')) {
    problems.add(element, 'unsupported', 'DMN decisions (zeebe:calledDecision) are not supported yet; implement the rule as a job worker (zeebe:taskDefinition)');
    return {};
  }
  problems.add(element, 'unsupported', `a ${kind} needs a zeebe:taskDefinition with a job type so a worker can carry it out`);
  return {};
}

function compileJob(definition: ModdleElement, element: ModdleElement, id: string): JobDef {
  const type = String(definition.type ?? '');
  if (type === '') throw new Error('zeebe:taskDefinition needs a type');
  return {
    type: compileAttribute(type, { elementId: id, attribute: 'type' }),
    retries: compileAttribute(String(definition.retries ?? '3'), { elementId: id, attribute: 'retries' }, 'number'),
    headers: headersOf(element),
  };
}

const feelFormats = ['feel', 'text/feel', 'application/feel'];

function compileScript(element: ModdleElement, problems: Problems): ElementDef['script'] {
  const id = element.id ?? '';
  const zeebe = extension(element, 'zeebe:Script');
  if (zeebe) {
    const resultVariable = typeof zeebe.resultVariable === 'string' ? zeebe.resultVariable : undefined;
    const expression = problems.guard(element, 'expression', () => compileExpression(String(zeebe.expression ?? ''), { elementId: id, attribute: 'script' }));
    return expression ? { expression, resultVariable } : undefined;
  }
  const format = String(element.scriptFormat ?? '').toLowerCase();
  if (!feelFormats.includes(format)) {
    const said = format === '' ? 'no scriptFormat' : `scriptFormat "${format}"`;
    problems.add(element, 'unsupported', `script task with ${said}: only FEEL scripts run in the engine (zeebe:script or scriptFormat="feel"); other code belongs in a job worker (zeebe:taskDefinition)`);
    return undefined;
  }
  const expression = problems.guard(element, 'expression', () => compileExpression(String(element.script ?? ''), { elementId: id, attribute: 'script' }));
  const resultVariable = element.$attrs?.['zeebe:resultVariable'];
  return expression ? { expression, resultVariable } : undefined;
}

function compileUserTask(element: ModdleElement): UserTaskDef {
  const id = element.id ?? '';
  const assignment = extension(element, 'zeebe:AssignmentDefinition');
  const schedule = extension(element, 'zeebe:TaskSchedule');
  const form = extension(element, 'zeebe:FormDefinition');
  const value = (text: unknown, attribute: string) =>
    typeof text === 'string' && text !== '' ? compileAttribute(text, { elementId: id, attribute }) : undefined;
  return {
    assignee: value(assignment?.assignee, 'assignee'),
    candidateGroups: value(assignment?.candidateGroups, 'candidateGroups'),
    candidateUsers: value(assignment?.candidateUsers, 'candidateUsers'),
    dueDate: value(schedule?.dueDate, 'dueDate'),
    followUpDate: value(schedule?.followUpDate, 'followUpDate'),
    formKey: typeof form?.formKey === 'string' ? form.formKey : (typeof form?.formId === 'string' ? form.formId : undefined),
    headers: headersOf(element),
  };
}

function compileCall(element: ModdleElement, problems: Problems): ElementDef['call'] {
  const zeebe = extension(element, 'zeebe:CalledElement');
  const target = String(zeebe?.processId ?? element.calledElement ?? '');
  if (target === '') {
    problems.add(element, 'call', 'a call activity needs the called process id (calledElement or zeebe:calledElement processId)');
    return undefined;
  }
  const processId = problems.guard(element, 'expression', () => compileAttribute(target, { elementId: element.id ?? '', attribute: 'processId' }));
  return processId ? { processId, propagateAll: zeebe?.propagateAllChildVariables !== false } : undefined;
}

/** The events a multi-instance body throws to its own boundary events (BPMN 2.0, 10.3.8). */
function behaviorEvents(element: ModdleElement, loop: ModdleElement, problems: Problems) {
  const throwing = (defs: ModdleElement[]) => defs.map((d) => compileEventDefinition(element, d, problems)).filter((d) => d !== undefined);
  if (loop.behavior === 'None' && loop.noneBehaviorEventRef) return [{ events: throwing([loop.noneBehaviorEventRef as ModdleElement]) }];
  if (loop.behavior === 'One' && loop.oneBehaviorEventRef) return [{ events: throwing([loop.oneBehaviorEventRef as ModdleElement]) }];
  if (loop.behavior !== 'Complex') return undefined;
  return listOf(loop.complexBehaviorDefinition).map((definition) => {
    const body = (definition.condition as ModdleElement | undefined)?.body;
    const condition = typeof body === 'string' && body.trim() !== ''
      ? problems.guard(element, 'expression', () => compileExpression(body, { elementId: element.id ?? '', attribute: 'complexBehaviorDefinition' }))
      : undefined;
    return { condition, events: throwing(listOf((definition.event as ModdleElement | undefined)?.eventDefinitions)) };
  });
}

/** Standard loops and multi-instance, with the zeebe:loopCharacteristics input collection. */
function compileLoop(element: ModdleElement, problems: Problems): LoopDef | undefined {
  const loop = element.loopCharacteristics as ModdleElement | undefined;
  if (!loop) return undefined;
  const id = element.id ?? '';
  const expr = (value: unknown, attribute: string) => {
    const body = typeof value === 'string' ? value : (value as ModdleElement | undefined)?.body;
    if (typeof body !== 'string' || body.trim() === '') return undefined;
    return problems.guard(element, 'expression', () => compileExpression(body, { elementId: id, attribute }));
  };
  if (loop.$type === 'bpmn:StandardLoopCharacteristics') {
    const maximum = loop.loopMaximum === undefined ? undefined : expr(String(loop.loopMaximum), 'loopMaximum');
    return { kind: 'standard', condition: expr(loop.loopCondition, 'loopCondition'), maximum, testBefore: loop.testBefore === true };
  }
  const zeebe = extension(loop, 'zeebe:LoopCharacteristics');
  const def: LoopDef = {
    kind: 'multi',
    sequential: loop.isSequential === true,
    collection: expr(zeebe?.inputCollection, 'inputCollection'),
    cardinality: expr(loop.loopCardinality, 'loopCardinality'),
    elementVariable: typeof zeebe?.inputElement === 'string' ? zeebe.inputElement : undefined,
    outputCollection: typeof zeebe?.outputCollection === 'string' ? zeebe.outputCollection : undefined,
    outputElement: expr(zeebe?.outputElement, 'outputElement'),
    completionCondition: expr(loop.completionCondition, 'completionCondition'),
    behavior: (loop.behavior as 'All' | 'None' | 'One' | 'Complex' | undefined) ?? 'All',
    behaviorEvents: behaviorEvents(element, loop, problems),
  };
  if (!def.collection && !def.cardinality) {
    problems.add(element, 'multiInstance', 'a multi-instance activity needs an input collection (zeebe:loopCharacteristics inputCollection) or a loopCardinality');
  }
  return def;
}
