/**
 * The event matrix, catching side (BPMN 2.0.2 §10.5, tables 10.84–10.90): each trigger the
 * engine can be sent (message, timer, signal, conditional) in each position that catches
 * (intermediate catch, boundary interrupting and not, event sub-process start interrupting and
 * not, process start) in each scope (top level, embedded sub-process, event sub-process, called
 * process, transaction, multi-instance body, ad hoc sub-process in either ordering). Each cell fires as the specification says: the flow
 * after the event runs; an interrupting event ends what it interrupts, a non-interrupting one
 * leaves it running; and the instance then completes. README: "The event matrix".
 */
import { describe, expect, test } from '@jest/globals';
import { definitions, end, process, seq, userTask } from '../support/bpmn.js';
import { message, signal, startWith, XSI } from '../core/elements.js';
import type { Scope } from './scopes.js';
import { SCOPES, completeAll, inScope, newEngine, openAt } from './scopes.js';
import type { CatchPosition, Trigger } from './triggers.js';
import { POSITIONS, TRIGGERS, definitionOf, fire, region } from './triggers.js';

const HOUR = 3_600_000;

/** The whole model: the region in its scope, and the root elements the definitions name. */
function model(trigger: Trigger, position: CatchPosition, scope: Scope): string {
  return inScope(scope, region(definitionOf(trigger), position), { roots: `${message('M', 'm', '=key')}\n${signal('S', 's')}` });
}

describe.each(SCOPES)('catching events in a %s', (scope) => {
  const cells = TRIGGERS.flatMap((trigger) => POSITIONS.map((position) => [trigger, position] as const));
  test.each(cells)('%s, %s: fires as the specification says and the instance completes', async (trigger, position) => {
    const engine = newEngine();
    try {
      await engine.deploy(model(trigger, position, scope));
      const instance = await engine.start('p', { key: 'k1', go: false });
      await engine.idle();
      expect(await openAt(engine, 'after')).toBe(0);
      await fire(engine, trigger);
      expect(await openAt(engine, 'after')).toBe(1);
      if (position !== 'intermediate catch') {
        // An interrupting event ends the task it interrupts; a non-interrupting one leaves it open.
        expect(await openAt(engine, 'work')).toBe(position.endsWith('non-interrupting') ? 1 : 0);
      }
      await completeAll(engine);
      expect((await engine.instance(instance.id))!.status).toBe('completed');
    } finally {
      await engine.close();
    }
  });
});

describe('process start events', () => {
  const roots = `${message('M', 'm')}\n${signal('S', 's')}`;
  const startedBy = (trigger: Trigger) => definitions(`${process('p', startWith('ev', definitionOf(trigger)), userTask('after'), end('e'), seq('ev', 'after', 'e'))}\n${roots}`, XSI);

  test.each(['message', 'signal', 'timer'] as const)('a %s start event starts an instance when triggered', async (trigger) => {
    const engine = newEngine();
    try {
      await engine.deploy(startedBy(trigger === 'timer' ? 'timer' : trigger).replaceAll('timeDuration', 'timeDate').replace('PT1H', '2026-03-02T02:00:00Z'));
      expect(await openAt(engine, 'after')).toBe(0);
      if (trigger === 'message') await engine.correlateMessage('m');
      if (trigger === 'signal') await engine.broadcastSignal('s');
      if (trigger === 'timer') await engine.advanceTime(HOUR + 60_000);
      await engine.idle();
      expect(await openAt(engine, 'after')).toBe(1);
    } finally {
      await engine.close();
    }
  });

  test('a conditional start event of a process is refused at deploy: nothing outside an instance has variables for it to watch', async () => {
    const engine = newEngine();
    try {
      await expect(engine.deploy(startedBy('conditional'))).rejects.toThrow(expect.objectContaining({
        code: 'MODEL_INVALID', problems: [expect.objectContaining({ elementId: 'ev', rule: 'unsupported', message: expect.stringContaining('would never start an instance') })],
      }));
    } finally {
      await engine.close();
    }
  });
});
