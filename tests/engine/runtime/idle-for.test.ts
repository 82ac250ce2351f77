import { describe, expect, test } from '@jest/globals';
import { createEngine, VirtualClock } from '../../../engine/index.js';
import type { Job } from '../../../engine/index.js';
import { definitions, end, process as bpmnProcess, seq, serviceTask, start } from '../support/bpmn.js';
import { MONDAY_9AM } from '../support/harness.js';

/** One service task of type `check`. */
const xml = definitions(bpmnProcess('checked', start(), serviceTask('check', 'check'), end(), seq('start', 'check', 'end')));

describe('waiting for one instance\'s work', () => {
  test('idleFor waits for the instance\'s own job, not for one that hangs in another instance', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const engine = createEngine({
      clock: new VirtualClock(MONDAY_9AM),
      jobHandlers: { check: async (job: Job) => { if (job.variables.hang) await gate; return { checked: true }; } },
    });
    await engine.deploy(xml);
    await engine.start('checked', { hang: true });
    const quick = await engine.start('checked', { hang: false });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise((resolve) => { timer = setTimeout(() => resolve('late'), 2_000); });
    const waited = await Promise.race([engine.idleFor([quick.id]).then(() => 'done'), late]);
    clearTimeout(timer);
    expect(waited).toBe('done');
    expect(await engine.instance(quick.id)).toMatchObject({ status: 'completed', variables: { checked: true } });
    release();
    await engine.idle();
    await engine.close();
  });

  test('a start under a given id is idempotent: a repeat returns the instance, another process or key is refused', async () => {
    const engine = createEngine({ clock: new VirtualClock(MONDAY_9AM) });
    await engine.deploy(xml);
    const first = await engine.start('checked', { n: 1 }, { id: 'case-0001', businessKey: 'case-0001' });
    const again = await engine.start('checked', { n: 2 }, { id: 'case-0001', businessKey: 'case-0001' });
    expect(again.id).toBe(first.id);
    expect(again.variables.n).toBe(1);
    await expect(engine.start('checked', {}, { id: 'case-0001', businessKey: 'other' })).rejects.toMatchObject({ code: 'INSTANCE_EXISTS' });
    await engine.close();
  });
});
