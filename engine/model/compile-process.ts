import type { ElementDef, ElementKind, EventDefinition, FlowDef, ProcessDef, ScopeDef } from './graph.js';
import type { ModdleElement } from './moddle.js';
import { listOf } from './moddle.js';
import type { Problems } from './problems.js';
import { platformProperties } from './extensions.js';
import { compileActivity, isMessageThrowJob } from './compile-activity.js';
import { compileEventDefinition, compileMessage, eventDefinitionsOf } from './compile-events.js';
import { compileExpression } from '../expressions/index.js';

const kinds: Record<string, ElementKind> = {
  'bpmn:StartEvent': 'startEvent', 'bpmn:EndEvent': 'endEvent', 'bpmn:BoundaryEvent': 'boundaryEvent',
  'bpmn:IntermediateCatchEvent': 'intermediateCatchEvent', 'bpmn:IntermediateThrowEvent': 'intermediateThrowEvent',
  'bpmn:Task': 'task', 'bpmn:UserTask': 'userTask', 'bpmn:ManualTask': 'manualTask', 'bpmn:ServiceTask': 'serviceTask',
  'bpmn:SendTask': 'sendTask', 'bpmn:ReceiveTask': 'receiveTask', 'bpmn:ScriptTask': 'scriptTask',
  'bpmn:BusinessRuleTask': 'businessRuleTask', 'bpmn:ExclusiveGateway': 'exclusiveGateway',
  'bpmn:ParallelGateway': 'parallelGateway', 'bpmn:InclusiveGateway': 'inclusiveGateway',
  'bpmn:EventBasedGateway': 'eventBasedGateway', 'bpmn:ComplexGateway': 'complexGateway',
  'bpmn:SubProcess': 'subProcess', 'bpmn:Transaction': 'transaction', 'bpmn:AdHocSubProcess': 'adHocSubProcess',
  'bpmn:CallActivity': 'callActivity',
};

/** Elements that carry no behaviour of their own: data is held as scope variables. */
const passive = new Set(['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference']);
const processProperties = ['handlingMode', 'statutoryDays', 'promisedDays'];
const stepProperties = ['timeLimitDays', 'suspendsClock', 'specialProcedure'];

interface Collected { elements: Record<string, ElementDef>; flows: Record<string, FlowDef> }

const globalKinds: Record<string, string> = {
  'bpmn:GlobalTask': 'bpmn:Task', 'bpmn:GlobalScriptTask': 'bpmn:ScriptTask', 'bpmn:GlobalUserTask': 'bpmn:UserTask',
  'bpmn:GlobalManualTask': 'bpmn:ManualTask', 'bpmn:GlobalBusinessRuleTask': 'bpmn:BusinessRuleTask',
};

export function isGlobalTask(element: ModdleElement): boolean {
  return element.$type in globalKinds;
}

/**
 * A global task is callable like a process (BPMN 2.0, 10.3.7): it runs as a process made of
 * a none start event, the task, and a none end event.
 */
export function compileGlobalTask(global: ModdleElement, problems: Problems): ProcessDef {
  const id = global.id ?? '';
  const out: Collected = { elements: {}, flows: {} };
  const task = compileElement({ ...global, $type: globalKinds[global.$type]!, id } as ModdleElement, id, out, problems);
  const start = `${id}__start`;
  const end = `${id}__end`;
  const base = { ...task, boundaries: [], events: [], loop: undefined, job: undefined, userTask: undefined, script: undefined, inputs: undefined, outputs: undefined };
  out.elements[start] = { ...base, id: start, kind: 'startEvent', incoming: [], outgoing: [`${start}>`] };
  out.elements[end] = { ...base, id: end, kind: 'endEvent', incoming: [`>${end}`], outgoing: [] };
  out.elements[id] = { ...task, incoming: [`${start}>`], outgoing: [`>${end}`] };
  out.flows[`${start}>`] = { id: `${start}>`, source: start, target: id };
  out.flows[`>${end}`] = { id: `>${end}`, source: id, target: end };
  const scope: ScopeDef = { id, children: [start, id, end], noneStarts: [start], eventSubProcesses: [], adHocChildren: [] };
  return { id, name: global.name, elements: out.elements, flows: out.flows, scope, starts: [start], properties: {} };
}

/** Compiles one executable process with all its nested scopes. */
export function compileProcess(process: ModdleElement, problems: Problems): ProcessDef {
  const out: Collected = { elements: {}, flows: {} };
  const scope = compileScope(process, process.id ?? '', out, problems);
  connectFlows(out);
  linkBoundaries(out.elements);
  for (const def of [scope, ...Object.values(out.elements).map((e) => e.scope)]) {
    if (def) (def as { adHocChildren: readonly string[] }).adHocChildren = def.children.filter((id) => isAdHocChild(out.elements[id]));
  }
  const starts = scope.children.filter((id) => startsInstances(out.elements[id]));
  return {
    id: process.id ?? '', name: process.name, elements: out.elements, flows: out.flows, scope, starts,
    properties: platformProperties(process, processProperties),
  };
}

function compileScope(container: ModdleElement, scopeId: string, out: Collected, problems: Problems): ScopeDef {
  const children: string[] = [];
  for (const element of listOf(container.flowElements)) {
    if (element.$type === 'bpmn:SequenceFlow') out.flows[element.id ?? ''] = compileFlow(element, problems);
    else if (kinds[element.$type]) {
      if (container.$type === 'bpmn:Process' && isConditionalStart(element)) {
        problems.add(element, 'unsupported', 'a conditional start event of a process would never start an instance: outside an instance there are no variables for its condition to watch. '
          + 'Start the process by a message, a signal or a timer, or put the conditional event inside it (intermediate catch, boundary, or event sub-process start)');
      }
      if (isParallelThrow(element)) {
        problems.add(element, 'unsupported', 'parallelMultiple belongs to catch events (BPMN 2.0.2, §10.5.1): a throw or end event with several event definitions throws each of them; remove the attribute');
      }
      children.push(compileElement(element, scopeId, out, problems).id);
    }
    else if (!passive.has(element.$type)) problems.add(element, 'unsupported', `${element.$type} is not supported by the engine`);
  }
  linkCompensation(container, out.elements, problems);
  const of = (id: string) => out.elements[id];
  return {
    id: scopeId,
    children,
    noneStarts: children.filter((id) => of(id)?.kind === 'startEvent' && of(id)?.events.length === 0),
    eventSubProcesses: children.filter((id) => of(id)?.triggeredByEvent),
    adHocChildren: children.filter((id) => isAdHocChild(of(id))),
  };
}

function isConditionalStart(element: ModdleElement): boolean {
  return element.$type === 'bpmn:StartEvent' && eventDefinitionsOf(element).some((d) => d.$type === 'bpmn:ConditionalEventDefinition');
}

/**
 * A throw or end event marked parallelMultiple="true" (bpmn-moddle keeps an attribute the
 * schema does not give the element among its `$attrs`); "false" says nothing and passes.
 */
function isParallelThrow(element: ModdleElement): boolean {
  const throws = element.$type === 'bpmn:IntermediateThrowEvent' || element.$type === 'bpmn:EndEvent';
  const attrs = element.$attrs as Record<string, unknown> | undefined;
  return throws && (element.parallelMultiple === true || attrs?.parallelMultiple === 'true');
}

/** Start events, and receive tasks with instantiate="true" and no incoming flow, create instances. */
function startsInstances(element: ElementDef | undefined): boolean {
  if (!element) return false;
  return element.kind === 'startEvent' || (element.kind === 'receiveTask' && element.instantiate && element.incoming.length === 0);
}

/**
 * What an ad hoc sub-process starts: its activities and gateways without incoming flows. Not
 * events: a link catch event has no incoming flow either, and runs only when its link is thrown.
 */
function isAdHocChild(element: ElementDef | undefined): boolean {
  if (!element || element.incoming.length > 0 || element.isForCompensation) return false;
  return !element.kind.endsWith('Event') && !element.triggeredByEvent;
}

function compileFlow(flow: ModdleElement, problems: Problems): FlowDef {
  const body = (flow.conditionExpression as ModdleElement | undefined)?.body;
  const id = flow.id ?? '';
  const condition = typeof body === 'string' && body.trim() !== ''
    ? problems.guard(flow, 'expression', () => compileExpression(body, { elementId: id, attribute: 'conditionExpression' }))
    : undefined;
  const source = (flow.sourceRef as ModdleElement | undefined)?.id ?? '';
  const target = (flow.targetRef as ModdleElement | undefined)?.id ?? '';
  return { id, source, target, condition };
}

function compileElement(element: ModdleElement, scopeId: string, out: Collected, problems: Problems): ElementDef {
  const id = element.id ?? '';
  const kind = kinds[element.$type] as ElementKind;
  const events = eventsOf(element, kind, problems);
  const isScope = ['subProcess', 'transaction', 'adHocSubProcess'].includes(kind);
  const def: ElementDef = {
    id, kind, name: element.name, scopeId,
    incoming: listOf(element.incoming).map((f) => f.id ?? ''),
    outgoing: listOf(element.outgoing).map((f) => f.id ?? ''),
    defaultFlow: (element.default as ModdleElement | undefined)?.id,
    events,
    parallelMultiple: element.parallelMultiple === true,
    attachedTo: (element.attachedToRef as ModdleElement | undefined)?.id,
    interrupting: element.cancelActivity !== false && element.isInterrupting !== false,
    boundaries: [],
    triggeredByEvent: element.triggeredByEvent === true,
    adHocOrdering: kind === 'adHocSubProcess' ? (element.ordering === 'Sequential' ? 'Sequential' : 'Parallel') : undefined,
    startQuantity: typeof element.startQuantity === 'number' ? element.startQuantity : 1,
    completionQuantity: typeof element.completionQuantity === 'number' ? element.completionQuantity : 1,
    isForCompensation: element.isForCompensation === true,
    instantiate: element.instantiate === true,
    properties: platformProperties(element, stepProperties),
    ...compileActivity(element, kind, problems),
  };
  const activation = (element.activationCondition as ModdleElement | undefined)?.body;
  if (typeof activation === 'string' && activation.trim() !== '') {
    def.activationCondition = problems.guard(element, 'expression', () => compileExpression(activation, { elementId: id, attribute: 'activationCondition' }));
  }
  out.elements[id] = def;
  if (isScope) def.scope = compileScope(element, id, out, problems);
  return def;
}

/**
 * The flows' sourceRef/targetRef are the truth; a node's own incoming/outgoing lists are
 * optional in many tools. Listed order is kept (gateways evaluate in it), the rest appended.
 */
function connectFlows(out: Collected): void {
  for (const flow of Object.values(out.flows)) {
    const source = out.elements[flow.source];
    const target = out.elements[flow.target];
    if (source && !source.outgoing.includes(flow.id)) (source.outgoing as string[]).push(flow.id);
    if (target && !target.incoming.includes(flow.id)) (target.incoming as string[]).push(flow.id);
  }
  for (const element of Object.values(out.elements)) {
    (element as { incoming: readonly string[] }).incoming = element.incoming.filter((id) => out.flows[id]?.target === element.id);
    (element as { outgoing: readonly string[] }).outgoing = element.outgoing.filter((id) => out.flows[id]?.source === element.id);
  }
}

/** Gives every activity the ids of the boundary events attached to it. */
function linkBoundaries(elements: Record<string, ElementDef>): void {
  for (const element of Object.values(elements)) {
    const host = element.attachedTo ? elements[element.attachedTo] : undefined;
    if (host) (host.boundaries as string[]).push(element.id);
  }
}

/** A compensation boundary event names its handler through an association (artifacts). */
function linkCompensation(container: ModdleElement, elements: Record<string, ElementDef>, problems: Problems): void {
  for (const artifact of listOf(container.artifacts)) {
    if (artifact.$type !== 'bpmn:Association') continue;
    const source = elements[(artifact.sourceRef as ModdleElement | undefined)?.id ?? ''];
    const target = elements[(artifact.targetRef as ModdleElement | undefined)?.id ?? ''];
    if (!source?.attachedTo || !source.events.some((e) => e.kind === 'compensate')) continue;
    if (!target?.isForCompensation) {
      problems.add(artifact, 'compensation', 'a compensation boundary event must be associated with an activity marked isForCompensation');
      continue;
    }
    const host = elements[source.attachedTo];
    if (host) host.compensationHandler = target.id;
  }
}

/** Catch and throw events carry event definitions; receive and send tasks a messageRef. */
function eventsOf(element: ModdleElement, kind: ElementKind, problems: Problems): EventDefinition[] {
  // The job is what such an event does (compileActivity); it throws nothing of its own.
  if (isMessageThrowJob(element, kind)) return [];
  if (kind === 'receiveTask' || (kind === 'sendTask' && element.messageRef)) {
    const message = compileMessage(element, element.messageRef as ModdleElement | undefined, problems);
    return message ? [message] : [];
  }
  return eventDefinitionsOf(element)
    .map((def) => compileEventDefinition(element, def, problems))
    .filter((def) => def !== undefined);
}
