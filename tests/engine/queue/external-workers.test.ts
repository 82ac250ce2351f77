import { describe, expect, test } from '@jest/globals';
import { embedded, oneJob, stores } from './support.js';

describe.each(stores())('external job workers on %s', (_name, store) => {
  test('a worker locks jobs of a type; a locked job is nobody else\'s until the lock expires, then another worker gets it', async () => {
    const { engine, clock } = embedded(store());
    await engine.deploy(oneJob('register'));
    const instance = await engine.start('one-job', { applicant: '赵' });
    const [job] = await engine.activateJobs('register', { worker: 'w1', lockMs: 60_000 });
    expect(job).toMatchObject({ type: 'register', instanceId: instance.id, elementId: 'work', retries: 3, variables: { applicant: '赵' } });
    expect(await engine.activateJobs('register', { worker: 'w2' })).toEqual([]);
    expect(await engine.activateJobs('other-type', { worker: 'w2' })).toEqual([]);
    clock.set(clock.now() + 60_001);
    const [again] = await engine.activateJobs('register', { worker: 'w2' });
    expect(again?.id).toBe(job!.id);
  });

  test('completing a job moves the instance on; completing it again is JOB_NOT_FOUND and changes nothing', async () => {
    const { engine } = embedded(store());
    await engine.deploy(oneJob('register'));
    const instance = await engine.start('one-job');
    const [job] = await engine.activateJobs('register', { worker: 'w1' });
    await engine.completeJob(job!.id, { caseNo: 9 });
    await expect(engine.completeJob(job!.id, { caseNo: 10 })).rejects.toMatchObject({ code: 'JOB_NOT_FOUND' });
    await expect(engine.failJob(job!.id, { retries: 1, message: 'late' })).rejects.toMatchObject({ code: 'JOB_NOT_FOUND' });
    const view = await engine.instance(instance.id);
    expect(view).toMatchObject({ status: 'completed', variables: { caseNo: 9 } });
    expect(await engine.verify(instance.id)).toEqual({ ok: true, replayMatches: true });
  });

  test('two workers activating at once share the jobs out without overlap', async () => {
    const { engine } = embedded(store());
    await engine.deploy(oneJob('register'));
    for (let i = 0; i < 6; i++) await engine.start('one-job');
    const [a, b] = await Promise.all([
      engine.activateJobs('register', { worker: 'a', max: 6 }),
      engine.activateJobs('register', { worker: 'b', max: 6 }),
    ]);
    const ids = [...a, ...b].map((job) => job.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(6);
  });

  test('a job failed with no retries left is held by an incident: no worker gets it until an operator resolves it', async () => {
    const { engine, clock } = embedded(store());
    await engine.deploy(oneJob('register', 1));
    const instance = await engine.start('one-job');
    const [job] = await engine.activateJobs('register', { worker: 'w1', lockMs: 1_000 });
    await engine.failJob(job!.id, { retries: 0, message: 'registry refused' });
    clock.set(clock.now() + 3_600_000);
    expect(await engine.activateJobs('register', { worker: 'w2' })).toEqual([]);
    const [incident] = await engine.incidents(instance.id);
    expect(incident).toMatchObject({ code: 'JOB_NO_RETRIES', message: 'registry refused' });
    await engine.resolveIncident(instance.id, incident!.key, { retries: 1 });
    const [again] = await engine.activateJobs('register', { worker: 'w2' });
    expect(again).toMatchObject({ id: job!.id, retries: 1 });
    await engine.completeJob(again!.id);
    expect((await engine.instance(instance.id))?.status).toBe('completed');
  });
});
