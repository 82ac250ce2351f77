import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import { complete, itemNamed, receive, stepOf, waitForCase } from './cases.js';
import { watchJobHandlers } from '../../api/supervision/watch.js';
import { timeContextOf } from '../../api/time-limits/timed-update.js';
import type { Job } from '../../engine/index.js';

const BIRTH = itemNamed('出生登记');

/** How long a call took, in ms, and what it answered. */
async function timed<T>(call: Promise<T>): Promise<{ ms: number; answer: T }> {
  const started = Date.now();
  const answer = await call;
  return { ms: Date.now() - started, answer };
}

/** Fails with `why` unless `promise` settles within `ms`. */
async function within<T>(promise: Promise<T>, ms: number, why: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(why)), ms); });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

describe('a request waits for what it caused, not for the whole engine', () => {
  test('a job that hangs for one case delays neither another case\'s intake nor its acceptance', async () => {
    const server = await startServer();
    const clerk = await server.login('ob.clerk.a');
    const stuck = await receive(server, clerk, BIRTH);
    const other = await receive(server, clerk, BIRTH);

    // The watch's job of the first case hangs from now on (a slow service, a lock): the others' run as usual.
    const handlers = watchJobHandlers({ ...timeContextOf(server.store.knex, server.engine), clock: server.engine.clock });
    let release!: () => void;
    const released = new Promise<void>((resolve) => { release = resolve; });
    let entered!: () => void;
    const hanging = new Promise<void>((resolve) => { entered = resolve; });
    server.engine.registerJobHandler('time-limits', async (job: Job) => {
      if (job.variables.caseId === stuck) {
        entered();
        await released;
      }
      return handlers['time-limits']!(job);
    });
    const accepting = complete(server, clerk, stuck, 'accept', { accepted: true, missingMaterials: [] });
    // Released whatever happens, or closing the engine would wait for the hanging job for ever.
    try {
      await within(hanging, 10_000, 'the first case\'s watch job never ran');

    const intake = await within(timed(server.call('POST', '/cases', { token: clerk, body: { itemCode: BIRTH.code, applicant: { kind: 'person', name: '李雷', idNumber: '11010519491231002X', phone: '13800005678' }, provided: BIRTH.materials.filter((m) => m.required).map((m) => m.name) } })), 8_000, 'the intake waited for another case\'s job');
    expect(intake.answer.status).toBe(201);
    expect(intake.ms).toBeLessThan(3_000);
    const task = await stepOf(server, clerk, other, 'accept');
    const accepted = await within(timed(server.call('POST', `/tasks/${task.id}/complete`, { token: clerk, body: { variables: { accepted: true, missingMaterials: [] } } })), 8_000, 'the acceptance waited for another case\'s job');
    expect([accepted.answer.status, accepted.answer.body.status]).toEqual([200, 'handling']);
    expect(accepted.answer.body.acceptedAt).toBeDefined();
    expect(accepted.ms).toBeLessThan(3_000);
    } finally {
      release();
    }
    // Released, the stuck case's own work finishes: its acceptance answers, and the case shows it accepted.
    expect((await accepting).status).toBe('handling');
    const shown = await waitForCase(server, clerk, stuck, (c) => c.case.status === 'handling');
    expect(shown.case.acceptedAt).toBeDefined();
  });
});
