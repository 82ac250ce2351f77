import { listOf } from '../moddle.js';
import type { Rule } from './rule.js';
import { isElement } from './model-index.js';
import { describe } from './rule.js';

/** EXT.027 — a Choreography or a Global Conversation does not reference a Choreography. */
const noChoreographyRef: Rule = (model, problems) => {
  for (const type of ['bpmn:Choreography', 'bpmn:GlobalConversation']) {
    for (const element of model.all(type)) {
      if (listOf(element.choreographyRef).length === 0) continue;
      problems.add(element, 'EXT.027', `${describe(element)} references a choreography; only a collaboration may`);
    }
  }
};

/** EXT.029 — the minimum of a Participant Multiplicity is not negative. */
const minimumNotNegative: Rule = (model, problems) => {
  for (const m of model.all('bpmn:ParticipantMultiplicity')) {
    if (typeof m.minimum === 'number' && m.minimum < 0) {
      problems.add(model.parentOf(m) ?? m, 'EXT.029', `participant multiplicity minimum ${m.minimum} is negative`);
    }
  }
};

/** EXT.030 — the maximum of a Participant Multiplicity is at least 1 and at least the minimum. */
const maximumCoversMinimum: Rule = (model, problems) => {
  for (const m of model.all('bpmn:ParticipantMultiplicity')) {
    const min = typeof m.minimum === 'number' ? m.minimum : 0;
    const max = typeof m.maximum === 'number' ? m.maximum : 1;
    if (max >= 1 && max >= min) continue;
    problems.add(model.parentOf(m) ?? m, 'EXT.030', `participant multiplicity maximum ${max} is below 1 or below the minimum ${min}`);
  }
};

/** EXT.032 — a Global Conversation holds no conversation nodes, associations or artifacts. */
const globalConversationIsEmpty: Rule = (model, problems) => {
  const forbidden = ['conversations', 'participantAssociations', 'messageFlowAssociations', 'conversationAssociations', 'artifacts'];
  for (const element of model.all('bpmn:GlobalConversation')) {
    const found = forbidden.filter((p) => present(element[p]));
    if (found.length === 0) continue;
    problems.add(element, 'EXT.032', `${describe(element)} contains ${found.join(', ')}; a global conversation may not`);
  }
};

/** EXT.033 — a Collaboration and the Choreography it references agree on isClosed. */
const isClosedAgrees: Rule = (model, problems) => {
  // Choreographies and global conversations are collaborations too; EXT.027 covers those.
  for (const collaboration of model.all('bpmn:Collaboration').filter((c) => c.$type === 'bpmn:Collaboration')) {
    for (const choreography of listOf(collaboration.choreographyRef)) {
      if (Boolean(collaboration.isClosed) === Boolean(choreography.isClosed)) continue;
      problems.add(collaboration, 'EXT.033', `${describe(collaboration)} and the choreography ${describe(choreography)} differ in isClosed`);
    }
  }
};

function present(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : isElement(value);
}

/** Constraints on collaborations, conversations and choreographies as wholes. */
export const collaborationRules: readonly Rule[] = [
  noChoreographyRef, minimumNotNegative, maximumCoversMinimum, globalConversationIsEmpty, isClosedAgrees,
];
