import type { ModelProblem } from '../../errors.js';
import type { ParsedDefinitions } from '../parse.js';
import { Problems } from '../problems.js';
import { indexModel } from './model-index.js';
import type { Rule } from './rule.js';
import { activityRules } from './activities.js';
import { artifactRules } from './artifacts.js';
import { boundaryEventRules } from './boundary-events.js';
import { callableRules } from './callables.js';
import { collaborationRules } from './collaboration.js';
import { dataAssociationRules } from './data-associations.js';
import { dataItemRules } from './data-items.js';
import { endEventRules } from './end-events.js';
import { eventDefinitionRules } from './event-definitions.js';
import { eventGatewayRules } from './event-gateways.js';
import { flowBorderRules } from './flow-borders.js';
import { flowCompletenessRules } from './flow-completeness.js';
import { formatRules } from './formats.js';
import { gatewayRules } from './gateways.js';
import { identityRules } from './identity.js';
import { intermediateEventRules } from './intermediate-events.js';
import { ioSpecificationRules } from './io-specification.js';
import { linkRules } from './links.js';
import { loopRules } from './loops.js';
import { messageFlowRules } from './message-flows.js';
import { referenceRules } from './references.js';
import { resourceRules } from './resources.js';
import { sequenceFlowRules } from './sequence-flows.js';
import { startEventRules } from './start-events.js';
import { subProcessRules } from './sub-processes.js';
import { taskRules } from './tasks.js';
import { timerRules } from './timers.js';

/** Every family of BPMN 2.0 specification constraints, in the order their problems are listed. */
const families: readonly (readonly Rule[])[] = [
  identityRules, referenceRules, formatRules, artifactRules, collaborationRules, messageFlowRules, sequenceFlowRules,
  flowBorderRules, flowCompletenessRules, gatewayRules, eventGatewayRules, startEventRules, endEventRules,
  intermediateEventRules, boundaryEventRules, linkRules, eventDefinitionRules, timerRules, activityRules, taskRules,
  resourceRules, subProcessRules, loopRules, callableRules, dataItemRules, ioSpecificationRules, dataAssociationRules,
];

/**
 * Checks a parsed model against the textual constraints of the BPMN 2.0 specification (rule ids
 * `EXT.nnn` as numbered by the betsy / BPMNspector work) and its referential integrity (`REF.nn`).
 * Pure: reads the model, returns every problem found; an empty list means the model keeps them all.
 */
export function checkSpecRules(parsed: ParsedDefinitions): ModelProblem[] {
  const model = indexModel(parsed);
  const problems = new Problems();
  for (const rule of families.flat()) rule(model, problems);
  return problems.list;
}
