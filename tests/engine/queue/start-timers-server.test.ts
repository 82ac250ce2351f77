import { expect, test } from '@jest/globals';
import type { Engine } from '../../../engine/index.js';
import { definitions, end, process as bpmnProcess, seq, userTask } from '../support/bpmn.js';
import { startWith, timerDef } from '../core/elements.js';
import { describeServer, serverTitle, TestServer } from './server.js';

/** Started twice, a second apart, by its timer start event only. */
const twiceASecondApart = definitions(bpmnProcess('nightly', startWith('tick', timerDef('timeCycle', 'R2/PT1S')), userTask('recheck'), end(), seq('tick', 'recheck', 'end')));

async function startedCount(engine: Engine): Promise<number> {
  return (await engine.store.instances({ processId: 'nightly' })).length;
}

describeServer(serverTitle('server mode: timer start events with an api process and two workers on the system clock'), () => {
  test('every process looks at the timer start, and each due time starts one instance', async () => {
    const server = new TestServer();
    try {
      await server.startWorker({}, 'w1');
      await server.startWorker({}, 'w2');
      const { engine: api } = await server.engine();
      await api.deploy(twiceASecondApart);
      const until = Date.now() + 20_000;
      while ((await startedCount(api)) < 2 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
      // Three schedulers look about once a second: a due time two of them both fired would show as a third instance by now.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(await startedCount(api)).toBe(2);
      expect(await api.store.nextStartTimer()).toBeUndefined();
    } finally {
      await server.close();
    }
  }, 60_000);
});
