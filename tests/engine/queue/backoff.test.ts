import { describe, expect, test } from '@jest/globals';
import { createEngine, VirtualClock, weekdayCalendar } from '../../../engine/index.js';
import { exponentialBackoff } from '../../../engine/jobs/job-runner.js';
import { durableStores, embedded, MONDAY_9AM, oneJob, stores } from './support.js';

describe('retry with backoff', () => {
  test('the default backoff doubles from one second and stops growing at ten minutes', () => {
    expect([0, 1, 2, 3, 9, 10, 50].map(exponentialBackoff)).toEqual([1_000, 2_000, 4_000, 8_000, 512_000, 600_000, 600_000]);
  });

  describe.each(stores())('on %s', (_name, store) => {
    test('a failing handler runs again after 1 s, then 2 s, then raises an incident that resolving with retries clears', async () => {
      const runs: number[] = [];
      let failing = true;
      const { engine, clock } = embedded(store(), {
        jobHandlers: { register: () => { runs.push(clock.now()); if (failing) throw new Error('registry offline'); return { registered: true }; } },
      });
      await engine.deploy(oneJob('register', 3));
      const instance = await engine.start('one-job');
      await engine.idle();
      expect(runs).toEqual([MONDAY_9AM]);
      // Waiting out its backoff, the job is held back from external workers too.
      expect(await engine.activateJobs('register')).toEqual([]);

      await engine.advanceTime(999);
      expect(runs).toHaveLength(1);
      await engine.advanceTime(1);
      expect(runs).toEqual([MONDAY_9AM, MONDAY_9AM + 1_000]);
      await engine.advanceTime(2_000);
      expect(runs).toEqual([MONDAY_9AM, MONDAY_9AM + 1_000, MONDAY_9AM + 3_000]);

      const [incident] = await engine.incidents(instance.id);
      expect(incident).toMatchObject({ elementId: 'work', code: 'JOB_NO_RETRIES', message: 'registry offline' });
      await engine.advanceTime(3_600_000);
      expect(runs).toHaveLength(3);
      expect(await engine.activateJobs('register')).toEqual([]);

      failing = false;
      await engine.resolveIncident(instance.id, incident!.key, { retries: 2 });
      await engine.idle();
      expect(runs).toHaveLength(4);
      expect(await engine.incidents(instance.id)).toEqual([]);
      expect((await engine.instance(instance.id))?.status).toBe('completed');
      expect(await engine.verify(instance.id)).toEqual({ ok: true, replayMatches: true });
    });

    test('an external worker that fails a job with a backoff gets it back only when the backoff ends', async () => {
      const { engine, clock } = embedded(store());
      await engine.deploy(oneJob('register', 3));
      const instance = await engine.start('one-job');
      const [job] = await engine.activateJobs('register', { worker: 'w1', lockMs: 60_000 });
      await engine.failJob(job!.id, { retries: 2, message: 'try later', backoffMs: 30_000 });
      expect(await engine.activateJobs('register', { worker: 'w2' })).toEqual([]);
      clock.set(clock.now() + 29_999);
      expect(await engine.activateJobs('register', { worker: 'w2' })).toEqual([]);
      clock.set(clock.now() + 1);
      const [again] = await engine.activateJobs('register', { worker: 'w2' });
      expect(again).toMatchObject({ id: job!.id, retries: 2 });
      await engine.completeJob(again!.id);
      await engine.idle();
      expect((await engine.instance(instance.id))?.status).toBe('completed');
    });
  });

  describe.each(durableStores())('after a restart on %s', (_name, make) => {
    test('a job whose handler never finished runs again, and a retry waiting out its backoff runs when it ends', async () => {
      const { reopen, cleanup } = make();
      try {
        const before = createEngine({ store: reopen(false), clock: new VirtualClock(MONDAY_9AM), calendar: weekdayCalendar(), jobHandlers: { register: () => { throw new Error('down'); } } });
        await before.deploy(oneJob('register', 3));
        const failed = await before.start('one-job');
        await before.idle();
        await before.close();

        // The second instance's job is created while no handler runs, as when a crash cut the handler short.
        const noHandler = createEngine({ store: reopen(false), clock: new VirtualClock(MONDAY_9AM), calendar: weekdayCalendar() });
        const pending = await noHandler.start('one-job');
        await noHandler.idle();
        await noHandler.close();

        const runs: string[] = [];
        const clock = new VirtualClock(MONDAY_9AM);
        const after = createEngine({ store: reopen(true), clock, calendar: weekdayCalendar(), jobHandlers: { register: (job) => { runs.push(job.instanceId); } } });
        await after.idle();
        await after.advanceTime(0);
        expect(runs).toEqual([pending.id]);
        await after.advanceTime(1_000);
        expect(runs).toEqual([pending.id, failed.id]);
        for (const id of [failed.id, pending.id]) expect((await after.instance(id))?.status).toBe('completed');
        await after.close();
      } finally {
        cleanup();
      }
    });
  });
});
