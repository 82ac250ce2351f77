import { describe, expect, test } from '@jest/globals';
import type { Effect, InstanceState } from '../../engine/index.js';
import { caseMessages } from '../../processes/index.js';
import { extensionFollower } from '../../api/cases/extension-follow.js';
import { recordRequest } from '../../api/cases/extension-record.js';
import { decisionVariables, requestVariables } from '../../api/cases/extension-variables.js';
import { startServer } from './support.js';
import type { TestServer } from './support.js';
import { chinaTime, complete, detail, itemNamed, receiveAccepted, stepOf } from './cases.js';

const ROAD = itemNamed('临时占用城市道路审批');

type Delivered = [string, Effect, InstanceState];

/** Every effect the engine delivers from now on, kept so a test can deliver it again (as the outbox does after a crash). */
function recordDeliveries(server: TestServer): Delivered[] {
  const seen: Delivered[] = [];
  server.engine.subscribe((instanceId, effect, state) => { seen.push([instanceId, effect, structuredClone(state)]); });
  return seen;
}

async function redeliver(server: TestServer, seen: Delivered[]): Promise<void> {
  const follower = extensionFollower(server.store.knex, server.clock);
  for (const [instanceId, effect, state] of seen) await follower(instanceId, effect, state);
}

async function acceptedCase(server: TestServer): Promise<string> {
  const clerk = await server.login('ob.clerk.a');
  return receiveAccepted(server, clerk, ROAD);
}

const extensionLines = async (server: TestServer, caseId: string) => (await detail(server, await server.login('zfj.head'), caseId)).log
  .filter((e) => e.action.startsWith('extension-')).map((e) => [e.action, e.actorId ?? null, e.detail.extensionId]);

describe('an extension follows its approval task in the process, so neither write is left half done', () => {
  test('a request the process took before the api died is stored from the approval task, once, and the head decides it', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const caseId = await acceptedCase(server);
    const seen = recordDeliveries(server);
    const asked = { id: `${caseId}-E-lost`, caseId, days: 4, reason: '需现场勘验', status: 'pending' as const, requestedBy: 's-ob-clerk-a', requestedAt: chinaTime('2026-03-02 09:00') };
    // Only the first write: the message, as requestExtension sends it, and no row.
    await server.engine.correlateMessage(caseMessages.extensionRequested, caseId, requestVariables(asked));
    await server.engine.idle();
    await redeliver(server, seen);

    const head = await server.login('zfj.head');
    expect((await server.call('GET', '/extensions?status=pending', { token: head })).body).toEqual([{ ...asked, requestedAt: '2026-03-02T09:00:00+08:00' }]);
    expect(await extensionLines(server, caseId)).toEqual([['extension-requested', 's-ob-clerk-a', asked.id]]);
    expect((await server.call('POST', `/cases/${caseId}/extensions`, { token: await server.login('ob.clerk.a'), body: { days: 1, reason: '再次申请' } })).body.error.code).toBe('EXTENSION_PENDING');
    const approved = await complete(server, head, caseId, 'decide_extension', { extensionApproved: true });
    expect([approved.dueAt, approved.extendedDays]).toEqual(['2026-03-13T23:59:59+08:00', 4]);
  }, 60_000);

  test('a decision is stored when the task closes, whoever closed it: the head\'s late answer finds it decided, and a redelivered close changes nothing', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const caseId = await acceptedCase(server);
    const asked = await server.call('POST', `/cases/${caseId}/extensions`, { token: await server.login('ob.clerk.a'), body: { days: 3, reason: '申请人要求' } });
    const head = await server.login('zfj.head');
    const stale = await stepOf(server, head, caseId, 'decide_extension');
    const seen = recordDeliveries(server);
    // Someone else (another api process) completes the task first, refusing it.
    await server.engine.completeTask(stale.id, decisionVariables({ extensionApproved: false, extensionOpinion: '理由不足' }, 's-head-enforce', chinaTime('2026-03-02 09:00')));
    await server.engine.idle();
    await redeliver(server, seen);

    const late = await server.call('POST', `/tasks/${stale.id}/complete`, { token: head, body: { variables: { extensionApproved: true } } });
    expect([late.status, late.body.error.code]).toEqual([409, 'TASK_ALREADY_COMPLETED']);
    const again = await server.call('POST', `/extensions/${encodeURIComponent(asked.body.id)}/decision`, { token: head, body: { approved: true } });
    expect([again.status, again.body.error.code]).toEqual([409, 'EXTENSION_DECIDED']);
    expect((await server.call('GET', '/extensions', { token: head })).body).toMatchObject([{ id: asked.body.id, status: 'refused', decidedBy: 's-head-enforce', decisionNote: '理由不足' }]);
    expect(await extensionLines(server, caseId)).toEqual([['extension-requested', 's-ob-clerk-a', asked.body.id], ['extension-refused', 's-head-enforce', asked.body.id]]);
    expect((await detail(server, head, caseId)).case.extendedDays).toBeUndefined();
  }, 60_000);

  test('a request still pending when the case is withdrawn lapses, with a log line, and its approval leaves the inbox', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const caseId = await acceptedCase(server);
    const clerk = await server.login('ob.clerk.a');
    const asked = await server.call('POST', `/cases/${caseId}/extensions`, { token: clerk, body: { days: 2, reason: '需征求意见' } });
    expect((await server.call('POST', `/cases/${caseId}/withdraw`, { token: clerk, body: { reason: '申请人不再申领' } })).body.status).toBe('withdrawn');

    const head = await server.login('zfj.head');
    expect((await server.call('GET', '/extensions?status=lapsed', { token: head })).body).toMatchObject([{ id: asked.body.id, status: 'lapsed', decidedAt: '2026-03-02T09:00:00+08:00' }]);
    expect(await extensionLines(server, caseId)).toEqual([['extension-requested', 's-ob-clerk-a', asked.body.id], ['extension-lapsed', null, asked.body.id]]);
    expect((await server.call('GET', '/tasks', { token: head })).body).toEqual([]);
    const decided = await server.call('POST', `/extensions/${encodeURIComponent(asked.body.id)}/decision`, { token: head, body: { approved: true } });
    expect([decided.status, decided.body.error.code]).toEqual([409, 'EXTENSION_LAPSED']);
  }, 60_000);

  test('a request stored only after its case closed is stored lapsed, with both log lines', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const caseId = await acceptedCase(server);
    const clerk = await server.login('ob.clerk.a');
    expect((await server.call('POST', `/cases/${caseId}/withdraw`, { token: clerk, body: { reason: '申请人不再申领' } })).body.status).toBe('withdrawn');
    const late = { id: `${caseId}-E-late`, caseId, days: 3, reason: '需补充勘验', status: 'pending' as const, requestedBy: 's-ob-clerk-a', requestedAt: chinaTime('2026-03-02 10:00') };
    // The route's own write, arriving after the withdrawal's lapse found nothing to lapse.
    await recordRequest(server.store.knex, late);
    await recordRequest(server.store.knex, late);

    const head = await server.login('zfj.head');
    expect((await server.call('GET', '/extensions?status=lapsed', { token: head })).body).toMatchObject([{ id: late.id, status: 'lapsed' }]);
    expect(await extensionLines(server, caseId)).toEqual([['extension-requested', 's-ob-clerk-a', late.id], ['extension-lapsed', null, late.id]]);
  }, 60_000);
});
