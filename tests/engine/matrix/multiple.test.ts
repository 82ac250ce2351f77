/**
 * The event matrix, multiple and parallel multiple columns (BPMN 2.0.2 §10.5.2–10.5.5, tables
 * 10.87, 10.89, 10.90, 10.93; §13.5): an event with several definitions catches whichever occurs
 * first (multiple) or waits for all of them (parallel multiple), at every catching position in
 * every scope, and throws all of them (multiple) from an intermediate throw or end event. A
 * parallel multiple process start is refused with the engine's reason; a parallel multiple
 * throw event is not BPMN (the attribute belongs to catch events) and is refused.
 * README: "The event matrix".
 */
import { describe, expect, test } from '@jest/globals';
import { end, seq, start, userTask } from '../support/bpmn.js';
import { boundary, catchEvent, endWith, error, errorDef, escalation, escalationDef, eventSubProcess, message, messageDef, node, signal, signalDef, startWith, throwEvent } from '../core/elements.js';
import type { Engine } from '../../../engine/index.js';
import type { Scope } from './scopes.js';
import { SCOPES, complete, completeAll, expectRefused, inScope, newEngine, open, openAt, run, status } from './scopes.js';
import type { CatchPosition } from './triggers.js';
import { POSITIONS, fire, region } from './triggers.js';

const roots = [message('M', 'm', '=key'), signal('S', 's'), escalation('X', 'LATE')].join('\n');
const both = `${messageDef('M')}${signalDef('S')}`;
const parallel = (xml: string) => xml.replace('id="ev"', 'id="ev" parallelMultiple="true"');

const catching = (scope: Scope, position: CatchPosition, all: boolean) => {
  const body = region(both, position);
  return inScope(scope, all ? parallel(body) : body, { roots });
};

/** Whether the message is still awaited: correlating it is refused when nobody waits. */
const messageAwaited = (engine: Engine) => engine.correlateMessage('m', 'k1').then(() => true, () => false);

/** After the event fired: an interrupting one ended `work`, a non-interrupting one left it open. */
async function firedAsPositioned(engine: Engine, position: CatchPosition): Promise<void> {
  expect(await openAt(engine, 'after')).toBe(1);
  if (position !== 'intermediate catch') expect(await openAt(engine, 'work')).toBe(position.endsWith('non-interrupting') ? 1 : 0);
}

describe.each(SCOPES)('multiple and parallel multiple catch events in a %s', (scope) => {
  test.each(POSITIONS)('multiple, %s: the first of its events to occur fires it', async (position) => {
    await run(catching(scope, position, false), async ({ engine, id }) => {
      expect(await openAt(engine, 'after')).toBe(0);
      await fire(engine, 'signal');
      await firedAsPositioned(engine, position);
      // A catch that fired, or whose work was interrupted, no longer waits for the other event.
      expect(await messageAwaited(engine)).toBe(position.endsWith('non-interrupting'));
      await engine.idle();
      await completeAll(engine);
      expect(await status(engine, id)).toBe('completed');
    }, { key: 'k1' });
  });

  test.each(POSITIONS)('parallel multiple, %s: fires only once all of its events occurred', async (position) => {
    await run(catching(scope, position, true), async ({ engine, id }) => {
      await fire(engine, 'signal');
      expect(await openAt(engine, 'after')).toBe(0);
      await fire(engine, 'message');
      await firedAsPositioned(engine, position);
      if (position.endsWith('non-interrupting')) {
        // Still listening, for all of its events again.
        await fire(engine, 'signal');
        expect(await openAt(engine, 'after')).toBe(1);
        await fire(engine, 'message');
        expect(await openAt(engine, 'after')).toBe(2);
      }
      await completeAll(engine);
      expect(await status(engine, id)).toBe('completed');
    }, { key: 'k1' });
  });
});

/**
 * `inside`, then the event `ev` throwing the signal and the escalation: a signal catch `heard`
 * on a parallel branch and an event sub-process of the region catch them.
 */
function throwingBoth(at: 'intermediate throw' | 'end'): string {
  const results = `${signalDef('S')}${escalationDef('X')}`;
  const thrower = at === 'end' ? [endWith('ev', results), seq('s', 'fork', 'inside', 'ev')] : [throwEvent('ev', results), userTask('after'), end('e'), seq('s', 'fork', 'inside', 'ev', 'after', 'e')];
  return [start('s'), node('parallelGateway', 'fork'), userTask('inside'), ...thrower,
    catchEvent('heard', signalDef('S')), userTask('gotS'), end('e2'), seq('fork', 'heard', 'gotS', 'e2'),
    eventSubProcess('esp', [startWith('caught', escalationDef('X'), false), userTask('gotX'), end('e3'), seq('caught', 'gotX', 'e3')].join(''))].join('\n');
}

describe.each(SCOPES)('multiple throw events in a %s', (scope) => {
  test('a multiple intermediate throw event throws each of its events, then goes on', async () => {
    await run(inScope(scope, throwingBoth('intermediate throw'), { roots }), async ({ engine, id }) => {
      await complete(engine, 'inside');
      expect(await open(engine)).toEqual(['after', 'gotS', 'gotX']);
      await completeAll(engine);
      expect(await status(engine, id)).toBe('completed');
    });
  });

  test('a multiple intermediate throw event whose events nothing catches goes on (§10.5.6: an escalation is not critical; a signal nobody waits for is lost)', async () => {
    const alone = [start('s'), userTask('inside'), throwEvent('ev', `${signalDef('S')}${escalationDef('X')}`), userTask('after'), end('e'), seq('s', 'inside', 'ev', 'after', 'e')].join('\n');
    await run(inScope(scope, alone, { roots }), async ({ engine, id }) => {
      await complete(engine, 'inside');
      expect(await open(engine)).toEqual(['after']);
      await completeAll(engine);
      expect(await status(engine, id)).toBe('completed');
    });
  });

  if (scope.startsWith('ad hoc')) {
    test('a multiple end event cannot stand in an ad hoc sub-process (EXT.062)', async () => {
      await expectRefused(inScope(scope, throwingBoth('end'), { roots }), 'ev', 'EXT.062', /cannot be used inside the ad-hoc/);
    });
    return;
  }
  test('a multiple end event throws each of its events', async () => {
    await run(inScope(scope, throwingBoth('end'), { roots }), async ({ engine, id }) => {
      await complete(engine, 'inside');
      expect(await open(engine)).toEqual(['gotS', 'gotX']);
      await completeAll(engine);
      expect(await status(engine, id)).toBe('completed');
    });
  });
});

describe('multiple and parallel multiple process start events', () => {
  const startedBy = (all: boolean) => {
    const body = [startWith('ev', both), userTask('after'), end('e'), seq('ev', 'after', 'e')].join('\n');
    return inScope('top level', all ? parallel(body) : body, { roots });
  };

  test.each(['message', 'signal'] as const)('a multiple start event starts an instance on its %s', async (trigger) => {
    const engine = newEngine();
    try {
      await engine.deploy(startedBy(false));
      if (trigger === 'message') await engine.correlateMessage('m');
      else await engine.broadcastSignal('s');
      await engine.idle();
      expect(await open(engine)).toEqual(['after']);
    } finally {
      await engine.close();
    }
  });

  test('a parallel multiple start event of a process is refused: its triggers would have to be gathered before any instance exists', async () => {
    await expectRefused(startedBy(true), 'ev', 'unsupported', /parallel multiple start event of a process/);
  });

  test.each(['intermediate throw', 'end'] as const)('parallel multiple on an %s event is refused: the attribute belongs to catch events only', async (at) => {
    await expectRefused(inScope('top level', parallel(throwingBoth(at)), { roots }), 'ev', 'unsupported', /parallelMultiple belongs to catch events/);
  });
});

describe('a multiple end event whose events include an error', () => {
  test('throws its signal too, whatever the order in the model, though the error ends the scope it was thrown in', async () => {
    const inner = [start('is'), userTask('inside'), endWith('ev', `${errorDef('E')}${signalDef('S')}`), seq('is', 'inside', 'ev')].join('\n');
    const body = [start('s'), node('parallelGateway', 'fork'), node('subProcess', 'failing', '', inner), end('e'),
      boundary('caught', 'failing', errorDef('E')), userTask('handle'), end('e4'), seq('caught', 'handle', 'e4'),
      catchEvent('heard', signalDef('S')), userTask('gotS'), end('e2'), seq('s', 'fork', 'failing', 'e'), seq('fork', 'heard', 'gotS', 'e2')].join('\n');
    await run(inScope('top level', body, { roots: `${roots}\n${error('E', 'FAILED')}` }), async ({ engine, id }) => {
      await complete(engine, 'inside');
      expect(await open(engine)).toEqual(['gotS', 'handle']);
      await completeAll(engine);
      expect(await status(engine, id)).toBe('completed');
    });
  });
});
