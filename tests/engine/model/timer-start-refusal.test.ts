import { describe, expect, test } from '@jest/globals';
import { createEngine, ModelError, VirtualClock } from '../../../engine/index.js';
import { definitions, end, process, seq, userTask } from '../support/bpmn.js';
import { timerDef } from '../core/elements.js';

const timerStart = (cycle: string) => definitions(process('p', `<bpmn:startEvent id="every">${timerDef('timeCycle', cycle)}</bpmn:startEvent>`,
  userTask('t'), end(), seq('every', 't', 'end')));

describe('a timer start event that cannot be armed refuses the deployment, and nothing is stored', () => {
  test('the refusal is a ModelError naming the start event, and the process is not deployed', async () => {
    const engine = createEngine({ clock: new VirtualClock() });
    try {
      const refusal = await engine.deploy(timerStart('R/P1X')).catch((err: unknown) => err);
      expect(refusal).toBeInstanceOf(ModelError);
      expect((refusal as ModelError).problems).toEqual([expect.objectContaining({ elementId: 'every', rule: 'timer' })]);
      await expect(engine.start('p')).rejects.toThrow(expect.objectContaining({ code: 'PROCESS_NOT_FOUND' }));
      // A good version deploys as version 1: the refused file left no version behind.
      expect((await engine.deploy(timerStart('R/P1D'))).processes).toEqual([expect.objectContaining({ processId: 'p', version: 1 })]);
    } finally {
      await engine.close();
    }
  });
});
