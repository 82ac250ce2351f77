import { escape } from '../support/bpmn.js';

/**
 * BPMN snippets the core tests share, beside the ones in ../support/bpmn.ts. The id is always
 * the first attribute: `definitions()` finds nodes by it to add their incoming/outgoing lists.
 */
export const node = (kind: string, id: string, attrs = '', inner = '') =>
  inner === '' ? `<bpmn:${kind} id="${id}" ${attrs}/>` : `<bpmn:${kind} id="${id}" ${attrs}>${inner}</bpmn:${kind}>`;

export const task = (id: string) => node('task', id);

export const gateway = (kind: 'exclusive' | 'parallel' | 'inclusive' | 'eventBased' | 'complex', id: string, attrs = '') =>
  node(`${kind}Gateway`, id, attrs);

// Root elements that event definitions refer to.
export function message(id: string, name: string, correlationKey?: string): string {
  const subscription = correlationKey ? `<bpmn:extensionElements><zeebe:subscription correlationKey="${escape(correlationKey)}"/></bpmn:extensionElements>` : '';
  return `<bpmn:message id="${id}" name="${name}">${subscription}</bpmn:message>`;
}
export const signal = (id: string, name: string) => `<bpmn:signal id="${id}" name="${name}"/>`;
export const error = (id: string, code: string) => `<bpmn:error id="${id}" errorCode="${code}"/>`;
export const escalation = (id: string, code: string) => `<bpmn:escalation id="${id}" escalationCode="${code}"/>`;

// Event definitions.
export const messageDef = (ref: string) => `<bpmn:messageEventDefinition messageRef="${ref}"/>`;
export const signalDef = (ref: string) => `<bpmn:signalEventDefinition signalRef="${ref}"/>`;
export const errorDef = (ref?: string) => (ref ? `<bpmn:errorEventDefinition errorRef="${ref}"/>` : '<bpmn:errorEventDefinition/>');
export const escalationDef = (ref?: string) => (ref ? `<bpmn:escalationEventDefinition escalationRef="${ref}"/>` : '<bpmn:escalationEventDefinition/>');
export const terminateDef = '<bpmn:terminateEventDefinition/>';
export const cancelDef = '<bpmn:cancelEventDefinition/>';
export const linkDef = (name: string) => `<bpmn:linkEventDefinition name="${name}"/>`;
export const compensateDef = (activityRef?: string) =>
  activityRef ? `<bpmn:compensateEventDefinition activityRef="${activityRef}"/>` : '<bpmn:compensateEventDefinition/>';
export const conditionDef = (condition: string) =>
  `<bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression">${escape(condition)}</bpmn:condition></bpmn:conditionalEventDefinition>`;
export const timerDef = (kind: 'timeDate' | 'timeDuration' | 'timeCycle', value: string, attrs = '') =>
  `<bpmn:timerEventDefinition ${attrs}><bpmn:${kind}>${escape(value)}</bpmn:${kind}></bpmn:timerEventDefinition>`;

/** The xsi namespace the conditional event definitions need; pass to `definitions()`. */
export const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

// Events.
export const catchEvent = (id: string, definition: string, attrs = '') => node('intermediateCatchEvent', id, attrs, definition);
export const throwEvent = (id: string, definition: string, ext = '') =>
  node('intermediateThrowEvent', id, '', `${ext ? `<bpmn:extensionElements>${ext}</bpmn:extensionElements>` : ''}${definition}`);
export const endWith = (id: string, definition: string) => node('endEvent', id, '', definition);
export const startWith = (id: string, definition: string, interrupting = true) =>
  node('startEvent', id, interrupting ? '' : 'isInterrupting="false"', definition);
export const boundary = (id: string, host: string, definition: string, interrupting = true) =>
  node('boundaryEvent', id, `attachedToRef="${host}"${interrupting ? '' : ' cancelActivity="false"'}`, definition);

// Scopes.
export const subProcess = (id: string, body: string, attrs = '') => node('subProcess', id, attrs, body);
export const eventSubProcess = (id: string, body: string) => node('subProcess', id, 'triggeredByEvent="true"', body);

/** zeebe:ioMapping from `target: source` records. */
export function io(inputs: Record<string, string> = {}, outputs: Record<string, string> = {}): string {
  const lines = [
    ...Object.entries(inputs).map(([target, source]) => `<zeebe:input source="${escape(source)}" target="${target}"/>`),
    ...Object.entries(outputs).map(([target, source]) => `<zeebe:output source="${escape(source)}" target="${target}"/>`),
  ];
  return `<zeebe:ioMapping>${lines.join('')}</zeebe:ioMapping>`;
}

/** An activity `id` (abstract task by default) that the user task `undo_<id>` compensates. */
export const compensable = (id: string, activity = node('task', id)) => activity
  + boundary(`${id}_comp`, id, compensateDef())
  + node('userTask', `undo_${id}`, 'isForCompensation="true"')
  + `<bpmn:association id="${id}_assoc" associationDirection="One" sourceRef="${id}_comp" targetRef="undo_${id}"/>`;

// Loops, to put inside an activity.
const formal = (tag: string, expression: string) => `<bpmn:${tag} xsi:type="bpmn:tFormalExpression">${escape(expression)}</bpmn:${tag}>`;

export function standardLoop(options: { condition?: string; testBefore?: boolean; maximum?: number }): string {
  const attrs = `${options.testBefore ? ' testBefore="true"' : ''}${options.maximum === undefined ? '' : ` loopMaximum="${options.maximum}"`}`;
  return `<bpmn:standardLoopCharacteristics${attrs}>${options.condition ? formal('loopCondition', options.condition) : ''}</bpmn:standardLoopCharacteristics>`;
}

export interface MultiInstanceOptions {
  sequential?: boolean;
  collection?: string;
  element?: string;
  output?: [collection: string, element: string];
  cardinality?: string;
  completion?: string;
}

export function multiInstance(o: MultiInstanceOptions): string {
  const zeebe = [
    o.collection ? `inputCollection="${escape(o.collection)}"` : '',
    o.element ? `inputElement="${o.element}"` : '',
    o.output ? `outputCollection="${o.output[0]}" outputElement="${escape(o.output[1])}"` : '',
  ].join(' ');
  return `<bpmn:multiInstanceLoopCharacteristics${o.sequential ? ' isSequential="true"' : ''}>`
    + (o.collection ? `<bpmn:extensionElements><zeebe:loopCharacteristics ${zeebe}/></bpmn:extensionElements>` : '')
    + (o.cardinality ? formal('loopCardinality', o.cardinality) : '')
    + (o.completion ? formal('completionCondition', o.completion) : '')
    + '</bpmn:multiInstanceLoopCharacteristics>';
}
