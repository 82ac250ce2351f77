/**
 * The catching side of the event matrix: what a trigger's definition looks like, the region of
 * flow that catches it at each position, and how the outside world sends it.
 */
import type { Engine } from '../../../engine/index.js';
import { end, seq, start, userTask } from '../support/bpmn.js';
import { boundary, catchEvent, conditionDef, eventSubProcess, messageDef, signalDef, startWith, timerDef } from '../core/elements.js';

export type Trigger = 'message' | 'timer' | 'signal' | 'conditional';
export type CatchPosition = 'intermediate catch' | 'boundary interrupting' | 'boundary non-interrupting'
  | 'event sub-process start interrupting' | 'event sub-process start non-interrupting';

export const TRIGGERS: Trigger[] = ['message', 'timer', 'signal', 'conditional'];
export const POSITIONS: CatchPosition[] = ['intermediate catch', 'boundary interrupting', 'boundary non-interrupting',
  'event sub-process start interrupting', 'event sub-process start non-interrupting'];

const HOUR = 3_600_000;

export function definitionOf(trigger: Trigger): string {
  switch (trigger) {
    case 'message': return messageDef('M');
    case 'timer': return timerDef('timeDuration', 'PT1H');
    case 'signal': return signalDef('S');
    case 'conditional': return conditionDef('=go = true');
  }
}

/**
 * The elements that catch `definition` (one or several event definitions) at `position` as
 * the event `ev`; `after` is the task the event leads to, `work` what it may interrupt.
 */
export function region(definition: string, position: CatchPosition): string {
  const interrupting = !position.endsWith('non-interrupting');
  if (position === 'intermediate catch') {
    return [start('s'), catchEvent('ev', definition), userTask('after'), end('e'), seq('s', 'ev', 'after', 'e')].join('\n');
  }
  if (position.startsWith('boundary')) {
    return [start('s'), userTask('work'), end('e'), boundary('ev', 'work', definition, interrupting), userTask('after'), end('e2'),
      seq('s', 'work', 'e'), seq('ev', 'after', 'e2')].join('\n');
  }
  return [start('s'), userTask('work'), end('e'), seq('s', 'work', 'e'),
    eventSubProcess('esp', [startWith('ev', definition, interrupting), userTask('after'), end('e3'), seq('ev', 'after', 'e3')].join('\n'))].join('\n');
}

/** Sends the trigger the way the outside world does. */
export async function fire(engine: Engine, trigger: Trigger): Promise<void> {
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
