/**
 * The event matrix, catching side (BPMN 2.0.2 §10.5, tables 10.84–10.90): each trigger the
 * engine can be sent (message, timer, signal, conditional) in each position that catches
 * (intermediate catch, boundary interrupting and not, event sub-process start interrupting and
 * not, process start) in each scope (top level, embedded sub-process, transaction,
 * multi-instance body, called process). Each cell fires as the specification says: the flow
 * after the event runs; an interrupting event ends what it interrupts, a non-interrupting one
 * leaves it running; and the instance then completes. README: "The event matrix".
 */
import { describe, expect, test } from '@jest/globals';
import { createEngine, VirtualClock } from '../../../engine/index.js';
import type { Engine } from '../../../engine/index.js';
import { definitions, end, process, seq, start, userTask } from '../support/bpmn.js';
import { boundary, catchEvent, conditionDef, eventSubProcess, message, messageDef, node, signal, signalDef, startWith, timerDef, XSI } from '../core/elements.js';

export type Trigger = 'message' | 'timer' | 'signal' | 'conditional';
export type CatchPosition = 'intermediate catch' | 'boundary interrupting' | 'boundary non-interrupting'
  | 'event sub-process start interrupting' | 'event sub-process start non-interrupting';
export type Scope = 'top level' | 'embedded sub-process' | 'transaction' | 'multi-instance body' | 'called process';

const TRIGGERS: Trigger[] = ['message', 'timer', 'signal', 'conditional'];
const POSITIONS: CatchPosition[] = ['intermediate catch', 'boundary interrupting', 'boundary non-interrupting',
  'event sub-process start interrupting', 'event sub-process start non-interrupting'];
const SCOPES: Scope[] = ['top level', 'embedded sub-process', 'transaction', 'multi-instance body', 'called process'];

const HOUR = 3_600_000;

function definitionOf(trigger: Trigger): string {
  switch (trigger) {
    case 'message': return messageDef('M');
    case 'timer': return timerDef('timeDuration', 'PT1H');
    case 'signal': return signalDef('S');
    case 'conditional': return conditionDef('=go = true');
  }
}

/** The elements that catch `trigger` at `position`; `after` is the task the event leads to, `work` what it may interrupt. */
function region(trigger: Trigger, position: CatchPosition): string {
  const def = definitionOf(trigger);
  const interrupting = !position.endsWith('non-interrupting');
  if (position === 'intermediate catch') {
    return [start('s'), catchEvent('ev', def), userTask('after'), end('e'), seq('s', 'ev', 'after', 'e')].join('\n');
  }
  if (position.startsWith('boundary')) {
    return [start('s'), userTask('work'), end('e'), boundary('ev', 'work', def, interrupting), userTask('after'), end('e2'),
      seq('s', 'work', 'e'), seq('ev', 'after', 'e2')].join('\n');
  }
  return [start('s'), userTask('work'), end('e'), seq('s', 'work', 'e'),
    eventSubProcess('esp', [startWith('ev', def, interrupting), userTask('after'), end('e3'), seq('ev', 'after', 'e3')].join('\n'))].join('\n');
}

const multiInstance = '<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=[1]" inputElement="x"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>';

/** The whole model: the region in its scope, and the root elements the definitions name. */
export function model(trigger: Trigger, position: CatchPosition, scope: Scope): string {
  const body = region(trigger, position);
  const roots = `${message('M', 'm', '=key')}\n${signal('S', 's')}`;
  const around = (inner: string) => [start('ps'), inner, end('pe'), seq('ps', 'region', 'pe')].join('\n');
  switch (scope) {
    case 'top level':
      return definitions(`${process('p', body)}\n${roots}`, XSI);
    case 'embedded sub-process':
      return definitions(`${process('p', around(node('subProcess', 'region', '', body)))}\n${roots}`, XSI);
    case 'transaction':
      return definitions(`${process('p', around(node('transaction', 'region', '', body)))}\n${roots}`, XSI);
    case 'multi-instance body':
      return definitions(`${process('p', around(node('subProcess', 'region', '', `${multiInstance}\n${body}`)))}\n${roots}`, XSI);
    case 'called process':
      return definitions(`${process('p', around(node('callActivity', 'region', '', '<bpmn:extensionElements><zeebe:calledElement processId="child"/></bpmn:extensionElements>')))}
${process('child', body)}\n${roots}`, XSI);
  }
}

/** Sends the trigger the way the outside world does. */
async function fire(engine: Engine, trigger: Trigger): Promise<void> {
  switch (trigger) {
    case 'message':
      await engine.correlateMessage('m', 'k1');
      break;
    case 'timer':
      await engine.advanceTime(HOUR + 60_000);
      break;
    case 'signal':
      await engine.broadcastSignal('s');
      break;
    case 'conditional':
      for (const instance of await engine.store.instances({ status: 'active' })) await engine.setVariables(instance.id, { go: true });
      break;
  }
  await engine.idle();
}

const openAt = async (engine: Engine, elementId: string) => (await engine.tasks({ elementId })).length;

describe.each(SCOPES)('catching events in a %s', (scope) => {
  const cells = TRIGGERS.flatMap((trigger) => POSITIONS.map((position) => [trigger, position] as const));
  test.each(cells)('%s, %s: fires as the specification says and the instance completes', async (trigger, position) => {
    const engine = createEngine({ clock: new VirtualClock(Date.UTC(2026, 2, 2, 1)) });
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
      for (const task of await engine.tasks()) await engine.completeTask(task.id, {});
      await engine.idle();
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
    const engine = createEngine({ clock: new VirtualClock(Date.UTC(2026, 2, 2, 1)) });
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
    const engine = createEngine({ clock: new VirtualClock(Date.UTC(2026, 2, 2, 1)) });
    try {
      await expect(engine.deploy(startedBy('conditional'))).rejects.toThrow(expect.objectContaining({
        code: 'MODEL_INVALID', problems: [expect.objectContaining({ elementId: 'ev', rule: 'unsupported', message: expect.stringContaining('would never start an instance') })],
      }));
    } finally {
      await engine.close();
    }
  });
});
