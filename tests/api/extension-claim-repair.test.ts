import { afterEach, describe, expect, test } from '@jest/globals';
import { VirtualClock } from '../../engine/index.js';
import { caseMessages } from '../../processes/index.js';
import { itemNamed, receiveAccepted, waitForCase } from './cases.js';
import { boot, durableDatabase } from './support-durable.js';
import type { BootedServer } from './support-durable.js';
import { claimPending } from '../../api/cases/extension-store.js';
import type { Extension } from '../../api/cases/extension-store.js';
import { requestVariables } from '../../api/cases/extension-variables.js';
import { caseLog } from '../../api/cases/repository.js';

const ROAD = itemNamed('临时占用城市道路审批');
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** A durable server with an accepted case, and a way to start it again later (as after a crash). */
async function serverWithCase(): Promise<{ first: BootedServer; caseId: string; asked: Extension; restart: () => Promise<BootedServer> }> {
  const database = durableDatabase();
  cleanup.push(database.drop);
  const clock = new VirtualClock(Date.UTC(2026, 2, 2, 1, 0, 0));
  let running: BootedServer | undefined = await boot(database.store(), clock);
  cleanup.push(async () => { await running?.stop(); });
  const first = running;
  const caseId = await receiveAccepted(first, await first.login('ob.clerk.a'), ROAD);
  const asked: Extension = { id: `${caseId}-E-crash`, caseId, days: 4, reason: '需现场勘验', status: 'pending', requestedBy: 's-ob-clerk-a', requestedAt: clock.now() };
  const restart = async () => {
    await running?.stop();
    running = undefined;
    clock.set(clock.now() + 5 * 60_000);
    running = await boot(database.store(), clock);
    return running;
  };
  return { first, caseId, asked, restart };
}

const logOf = async (server: BootedServer, caseId: string) => (await caseLog(server.platform.db, caseId))
  .filter((l) => l.action.startsWith('extension-')).map((l) => [l.action, l.detail.extensionId]);

describe('an extension request a crash left between taking the case\'s slot and reaching its process is settled at the next start', () => {
  test('one the process never heard of gives the slot back, with a log line, and the clerk may ask again', async () => {
    const { first, caseId, asked, restart } = await serverWithCase();
    // The route's first write, then the process dies: the slot is taken and the head has nothing to decide.
    await claimPending(first.platform.db, asked);
    const blocked = await first.call('POST', `/cases/${caseId}/extensions`, { token: await first.login('ob.clerk.a'), body: { days: 2, reason: '再次申请' } });
    expect([blocked.status, blocked.body.error.code]).toEqual([409, 'EXTENSION_PENDING']);

    const second = await restart();
    expect(second.platform.extensionsRepaired).toEqual([asked.id]);
    expect(await logOf(second, caseId)).toEqual([['extension-released', asked.id]]);
    const head = await second.login('zfj.head');
    expect((await second.call('GET', '/extensions', { token: head })).body).toEqual([]);
    const again = await second.call('POST', `/cases/${caseId}/extensions`, { token: await second.login('ob.clerk.a'), body: { days: 2, reason: '再次申请' } });
    expect([again.status, again.body.status]).toEqual([201, 'pending']);
    // The request answers once the process took it; the head's step reaches the inbox as the case follows it.
    await waitForCase(second, head, caseId, (shown) => shown.case.currentSteps.some((step: { elementId: string }) => step.elementId === 'decide_extension'));
    expect(((await second.call('GET', '/tasks', { token: head })).body as Array<{ caseId: string }>).filter((t) => t.caseId === caseId)).toHaveLength(1);
    // A third start finds nothing left to settle.
    expect((await restart()).platform.extensionsRepaired).toEqual([]);
  }, 60_000);

  test('one the process took before the crash, never logged, is stored as the process has it: pending, logged once', async () => {
    const { first, caseId, asked, restart } = await serverWithCase();
    await claimPending(first.platform.db, asked);
    await first.platform.engine.correlateMessage(caseMessages.extensionRequested, caseId, requestVariables(asked));
    await first.platform.engine.idle();
    // As the crash left it: neither the route nor the follower got to log it.
    await first.platform.db('yc_extensions').where({ id: asked.id }).update({ logged: false });
    await first.platform.db('yc_case_log').where({ case_id: caseId, action: 'extension-requested' }).delete();

    const second = await restart();
    expect(second.platform.extensionsRepaired).toEqual([asked.id]);
    expect(await logOf(second, caseId)).toEqual([['extension-requested', asked.id]]);
    const head = await second.login('zfj.head');
    expect((await second.call('GET', '/extensions', { token: head })).body).toMatchObject([{ id: asked.id, status: 'pending' }]);
  }, 60_000);
});
