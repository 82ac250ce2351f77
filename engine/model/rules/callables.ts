import type { ModdleElement } from '../moddle.js';
import { listOf } from '../moddle.js';
import { isA } from './model-index.js';
import type { Rule } from './rule.js';
import { describe } from './rule.js';
import { flowElementsOf, one, triggersOf } from './kinds.js';

/** EXT.064 — a Callable Element exposed through a service interface binds its data to it (ioBinding). */
const exposedNeedsBinding: Rule = (model, problems) => {
  for (const callable of model.all('bpmn:CallableElement')) {
    if (listOf(callable.supportedInterfaceRef).length === 0 || listOf(callable.ioBinding).length > 0) continue;
    problems.add(callable, 'EXT.064', `${describe(callable)} supports an interface but has no ioBinding`);
  }
};

/** The structure an item-aware element or a message carries, via its item definition. */
function structureOf(itemDefinition: ModdleElement | undefined): string | undefined {
  const structure = itemDefinition?.structureRef;
  return typeof structure === 'string' ? structure : undefined;
}

/** EXT.065 — an ioBinding binds an input and an output whose items match the operation's messages. */
const bindingMatchesOperation: Rule = (model, problems) => {
  for (const binding of model.all('bpmn:InputOutputBinding')) {
    const operation = one(binding.operationRef);
    const pairs: [ModdleElement | undefined, unknown, string][] = [
      [one(binding.inputDataRef), one(operation?.inMessageRef)?.itemRef, 'input'],
      [one(binding.outputDataRef), one(operation?.outMessageRef)?.itemRef, 'output'],
    ];
    for (const [data, messageItem, side] of pairs) {
      const mine = structureOf(one(data?.itemSubjectRef));
      const theirs = structureOf(one(messageItem));
      if (!mine || !theirs || mine === theirs) continue;
      const callable = model.parentOf(binding) ?? binding;
      problems.add(callable, 'EXT.065',
        `${describe(callable)} binds ${side} ${describe(data)} of type ${mine} to ${describe(operation)}, whose message carries ${theirs}`);
    }
  }
};

const isNoneStart = (e: ModdleElement) => isA(e, 'bpmn:StartEvent') && triggersOf(e).length === 0;

/** EXT.099 — a Process that a Call Activity calls has a None Start Event to be started by. */
const calledProcessHasNoneStart: Rule = (model, problems) => {
  for (const call of model.all('bpmn:CallActivity')) {
    const called = typeof call.calledElement === 'string' ? model.byId.get(call.calledElement) : undefined;
    if (!called || !isA(called, 'bpmn:Process')) continue;
    const starts = flowElementsOf(called).filter((e) => isA(e, 'bpmn:StartEvent'));
    if (starts.length === 0 || starts.some(isNoneStart)) continue;
    problems.add(called, 'EXT.099', `${describe(called)} is called by ${describe(call)} but has no none start event`);
  }
};

/** Constraints on processes and global tasks as callable, service-exposed units. */
export const callableRules: readonly Rule[] = [exposedNeedsBinding, bindingMatchesOperation, calledProcessHasNoneStart];
