import { afterEach, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { KnexStoreOptions } from '../../engine/store/knex/connect.js';
import { httpClient } from './support.js';
import { VirtualClock } from '../../engine/index.js';
import { applicant, itemNamed, required } from './cases.js';
import { boot, durableDatabase } from './support-durable.js';
import type { BootedServer } from './support-durable.js';
import { followCases } from '../../api/cases/follow.js';
import { timeContextOf } from '../../api/time-limits/timed-update.js';
import { caseLog, findCase } from '../../api/cases/repository.js';

const BIRTH = itemNamed('出生登记');
const ACCEPTED = { variables: { accepted: true, missingMaterials: [] } };
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

type Line = { action: string; actorId?: string; at: string; detail: { taskId?: string; variables?: Record<string, unknown> } };

/** The case's log lines about one task, by action. */
async function linesAbout(server: BootedServer, token: string, caseId: string, taskId: string): Promise<Line[]> {
  const log = (await server.call('GET', `/cases/${caseId}`, { token })).body.log as Line[];
  return log.filter((l) => l.detail.taskId === taskId);
}

function completeWithKey(server: BootedServer, token: string, taskId: string, key: string, body: unknown = ACCEPTED) {
  return server.call('POST', `/tasks/${taskId}/complete`, { token, body, headers: { 'idempotency-key': key } });
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** tests/api/dying-server.ts on the database, its clock at `instant`; resolves with its address and its end. */
async function dyingServer(options: KnexStoreOptions, instant: number): Promise<{ url: string; killed: Promise<NodeJS.Signals | null> }> {
  const { NODE_OPTIONS: _jestOptions, ...env } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/api/dying-server.ts', JSON.stringify(options), String(instant)], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  cleanup.push(async () => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL'); });
  const killed = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  let output = '';
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += String(chunk);
      const listening = /listening (\S+)/.exec(output);
      if (listening) resolve(listening[1]!);
    });
    void killed.then(() => reject(new Error(`the server ended before it listened:\n${output}`)));
  });
  return { url, killed };
}

/**
 * A case taken in on a server that is killed (SIGKILL) as its clerk's acceptance has been
 * committed by the engine and before the case followed it: the request gets no answer.
 */
async function acceptanceCommittedThenKilled(): Promise<{ database: ReturnType<typeof durableDatabase>; clock: VirtualClock; caseId: string; taskId: string; committedAt: number; running: { server?: BootedServer } }> {
  const database = durableDatabase();
  cleanup.push(database.drop);
  const committedAt = Date.UTC(2026, 2, 2, 1, 0, 0);
  const dying = await dyingServer(database.options, committedAt);
  const first = httpClient(dying.url);
  const clerk = await first.login('ob.clerk.a');
  const created = await first.call('POST', '/cases', { token: clerk, body: { itemCode: BIRTH.code, applicant, provided: required(BIRTH) } });
  expect(created.status).toBe(201);
  const caseId = created.body.id as string;
  const [task] = (await first.call('GET', '/tasks', { token: clerk })).body as Array<{ id: string }>;
  const taskId = task!.id;
  await expect(first.call('POST', `/tasks/${taskId}/complete`, { token: clerk, body: ACCEPTED, headers: { 'idempotency-key': 'accept-once' } })).rejects.toThrow();
  expect(await dying.killed).toBe('SIGKILL');
  // The engine committed the completion; the case knows nothing of it.
  const store = database.store();
  expect((await store.tasks({ instanceId: taskId.split('~')[0]! })).map((t) => t.elementId)).toEqual(['decide']);
  expect((await caseLog(store.knex, caseId)).filter((l) => l.detail.taskId === taskId).map((l) => l.action)).toEqual(['step-opened']);
  expect((await findCase(store.knex, caseId))?.status).toBe('received');
  await store.close();
  // Started again past the outbox's grace period, and past the time a retry may take over the dead request's key.
  const clock = new VirtualClock(committedAt + 5 * 60_000);
  const running: { server?: BootedServer } = {};
  cleanup.push(async () => { await running.server?.stop(); });
  return { database, clock, caseId, taskId, committedAt, running };
}

describe('a completion is one unit of work: the case follows the engine\'s commit, even across a crash', () => {
  test('a crash after the engine committed a step and before the case followed it: the next start brings the case up to its process, once', async () => {
    const { database, clock, caseId, taskId, committedAt, running } = await acceptanceCommittedThenKilled();
    const second = await boot(database.store(), clock);
    running.server = second;
    const clerk = await second.login('ob.clerk.a');
    const shown = (await second.call('GET', `/cases/${caseId}`, { token: clerk })).body;
    expect(shown.case.status).toBe('handling');
    expect(Date.parse(shown.case.acceptedAt)).toBe(committedAt);
    const lines = await linesAbout(second, clerk, caseId, taskId);
    expect(lines.map((l) => [l.action, l.actorId ?? null])).toEqual([['step-opened', null], ['step-done', 's-ob-clerk-a'], ['step-closed', null]]);
    expect(lines[1]!.detail.variables).toMatchObject({ accepted: true, missingMaterials: [] });
    expect(shown.case.currentSteps.map((s: { elementId: string }) => s.elementId)).toEqual(['decide']);
  }, 60_000);

  test('the retry of that completion with its Idempotency-Key answers the case as the first attempt would have, without doing it again; another body under the key is refused', async () => {
    const { database, clock, caseId, taskId, running } = await acceptanceCommittedThenKilled();
    const second = await boot(database.store(), clock);
    running.server = second;
    const clerk = await second.login('ob.clerk.a');
    const retry = await completeWithKey(second, clerk, taskId, 'accept-once');
    expect([retry.status, retry.body.id, retry.body.status]).toEqual([200, caseId, 'handling']);
    expect((await completeWithKey(second, clerk, taskId, 'accept-once')).body).toEqual(retry.body);
    const changed = await completeWithKey(second, clerk, taskId, 'accept-once', { variables: { accepted: false, refusalReason: '材料不全' } });
    expect([changed.status, changed.body.error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    // Another person's retry of the same step is told it is done, and by whom.
    const other = await second.login('ob.clerk.b');
    const theirs = await completeWithKey(second, other, taskId, 'accept-once');
    expect([theirs.status, theirs.body.error?.code]).toEqual([409, 'TASK_ALREADY_COMPLETED']);
    expect((await linesAbout(second, clerk, caseId, taskId)).filter((l) => l.action === 'step-done')).toHaveLength(1);
  }, 60_000);

  test('effects delivered twice (the outbox\'s at-least-once) write the case and its lines once: a step\'s answer, its close, the next step\'s opening', async () => {
    const database = durableDatabase();
    cleanup.push(database.drop);
    const server = await boot(database.store(), new VirtualClock(Date.UTC(2026, 2, 2, 1, 0, 0)));
    cleanup.push(server.stop);
    // A second follower on the same engine: every effect reaches the cases twice.
    const stopSecond = followCases(timeContextOf(server.platform.db, server.platform.engine), server.platform.engine);
    cleanup.push(async () => stopSecond());
    const clerk = await server.login('ob.clerk.a');
    const created = await server.call('POST', '/cases', { token: clerk, body: { itemCode: BIRTH.code, applicant, provided: required(BIRTH) } });
    const [task] = (await server.call('GET', '/tasks', { token: clerk })).body as Array<{ id: string }>;
    const done = await server.call('POST', `/tasks/${task!.id}/complete`, { token: clerk, body: ACCEPTED });
    expect([done.status, done.body.status]).toEqual([200, 'handling']);
    const lines = await linesAbout(server, clerk, created.body.id, task!.id);
    expect(lines.map((l) => l.action)).toEqual(['step-opened', 'step-done', 'step-closed']);
    expect((await server.call('GET', `/cases/${created.body.id}`, { token: clerk })).body.log.filter((l: Line) => l.action === 'step-opened')).toHaveLength(2);
  }, 60_000);
});
