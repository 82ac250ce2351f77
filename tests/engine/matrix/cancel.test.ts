/**
 * The event matrix, cancel column (BPMN 2.0.2 §10.5.2 table 10.88, §10.5.4, §10.5.5, §13.5.6):
 * a cancel end event inside a transaction ends the transaction's work, compensates what it
 * completed and leaves by the transaction's cancel boundary event, in every scope the
 * transaction can stand in. Every other place a cancel event could be drawn is refused at
 * deploy, with the rule of the specification that forbids it. README: "The event matrix".
 */
import { describe, expect, test } from '@jest/globals';
import { end, seq, start, userTask } from '../support/bpmn.js';
import { boundary, cancelDef, catchEvent, compensable, endWith, eventSubProcess, multiInstance, node, startWith, throwEvent } from '../core/elements.js';
import type { Scope } from './scopes.js';
import { SCOPES, complete, completeAll, expectRefused, inScope, open, run, status } from './scopes.js';

/** The transaction `tx`: `booked` (compensable by `undo_booked`) completes, then `inside` waits, then the cancel end event. */
const transactionBody = [start('ts'), compensable('booked'), userTask('inside'), endWith('cancel', cancelDef), seq('ts', 'booked', 'inside', 'cancel')].join('\n');
const cancelledBy = (host: string) => [boundary('cancelled', host, cancelDef), userTask('handle'), end('e2'), seq('cancelled', 'handle', 'e2')].join('\n');

/** The transaction with its cancel boundary event, standing in a scope's flow. */
const region = [start('s'), node('transaction', 'tx', '', transactionBody), end('e'), seq('s', 'tx', 'e'), cancelledBy('tx')].join('\n');

/** Cancelling: the compensation handler runs first, then the cancel boundary's flow; the transaction's flow after it does not. */
async function cancelsAndCompensates(xml: string): Promise<void> {
  await run(xml, async ({ engine, id }) => {
    expect(await open(engine)).toEqual(['inside']);
    await complete(engine, 'inside');
    expect(await open(engine)).toEqual(['undo_booked']);
    await complete(engine, 'undo_booked');
    expect(await open(engine)).toEqual(['handle']);
    await completeAll(engine);
    expect(await status(engine, id)).toBe('completed');
  });
}

describe.each(SCOPES)('cancel in a transaction standing in a %s', (scope: Scope) => {
  test('a cancel end event compensates the transaction and leaves by its cancel boundary event', async () => {
    await cancelsAndCompensates(inScope(scope, region));
  });

  test('a cancel end event outside any transaction is refused (EXT.106)', async () => {
    const body = [start('s'), userTask('inside'), endWith('cancel', cancelDef), seq('s', 'inside', 'cancel')].join('\n');
    if (scope === 'transaction') {
      // The scope is itself a transaction: the cancel end event is in its place, and runs.
      await cancelsAndCompensates(inScope(scope, body.replace(userTask('inside'), `${compensable('booked')}${userTask('inside')}`)
        .replace(seq('s', 'inside'), seq('s', 'booked', 'inside')), { beside: cancelledBy('region') }));
      return;
    }
    const rule = scope.startsWith('ad hoc') ? 'EXT.062' : 'EXT.106';
    await expectRefused(inScope(scope, body), 'cancel', rule, rule === 'EXT.062' ? /cannot be used inside the ad-hoc/ : /cancels, but is not inside a transaction/);
  });
});

describe('cancel, the cells the specification rules out or leaves open', () => {
  test('a cancel end event in a sub-process nested in a transaction cancels the transaction around it', async () => {
    const inner = node('subProcess', 'inner', '', [start('is'), userTask('inside'), endWith('cancel', cancelDef), seq('is', 'inside', 'cancel')].join('\n'));
    const nested = [start('ts'), compensable('booked'), inner, end('te'), seq('ts', 'booked', 'inner', 'te')].join('\n');
    await cancelsAndCompensates(inScope('top level', region.replace(transactionBody, nested)));
  });

  test('a cancel in one instance of a multi-instance transaction cancels every instance (the boundary is on the whole activity)', async () => {
    const body = [start('ts'), compensable('booked'), userTask('inside'), node('exclusiveGateway', 'which', 'default="which_done"'), endWith('cancel', cancelDef), end('done'),
      seq('ts', 'booked', 'inside', 'which'), `<bpmn:sequenceFlow id="which_cancel" sourceRef="which" targetRef="cancel"><bpmn:conditionExpression>=stop = true</bpmn:conditionExpression></bpmn:sequenceFlow>`,
      `<bpmn:sequenceFlow id="which_done" sourceRef="which" targetRef="done"/>`].join('\n');
    const loop = multiInstance({ collection: '=[1, 2]', element: 'x' });
    const xml = inScope('top level', region.replace(node('transaction', 'tx', '', transactionBody), node('transaction', 'tx', '', `${loop}\n${body}`)));
    await run(xml, async ({ engine, id }) => {
      expect(await open(engine)).toEqual(['inside', 'inside']);
      const [one] = await engine.tasks({ elementId: 'inside' });
      await engine.completeTask(one!.id, { stop: true });
      await engine.idle();
      // That instance cancels: the other stops, both compensate, then the boundary's flow runs once.
      expect(await open(engine)).toEqual(['undo_booked', 'undo_booked']);
      await complete(engine, 'undo_booked');
      await complete(engine, 'undo_booked');
      expect(await open(engine)).toEqual(['handle']);
      await completeAll(engine);
      expect(await status(engine, id)).toBe('completed');
    });
  });

  test('a cancel end event whose transaction has no cancel boundary event is refused: nothing would catch the cancel', async () => {
    await expectRefused(inScope('transaction', transactionBody.replace(start('ts'), start('s')).replace(seq('ts', 'booked'), seq('s', 'booked'))),
      'cancel', 'cancel', /no cancel boundary event/);
  });

  test('a non-interrupting cancel boundary event is refused (EXT.110)', async () => {
    await expectRefused(inScope('top level', region.replace(boundary('cancelled', 'tx', cancelDef), boundary('cancelled', 'tx', cancelDef, false))),
      'cancelled', 'EXT.110', /non-interrupting and cannot catch Cancel/);
  });

  test('a cancel boundary event on anything but a transaction is refused (EXT.111)', async () => {
    const xml = inScope('top level', [start('s'), userTask('work'), end('e'), seq('s', 'work', 'e'), cancelledBy('work')].join('\n'));
    await expectRefused(xml, 'cancelled', 'EXT.111', /not on a transaction/);
  });

  test.each([
    ['process start', [startWith('ev', cancelDef), userTask('after'), end('e'), seq('ev', 'after', 'e')].join('\n'), 'EXT.098', /starts a process, which Cancel cannot/],
    ['interrupting event sub-process start', [start('s'), userTask('work'), end('e'), seq('s', 'work', 'e'),
      eventSubProcess('esp', [startWith('ev', cancelDef), end('e3'), seq('ev', 'e3')].join(''))].join('\n'), 'EXT.059', /may not be triggered by Cancel/],
    ['non-interrupting event sub-process start', [start('s'), userTask('work'), end('e'), seq('s', 'work', 'e'),
      eventSubProcess('esp', [startWith('ev', cancelDef, false), end('e3'), seq('ev', 'e3')].join(''))].join('\n'), 'EXT.059', /may not be triggered by Cancel/],
    ['intermediate catch', [start('s'), catchEvent('ev', cancelDef), end('e'), seq('s', 'ev', 'e')].join('\n'), 'EXT.148', /cannot catch Cancel/],
    ['intermediate throw', [start('s'), throwEvent('ev', cancelDef), end('e'), seq('s', 'ev', 'e')].join('\n'), 'EXT.149', /cannot throw Cancel/],
  ])('a cancel event as %s is refused with the reason', async (position, body, rule, reason) => {
    // A process start stands at the top level; the others stand where a cancel could reach them, in a transaction.
    await expectRefused(inScope(position === 'process start' ? 'top level' : 'transaction', body), 'ev', rule, reason);
  });
});
