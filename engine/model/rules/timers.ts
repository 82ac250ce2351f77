import type { ModdleElement } from '../moddle.js';
import type { ModelIndex } from './model-index.js';
import type { Rule } from './rule.js';
import { describe } from './rule.js';
import { one } from './kinds.js';
import { isDynamic, isIsoDuration } from './syntax.js';

const timeKinds = ['timeDate', 'timeDuration', 'timeCycle'] as const;

/** The event a timer definition belongs to, for the author to find. */
const eventOf = (model: ModelIndex, timer: ModdleElement) => model.parentOf(timer) ?? timer;

/** EXT.131 — a timer is given by at most one of timeDate, timeDuration and timeCycle. */
const oneTimeKind: Rule = (model, problems) => {
  for (const timer of model.all('bpmn:TimerEventDefinition')) {
    const given = timeKinds.filter((k) => one(timer[k]));
    if (given.length <= 1) continue;
    const event = eventOf(model, timer);
    problems.add(event, 'EXT.131', `${describe(event)} has a timer with ${given.join(', ')}; only one may be given`);
  }
};

/**
 * EXT.134 — a timeDuration is an ISO 8601 duration. Text written as an expression (`=…`,
 * `${…}`) is evaluated at run time and checked there.
 */
const durationIsIso: Rule = (model, problems) => {
  for (const timer of model.all('bpmn:TimerEventDefinition')) {
    const body = one(timer.timeDuration)?.body;
    if (typeof body !== 'string' || isDynamic(body) || isIsoDuration(body)) continue;
    const event = eventOf(model, timer);
    problems.add(event, 'EXT.134', `${describe(event)} waits "${body.trim()}", which is no ISO 8601 duration`);
  }
};

/** Timer definitions. */
export const timerRules: readonly Rule[] = [oneTimeKind, durationIsIso];
