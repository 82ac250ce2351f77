import type { ModdleElement } from '../moddle.js';
import type { ModelIndex } from './model-index.js';
import { isA } from './model-index.js';
import type { Rule } from './rule.js';
import { describe } from './rule.js';
import { incomingOf, one, outgoingOf, triggersOf } from './kinds.js';

const gateways = (model: ModelIndex) => model.all('bpmn:EventBasedGateway');
const targetsOf = (gateway: ModdleElement) =>
  outgoingOf(gateway).map((f) => one(f.targetRef)).filter((t) => t !== undefined);

/** EXT.136 — an event-based gateway has two or more outgoing sequence flows. */
const twoOrMoreOutgoing: Rule = (model, problems) => {
  for (const gateway of gateways(model).filter((g) => outgoingOf(g).length < 2)) {
    const n = outgoingOf(gateway).length;
    problems.add(gateway, 'EXT.136', `${describe(gateway)} is event-based with ${n} outgoing flows; it needs two or more`);
  }
};

/** EXT.137 — the outgoing sequence flows of an event-based gateway carry no condition. */
const noConditions: Rule = (model, problems) => {
  for (const flow of gateways(model).flatMap(outgoingOf).filter((f) => one(f.conditionExpression))) {
    problems.add(flow, 'EXT.137', `${describe(flow)} leaves an event-based gateway and may not carry a condition`);
  }
};

const waitTriggers = ['Message', 'Signal', 'Timer', 'Conditional'];
const waits = (node: ModdleElement) => isA(node, 'bpmn:ReceiveTask') ||
  (isA(node, 'bpmn:IntermediateCatchEvent') && triggersOf(node).length > 0 && triggersOf(node).every((t) => waitTriggers.includes(t)));

/** EXT.138 — an event-based gateway leads only to receive tasks and message, signal, timer or conditional catch events. */
const targetsWait: Rule = (model, problems) => {
  for (const gateway of gateways(model)) {
    for (const target of targetsOf(gateway).filter((t) => !waits(t))) {
      problems.add(gateway, 'EXT.138', `${describe(gateway)} leads to ${describe(target)}, which waits for no event`);
    }
  }
};

/** EXT.139 — one gateway does not mix receive tasks with message catch events. */
const noMessageMix: Rule = (model, problems) => {
  for (const gateway of gateways(model)) {
    const targets = targetsOf(gateway);
    const receives = targets.some((t) => isA(t, 'bpmn:ReceiveTask'));
    const messages = targets.some((t) => isA(t, 'bpmn:IntermediateCatchEvent') && triggersOf(t).includes('Message'));
    if (receives && messages) problems.add(gateway, 'EXT.139', `${describe(gateway)} mixes receive tasks and message catch events`);
  }
};

/** EXT.140 — a receive task after an event-based gateway has no boundary events. */
const receiveTasksBare: Rule = (model, problems) => {
  const attached = new Set(model.all('bpmn:BoundaryEvent').map((b) => b.attachedToRef));
  for (const task of gateways(model).flatMap(targetsOf).filter((t) => isA(t, 'bpmn:ReceiveTask') && attached.has(t))) {
    problems.add(task, 'EXT.140', `${describe(task)} follows an event-based gateway and may not carry boundary events`);
  }
};

/** EXT.141 — a target of an event-based gateway has no other incoming sequence flow. */
const targetsOnlyFromGateway: Rule = (model, problems) => {
  for (const target of gateways(model).flatMap(targetsOf).filter((t) => incomingOf(t).length > 1)) {
    problems.add(target, 'EXT.141', `${describe(target)} follows an event-based gateway yet has other incoming flows`);
  }
};

/** EXT.142 — an event-based gateway that instantiates the process has no incoming sequence flow. */
const instantiatingHasNoIncoming: Rule = (model, problems) => {
  for (const gateway of gateways(model).filter((g) => g.instantiate === true && incomingOf(g).length > 0)) {
    problems.add(gateway, 'EXT.142', `${describe(gateway)} instantiates the process yet has an incoming flow`);
  }
};

/** The configuration around event-based gateways. */
export const eventGatewayRules: readonly Rule[] = [
  twoOrMoreOutgoing, noConditions, targetsWait, noMessageMix, receiveTasksBare, targetsOnlyFromGateway, instantiatingHasNoIncoming,
];
