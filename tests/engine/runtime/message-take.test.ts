import { describe, expect, test } from '@jest/globals';
import type { Engine, EngineStore } from '../../../engine/index.js';
import type { Commit } from '../../../engine/store/types.js';
import { definitions, end, process as bpmnProcess, seq, start, userTask } from '../support/bpmn.js';
import { catchEvent, message, messageDef } from '../core/elements.js';
import { activeElements, testEngine, testStore } from '../support/harness.js';

const HOUR = 3_600_000;

/** Waits for the county's decision on a case right after it starts. */
const waitAtOnce = definitions(message('m', 'county-decision', '=caseId') + bpmnProcess('q',
  start(), catchEvent('await', messageDef('m')), userTask('issue'), end(), seq('start', 'await', 'issue', 'end'),
));

/** The real store with its commits counted; `dies` picks the one commit the process dies before (once). */
function watched(store: EngineStore, dies: (commit: Commit) => boolean = () => false): { store: EngineStore; commits: () => number } {
  let commits = 0;
  let died = false;
  const commit = async (c: Commit): Promise<void> => {
    commits++;
    if (!died && dies(c)) {
      died = true;
      throw new Error('the process died before this commit');
    }
    return store.commit(c);
  };
  const proxy = new Proxy(store, {
    get(target, prop) {
      if (prop === 'commit') return commit;
      const value: unknown = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: proxy, commits: () => commits };
}

/** Starts an instance of q for a case and waits until its message wait is open; returns its id and that wait. */
async function waiting(engine: Engine, caseId: string): Promise<{ id: string; key: string; wait: number }> {
  const { id } = await engine.start('q', { caseId });
  await engine.idle();
  const sub = (await engine.store.messageSubscriptions('county-decision', caseId)).find((s) => s.instanceId === id)!;
  return { id, key: sub.key, wait: sub.wait };
}

async function buffer(engine: Engine, caseId: string, messageId: string): Promise<void> {
  const now = engine.clock.now();
  await engine.store.bufferMessage({ id: messageId, name: 'county-decision', correlationKey: caseId, variables: { approved: true }, publishedAt: now, expiresAt: now + HOUR }, now);
}

describe('a commit that takes a buffered message', () => {
  test('whose message is gone writes nothing, fails with MESSAGE_TAKEN and is not tried again', async () => {
    const watch = watched(testStore());
    const { engine, clock } = testEngine({ store: watch.store });
    await engine.deploy(waitAtOnce);
    const w = await waiting(engine, 'C-1');
    const before = { version: (await engine.store.load(w.id))!.version, events: (await engine.store.history(w.id)).length, commits: watch.commits() };
    await expect(engine.execute(w.id, { type: 'trigger', key: w.key, wait: w.wait }, undefined, { id: 'never-buffered', now: clock.now() }))
      .rejects.toMatchObject({ code: 'MESSAGE_TAKEN', details: { instanceId: w.id, messageId: 'never-buffered' } });
    expect(watch.commits() - before.commits).toBe(1);
    expect({ version: (await engine.store.load(w.id))!.version, events: (await engine.store.history(w.id)).length }).toEqual({ version: before.version, events: before.events });
    expect(await activeElements(engine, w.id)).toEqual(['await']);
    expect(await engine.store.messageSubscriptions('county-decision', 'C-1')).toHaveLength(1);
  });

  test('whose message expired before it is refused the same way, and the message is not taken', async () => {
    const { engine, clock } = testEngine();
    await engine.deploy(waitAtOnce);
    const w = await waiting(engine, 'C-2');
    await buffer(engine, 'C-2', 'd-2');
    const trigger = { type: 'trigger', key: w.key, wait: w.wait } as const;
    await expect(engine.execute(w.id, trigger, undefined, { id: 'd-2', now: clock.now() + 2 * HOUR })).rejects.toMatchObject({ code: 'MESSAGE_TAKEN' });
    expect(await activeElements(engine, w.id)).toEqual(['await']);
    await engine.execute(w.id, trigger, undefined, { id: 'd-2', now: clock.now() });
    expect(await activeElements(engine, w.id)).toEqual(['issue']);
    expect(await engine.store.messageBuffered('d-2', clock.now())).toBe(false);
  });

  test('that fails its version check leaves the message buffered', async () => {
    const { engine, clock } = testEngine();
    await engine.deploy(waitAtOnce);
    const w = await waiting(engine, 'C-3');
    await buffer(engine, 'C-3', 'd-3');
    const loaded = (await engine.store.load(w.id))!;
    const stale: Commit = { instanceId: w.id, expectedVersion: loaded.version - 1, state: loaded.state, events: [], effects: [], outbox: [], takesMessage: { id: 'd-3', now: clock.now() } };
    await expect(engine.store.commit(stale)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await engine.store.messageBuffered('d-3', clock.now())).toBe(true);
  });

  test('two waits taking one message at once: exactly one is triggered, the other stays open', async () => {
    const { engine, clock } = testEngine();
    await engine.deploy(waitAtOnce);
    const [one, two] = [await waiting(engine, 'C-4'), await waiting(engine, 'C-4')];
    await buffer(engine, 'C-4', 'd-4');
    const take = { id: 'd-4', now: clock.now() };
    const outcomes = await Promise.allSettled([one, two].map((w) => engine.execute(w.id, { type: 'trigger', key: w.key, wait: w.wait }, undefined, take)));
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: { code: 'MESSAGE_TAKEN' } });
    await engine.idle();
    const places = [await activeElements(engine, one.id), await activeElements(engine, two.id)];
    expect(places.map((p) => p.join()).sort()).toEqual(['await', 'issue']);
    expect(await engine.store.messageBuffered('d-4', clock.now())).toBe(false);
  });
});

describe('a process that dies between finding a buffered message and taking it', () => {
  test('leaves the message buffered, and a wait opening later takes it', async () => {
    // Dies before the commit that closes a message wait: the one that would take the message.
    const watch = watched(testStore(), (c) => c.effects.some((e) => e.type === 'message.unsubscribed'));
    const { engine, clock } = testEngine({ store: watch.store });
    await engine.deploy(waitAtOnce);
    await engine.publishMessage('county-decision', { correlationKey: 'C-5', variables: { approved: true }, timeToLiveMs: HOUR, messageId: 'd-5' });
    const first = await engine.start('q', { caseId: 'C-5' });
    await expect(engine.idle()).rejects.toThrow('the process died');
    expect(await activeElements(engine, first.id)).toEqual(['await']);
    expect(await engine.store.messageBuffered('d-5', clock.now())).toBe(true);
    const later = await engine.start('q', { caseId: 'C-5' });
    await engine.idle();
    expect(await activeElements(engine, later.id)).toEqual(['issue']);
    expect((await engine.instance(later.id))?.variables).toEqual({ caseId: 'C-5', approved: true });
  });
});
