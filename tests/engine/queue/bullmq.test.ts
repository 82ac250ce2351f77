import { afterEach, expect, test } from '@jest/globals';
import { jobsQueueName, TIMERS_QUEUE } from '../../../engine/queue/bullmq.js';
import { definitions, end, process as bpmnProcess, seq, start } from '../support/bpmn.js';
import { oneJob } from './support.js';
import { describeServer, serverTitle, TestServer } from './server.js';

const job = (id: string, type: string, retries = 3) =>
  `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}" retries="${retries}"/></bpmn:extensionElements></bpmn:serviceTask>`;
const timer = (id: string, duration: string) =>
  `<bpmn:intermediateCatchEvent id="${id}"><bpmn:timerEventDefinition><bpmn:timeDuration>${duration}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`;

/** Intake lookup, a one-second wait, then issuance: two jobs and a timer per case. */
const lookupWaitIssue = definitions(bpmnProcess('case', start(), job('lookup', 'lookup'), timer('wait', 'PT1S'), job('issue', 'issue'), end(),
  seq('start', 'lookup', 'wait', 'issue', 'end')));

/** A timer first, then a job: what sits in Redis while a case waits. */
const waitThenStamp = definitions(bpmnProcess('later', start(), timer('wait', 'PT2S'), job('stamp', 'stamp'), end(), seq('start', 'wait', 'stamp', 'end')));

let server: TestServer;
afterEach(async () => {
  await server?.close();
});

describeServer(serverTitle('server mode: BullMQ on Redis, PostgreSQL, worker processes'), () => {
  test('handing the same job or timer to the queue twice queues it once, and a type no worker serves is not queued', async () => {
    server = new TestServer();
    const queue = server.queue();
    try {
      await queue.serve(['register']);
      const pending = { id: 'c1~3', type: 'register', availableAt: 0 };
      expect([await queue.enqueueJob(pending, Date.now()), await queue.enqueueJob(pending, Date.now())]).toEqual([true, false]);
      expect(await queue.enqueueJob({ id: 'c1~4', type: 'left-to-external-workers', availableAt: 0 }, Date.now())).toBe(false);
      const armed = { instanceId: 'c1', key: '5', wait: 0, due: Date.now() + 60_000 };
      expect([await queue.enqueueTimer(armed, Date.now()), await queue.enqueueTimer(armed, Date.now())]).toEqual([true, false]);
      expect(await queue.queue(jobsQueueName('register')).getJobCounts('waiting', 'delayed')).toEqual({ waiting: 1, delayed: 0 });
      expect(await queue.queue(TIMERS_QUEUE).getJobCounts('waiting', 'delayed')).toEqual({ waiting: 0, delayed: 1 });
      await queue.removeTimer(armed);
      expect(await queue.queue(TIMERS_QUEUE).getJobCounts('waiting', 'delayed')).toEqual({ waiting: 0, delayed: 0 });
    } finally {
      await queue.close();
    }
  });

  test('two workers sharing the database and Redis carry a batch of cases through jobs, timers and retries to the end', async () => {
    server = new TestServer();
    const runs = new Map<string, number>();
    const byWorker = new Map<string, number>();
    const failedOnce = new Set<string>();
    const handlers = (name: string) => {
      const count = (instanceId: string, element: string) => {
        runs.set(`${instanceId}/${element}`, (runs.get(`${instanceId}/${element}`) ?? 0) + 1);
        byWorker.set(name, (byWorker.get(name) ?? 0) + 1);
      };
      return {
        lookup: async (j: { instanceId: string }) => { count(j.instanceId, 'lookup'); await new Promise((r) => setTimeout(r, 10)); return { household: 3 }; },
        // Issuance fails on its first try for every case: the retry comes back after the backoff.
        issue: (j: { instanceId: string }) => {
          count(j.instanceId, 'issue');
          if (!failedOnce.has(j.instanceId)) { failedOnce.add(j.instanceId); throw new Error('seal printer busy'); }
          return { issued: true };
        },
      };
    };
    await server.startWorker({ jobHandlers: handlers('w1') }, 'w1');
    await server.startWorker({ jobHandlers: handlers('w2') }, 'w2');
    const { engine: api } = await server.engine();
    await api.deploy(lookupWaitIssue);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await api.start('case', { caseNo: i })).id);
    await server.allEnded(api);

    for (const id of ids) {
      const view = await api.instance(id);
      expect(view).toMatchObject({ status: 'completed', variables: { household: 3, issued: true } });
      expect(runs.get(`${id}/lookup`)).toBeGreaterThanOrEqual(1);
      expect(runs.get(`${id}/issue`)).toBeGreaterThanOrEqual(2);
      expect(await api.verify(id)).toEqual({ ok: true, replayMatches: true });
    }
    expect([...byWorker.keys()].sort()).toEqual(['w1', 'w2']);
  }, 60_000);

  test('a job delivered twice runs once, and a timer delivered again after it fired does nothing', async () => {
    server = new TestServer();
    let stamped = 0;
    const { worker, queue } = await server.startWorker({ jobHandlers: { stamp: async () => { stamped++; await new Promise((r) => setTimeout(r, 50)); } } }, 'w1');
    await worker.pause();
    const { engine: api } = await server.engine();
    await api.deploy(oneJob('stamp'));
    const instance = await api.start('one-job');
    await api.idle();
    const jobId = `${instance.id}~${instance.active[0]!.key}`;
    // A second delivery of the same hand-out, as a redelivery after a lost acknowledgement would make.
    await queue.queue(jobsQueueName('stamp')).add('job', { jobId }, { jobId: 'redelivered-copy', removeOnComplete: true });
    await worker.resume();
    await server.allEnded(api);
    expect(stamped).toBe(1);
    expect(server.log.some((line) => line.includes(`job ${jobId}:`))).toBe(true);

    await api.deploy(waitThenStamp);
    const later = await api.start('later');
    const armed = (await api.store.dueTimers(Number.MAX_SAFE_INTEGER)).find((t) => t.instanceId === later.id)!;
    await server.allEnded(api);
    expect(await api.fireTimer(armed)).toBe(false);
    await queue.queue(TIMERS_QUEUE).add('timer', armed, { jobId: 'timer-copy', removeOnComplete: true });
    const until = Date.now() + 10_000;
    while (!server.log.some((line) => line.includes('timer timer-copy: stale')) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(server.log).toContain('w1: timer timer-copy: stale (withdrawn or re-armed meanwhile)');
    expect(stamped).toBe(2);
    expect(await api.verify(later.id)).toEqual({ ok: true, replayMatches: true });
  }, 30_000);

  test('a job that keeps failing retries with backoff, then raises an incident an operator sees and retries', async () => {
    server = new TestServer();
    let fixed = false;
    let tries = 0;
    await server.startWorker({ jobHandlers: { stamp: () => { tries++; if (!fixed) throw new Error('archive offline'); return { archived: true }; } } }, 'w1');
    const { engine: api } = await server.engine();
    await api.deploy(oneJob('stamp', 2));
    const instance = await api.start('one-job');
    const until = Date.now() + 15_000;
    while ((await api.incidents(instance.id)).length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    const [incident] = await api.incidents(instance.id);
    expect(incident).toMatchObject({ code: 'JOB_NO_RETRIES', message: 'archive offline', elementId: 'work' });
    expect(tries).toBe(2);
    fixed = true;
    await api.resolveIncident(instance.id, incident!.key, { retries: 1 });
    await server.allEnded(api);
    expect(tries).toBe(3);
    expect((await api.instance(instance.id))?.variables).toMatchObject({ archived: true });
    expect(await api.verify(instance.id)).toEqual({ ok: true, replayMatches: true });
  }, 30_000);

  test('when Redis loses its queues mid-run, the reconciler refills them from the database and every case still completes', async () => {
    server = new TestServer();
    let stamped = 0;
    const w1 = await server.startWorker({ jobHandlers: { stamp: () => { stamped++; } } }, 'w1');
    const w2 = await server.startWorker({ jobHandlers: { stamp: () => { stamped++; } } }, 'w2');
    const { engine: api, queue } = await server.engine();
    await api.deploy(waitThenStamp);
    await api.deploy(oneJob('stamp'));

    // Timers sitting in Redis, delayed: lost.
    const waiting: string[] = [];
    for (let i = 0; i < 8; i++) waiting.push((await api.start('later')).id);
    await api.idle();
    await queue.forgetEverything();
    expect(await queue.queue(TIMERS_QUEUE).getJobCounts('delayed')).toEqual({ delayed: 0 });

    // Jobs queued while the workers are paused: lost too.
    await Promise.all([w1.worker.pause(), w2.worker.pause()]);
    const queued: string[] = [];
    for (let i = 0; i < 5; i++) queued.push((await api.start('one-job')).id);
    await api.idle();
    await queue.forgetEverything();

    expect(await w1.worker.reconcile()).toEqual({ jobs: 5, timers: 8 });
    expect(await w2.worker.reconcile()).toEqual({ jobs: 0, timers: 0 });
    await Promise.all([w1.worker.resume(), w2.worker.resume()]);
    await server.allEnded(api);
    expect(stamped).toBeGreaterThanOrEqual(13);
    for (const id of [...waiting, ...queued]) {
      expect((await api.instance(id))?.status).toBe('completed');
      expect(await api.verify(id)).toEqual({ ok: true, replayMatches: true });
    }
  }, 30_000);
});
