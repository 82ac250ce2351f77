import { describe, expect, test } from '@jest/globals';
import * as crypto from 'node:crypto';
import { ed25519Sealer, ed25519Verifier, verifyChain } from '../../../engine/index.js';
import type { EngineStore, StoredEvent } from '../../../engine/index.js';
import { eventBody, GENESIS, hashEvent, algorithmOf } from '../../../engine/history/chain.js';
import type { HistoryEvent } from '../../../engine/runtime/events.js';
import { KnexStore } from '../../../engine/store/knex/store.js';
import { definitions, end, process, seq, start, userTask } from '../support/bpmn.js';
import { testEngine, testStore } from '../support/harness.js';

const twoSteps = definitions(process('p', start(), userTask('accept'), userTask('issue'), end(), seq('start', 'accept', 'issue', 'end')));
const newKey = () => crypto.generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** What someone who can write the database does: change an event, then recompute every hash after it. */
function rewritten(events: readonly StoredEvent[], change: (event: Record<string, unknown>) => void): StoredEvent[] {
  let prev = GENESIS;
  return events.map((stored, i) => {
    const { prev: _p, hash: _h, ...event } = structuredClone(stored) as StoredEvent & Record<string, unknown>;
    if (i === 1) change(event);
    const algorithm = algorithmOf(event);
    const hash = hashEvent(prev, stored.seq, stored.at, eventBody(event as unknown as HistoryEvent, algorithm), algorithm);
    const out = { ...event, prev, hash } as unknown as StoredEvent;
    prev = hash;
    return out;
  });
}

/** Writes the rewritten history into the store itself (SQL on SQLite and PostgreSQL; the memory store's history read otherwise). */
async function tamper(store: EngineStore, instanceId: string, change: (event: Record<string, unknown>) => void): Promise<void> {
  const events = rewritten(await store.history(instanceId), change);
  if (store instanceof KnexStore) {
    for (const e of events) {
      const { seq: s, at: _at, prev, hash, ...rest } = e as StoredEvent & Record<string, unknown>;
      const body = eventBody({ ...rest, seq: s, at: e.at } as unknown as HistoryEvent, algorithmOf(rest));
      await store.knex('yc_events').where({ instance_id: instanceId, seq: s }).update({ body, prev, hash });
    }
    await store.knex('yc_instances').where({ id: instanceId }).update({ last_hash: events.at(-1)!.hash });
    return;
  }
  const original = store.history.bind(store);
  store.history = async (id) => (id === instanceId ? events : original(id));
}

describe('chain heads signed with a key the database does not hold', () => {
  test('a history rewritten with its hashes recomputed passes the chain check but not the seals', async () => {
    const store = testStore();
    const { engine } = testEngine({ store, historySealer: ed25519Sealer(newKey()) });
    await engine.deploy(twoSteps);
    const instance = await engine.start('p', { applicant: '王芳' });
    await engine.completeTask((await engine.tasks())[0]!.id, { approved: true });
    await engine.idle();
    const before = await engine.verify(instance.id);
    expect(before).toMatchObject({ ok: true, replayMatches: true, seals: { ok: true } });
    expect(before.seals!.sealedThrough).toBe((await engine.history(instance.id)).length - 1);

    await tamper(store, instance.id, (event) => {
      (event.values as Record<string, unknown>).applicant = '李四';
    });
    const events = await engine.history(instance.id);
    expect(verifyChain(events).ok).toBe(true);
    expect(JSON.stringify(events[1])).toContain('李四');
    const after = await engine.verify(instance.id);
    expect(after.ok).toBe(false);
    expect(after.seals).toMatchObject({ ok: false, reason: expect.stringContaining('rewritten') });
  });

  test('an auditor checks the seals with the public key alone; a stranger\'s key proves nothing', async () => {
    const privateKey = newKey();
    const publicKey = crypto.createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
    const { engine } = testEngine({ historySealer: ed25519Sealer(privateKey) });
    await engine.deploy(twoSteps);
    const instance = await engine.start('p');
    await engine.idle();
    expect((await engine.verify(instance.id, { verifier: ed25519Verifier([publicKey]) })).seals).toMatchObject({ ok: true, sealedThrough: expect.any(Number) });
    const stranger = crypto.createPublicKey(newKey()).export({ type: 'spki', format: 'pem' }).toString();
    expect((await engine.verify(instance.id, { verifier: ed25519Verifier([stranger]) })).seals).toMatchObject({ ok: false, reason: expect.stringContaining('not signed by a known key') });
  });

  test('SM3 chains: each event names its digest, and a history that changes digest midway still verifies', async () => {
    const store = testStore();
    const first = testEngine({ store });
    await first.engine.deploy(twoSteps);
    const instance = await first.engine.start('p');
    await first.engine.idle();
    const { engine } = testEngine({ store: sharedWith(store), historyHash: 'sm3' });
    await engine.completeTask((await engine.tasks())[0]!.id, {});
    const events = await engine.history(instance.id);
    expect(events.filter((e) => (e as { alg?: string }).alg === 'sm3').length).toBeGreaterThan(0);
    expect(events.filter((e) => (e as { alg?: string }).alg === undefined).length).toBeGreaterThan(0);
    expect(await engine.verify(instance.id)).toMatchObject({ ok: true, replayMatches: true });
  });

  test('an unknown digest is refused when the engine is made', () => {
    expect(() => testEngine({ historyHash: 'md5' as never })).toThrow(expect.objectContaining({ code: 'HISTORY_HASH_INVALID' }));
  });
});

/** The same store for a second engine; only the first engine's close closes it. */
function sharedWith(store: EngineStore): EngineStore {
  return new Proxy(store, {
    get(target, property) {
      if (property === 'close') return async () => undefined;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
