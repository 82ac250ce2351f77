/**
 * The event matrix, compensation column (BPMN 2.0.2 §10.5.2–10.5.5 tables 10.86–10.93, §13.5.5):
 * a compensation intermediate throw or end event in each scope runs the handlers of the
 * completed activities of its scope (caught by their compensation boundary events), the throw
 * waiting for them; a completed scope is compensated from outside, inside out; where nothing
 * is left to compensate the flow goes on. The cells the specification rules out are refused at
 * deploy with their rule, and the compensation event sub-process with the engine's reason.
 * README: "The event matrix".
 */
import { describe, expect, test } from '@jest/globals';
import { end, seq, start, userTask } from '../support/bpmn.js';
import { boundary, catchEvent, compensable, compensateDef, endWith, escalationDef, eventSubProcess, node, startWith, throwEvent } from '../core/elements.js';
import type { Scope } from './scopes.js';
import { SCOPES, complete, completeAll, expectRefused, inScope, open, run, status } from './scopes.js';

/** `A` completes at once and can be undone by `undo_A`; then the compensation is thrown. */
const throwing = [start('s'), compensable('A'), throwEvent('ev', compensateDef()), userTask('after'), end('e'), seq('s', 'A', 'ev', 'after', 'e')].join('\n');
const ending = [start('s'), compensable('A'), endWith('ev', compensateDef()), seq('s', 'A', 'ev')].join('\n');

/**
 * In an event sub-process the compensation undoes the scope the event sub-process belongs to:
 * here the process, where `A` completed before the escalation started the event sub-process.
 */
function fromEventSubProcess(body: string): string {
  const A = body.includes(compensable('A')) ? compensable('A') : node('task', 'A');
  const handler = body.replace(start('s'), startWith('s', escalationDef('Enter'), false)).replace(A, '').replace(seq('s', 'A', 'ev'), seq('s', 'ev'));
  return inScope('top level', [start('ps'), A, throwEvent('raise', escalationDef('Enter')), userTask('hold'), end('pe'), seq('ps', 'A', 'raise', 'hold', 'pe'),
    eventSubProcess('region', handler)].join('\n'));
}

const model = (scope: Scope, body: string) => (scope === 'event sub-process' ? fromEventSubProcess(body) : inScope(scope, body));
const besideHold = (scope: Scope, tasks: string[]) => (scope === 'event sub-process' ? [...tasks, 'hold'].sort() : tasks);

describe.each(SCOPES)('compensation in a %s', (scope) => {
  test('an intermediate throw event runs the handler of the completed activity (its compensation boundary event catches) and waits for it', async () => {
    await run(model(scope, throwing), async ({ engine, id }) => {
      expect(await open(engine)).toEqual(besideHold(scope, ['undo_A']));
      await complete(engine, 'undo_A');
      expect(await open(engine)).toEqual(besideHold(scope, ['after']));
      await completeAll(engine);
      expect(await status(engine, id)).toBe('completed');
    });
  });

  test('an intermediate throw event with nothing completed to compensate goes straight on', async () => {
    await run(model(scope, throwing.replace(compensable('A'), node('task', 'A'))), async ({ engine, id }) => {
      expect(await open(engine)).toEqual(besideHold(scope, ['after']));
      await completeAll(engine);
      expect(await status(engine, id)).toBe('completed');
    });
  });

  if (scope.startsWith('ad hoc')) {
    test('an end event cannot stand in an ad hoc sub-process (EXT.062)', async () => {
      await expectRefused(inScope(scope, ending), 'ev', 'EXT.062', /cannot be used inside the ad-hoc/);
    });
  } else {
    test('an end event runs the handler, then its scope ends', async () => {
      await run(model(scope, ending), async ({ engine, id }) => {
        expect(await open(engine)).toEqual(besideHold(scope, ['undo_A']));
        await completeAll(engine);
        expect(await status(engine, id)).toBe('completed');
      });
    });
  }
});

describe.each(['embedded sub-process', 'transaction', 'multi-instance body', 'ad hoc sub-process, sequential', 'ad hoc sub-process, parallel'] as const)(
  'a completed %s compensated from outside', (scope) => {
    test('a compensation throw after the scope completed runs the handlers of what completed inside it', async () => {
      const inside = [start('s'), compensable('A'), end('e'), seq('s', 'A', 'e')].join('\n');
      const xml = inScope(scope, inside, { after: { elements: [throwEvent('undo', compensateDef()), userTask('after')].join('\n'), ids: ['undo', 'after'] } });
      await run(xml, async ({ engine, id }) => {
        expect(await open(engine)).toEqual(['undo_A']);
        await complete(engine, 'undo_A');
        expect(await open(engine)).toEqual(['after']);
        await completeAll(engine);
        expect(await status(engine, id)).toBe('completed');
      });
    });
  });

describe('compensation, the cells the specification rules out or the engine refuses', () => {
  const work = [start('s'), userTask('work'), end('e'), seq('s', 'work', 'e')].join('\n');
  test.each([
    ['process start', 'top level', [startWith('ev', compensateDef()), userTask('after'), end('e'), seq('ev', 'after', 'e')].join('\n'), 'EXT.098', /starts a process, which Compensate cannot/],
    ['non-interrupting event sub-process start', 'embedded sub-process', [work, eventSubProcess('esp', [startWith('ev', compensateDef(), false), end('e3'), seq('ev', 'e3')].join(''))].join('\n'),
      'EXT.059', /may not be triggered by Compensate/],
    ['intermediate catch', 'embedded sub-process', [start('s'), catchEvent('ev', compensateDef()), end('e'), seq('s', 'ev', 'e')].join('\n'), 'EXT.148', /cannot catch Compensate/],
    ['non-interrupting boundary', 'embedded sub-process', [work, boundary('ev', 'work', compensateDef(), false), node('userTask', 'undo', 'isForCompensation="true"'),
      '<bpmn:association id="as" associationDirection="One" sourceRef="ev" targetRef="undo"/>'].join('\n'), 'EXT.110', /non-interrupting and cannot catch Compensate/],
    ['interrupting event sub-process start (a compensation event sub-process)', 'embedded sub-process',
      [work, eventSubProcess('esp', [startWith('ev', compensateDef()), userTask('undo'), end('e3'), seq('ev', 'undo', 'e3')].join(''))].join('\n'),
      'unsupported', /compensation event sub-process is not run by the engine/],
  ])('a compensation event as %s is refused with the reason', async (_position, scope, body, rule, reason) => {
    await expectRefused(inScope(scope as Scope, body), 'ev', rule, reason);
  });
});
