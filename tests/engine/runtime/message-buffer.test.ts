import { describe, expect, test } from '@jest/globals';
import type { Engine } from '../../../engine/index.js';
import { definitions, end, process as bpmnProcess, seq, start, userTask } from '../support/bpmn.js';
import { catchEvent, message, messageDef, throwEvent, io } from '../core/elements.js';
import { activeElements, MONDAY_9AM, testEngine } from '../support/harness.js';
import { databasePerTest } from '../support/shared-database.js';

const HOUR = 3_600_000;
const DECISION = message('m', 'county-decision', '=caseId');

/** Prepares the case (a user task), then waits for the county's decision on it. */
const prepareThenWait = definitions(DECISION + bpmnProcess('p',
  start(), userTask('prepare'), catchEvent('await', messageDef('m')), userTask('issue'), end(), seq('start', 'prepare', 'await', 'issue', 'end'),
));

/** Waits for the decision right after it starts. */
const waitAtOnce = definitions(DECISION + bpmnProcess('q',
  start(), catchEvent('await', messageDef('m')), userTask('issue'), end(), seq('start', 'await', 'issue', 'end'),
));

async function prepare(engine: Engine, instanceId: string): Promise<void> {
  await engine.completeTask((await engine.tasks({ instanceId, elementId: 'prepare' }))[0]!.id);
}

/**
 * Starts process p for a case (waiting at `prepare`), lets `meanwhile` act (publish, throw),
 * then prepares it so that its wait opens. Returns where the instance is then, and its variables.
 */
async function waitOpensAfter(engine: Engine, caseId: string, meanwhile: () => Promise<unknown>): Promise<{ at: string[]; variables: unknown }> {
  const instance = await engine.start('p', { caseId });
  await meanwhile();
  await engine.idle();
  await prepare(engine, instance.id);
  await engine.idle();
  return { at: await activeElements(engine, instance.id), variables: (await engine.instance(instance.id))?.variables };
}

describe('publishing a message with a time to live', () => {
  test('a message published before the instance waits for it correlates when the wait opens', async () => {
    const { engine } = testEngine();
    await engine.deploy(prepareThenWait);
    const outcome = await waitOpensAfter(engine, 'C-1', async () => {
      expect(await engine.publishMessage('county-decision', { correlationKey: 'C-1', variables: { approved: true }, timeToLiveMs: HOUR }))
        .toEqual({ instanceIds: [], buffered: true, messageId: expect.any(String) });
    });
    expect(outcome).toEqual({ at: ['issue'], variables: { caseId: 'C-1', approved: true } });
  });

  test('an instance that waits right after it starts takes a buffered message, and only one with its key', async () => {
    const { engine } = testEngine();
    await engine.deploy(waitAtOnce);
    await engine.publishMessage('county-decision', { correlationKey: 'C-2', timeToLiveMs: HOUR });
    const other = await engine.start('q', { caseId: 'C-3' });
    const mine = await engine.start('q', { caseId: 'C-2' });
    await engine.idle();
    expect(await activeElements(engine, mine.id)).toEqual(['issue']);
    expect(await activeElements(engine, other.id)).toEqual(['await']);
  });

  test('a message correlates at once when a wait is open, and is not buffered then', async () => {
    const { engine } = testEngine();
    await engine.deploy(waitAtOnce);
    const first = await engine.start('q', { caseId: 'C-4' });
    expect(await engine.publishMessage('county-decision', { correlationKey: 'C-4', timeToLiveMs: HOUR, messageId: 'd-4' }))
      .toEqual({ instanceIds: [first.id], buffered: false });
    const second = await engine.start('q', { caseId: 'C-4' });
    await engine.idle();
    expect(await activeElements(engine, second.id)).toEqual(['await']);
  });

  test('an expired message correlates to nothing, and the scheduler\'s sweep deletes it', async () => {
    const { engine, clock } = testEngine();
    await engine.deploy(waitAtOnce);
    const publishedAt = clock.now();
    await engine.publishMessage('county-decision', { correlationKey: 'C-5', timeToLiveMs: HOUR, messageId: 'short' });
    await engine.publishMessage('county-decision', { correlationKey: 'C-6', timeToLiveMs: 3 * HOUR, messageId: 'long' });
    await engine.advanceTime(2 * HOUR);
    // Asked as of the publishing instant: a row still there would count as alive.
    expect(await engine.store.messageBuffered('short', publishedAt)).toBe(false);
    expect(await engine.store.messageBuffered('long', publishedAt)).toBe(true);
    const late = await engine.start('q', { caseId: 'C-5' });
    await engine.idle();
    expect(await activeElements(engine, late.id)).toEqual(['await']);
  });

  test('a message id already buffered is refused as a duplicate, with the id', async () => {
    const { engine } = testEngine();
    await engine.deploy(waitAtOnce);
    await engine.publishMessage('county-decision', { correlationKey: 'C-7', timeToLiveMs: HOUR, messageId: 'decision-7' });
    await expect(engine.publishMessage('county-decision', { correlationKey: 'C-7', timeToLiveMs: HOUR, messageId: 'decision-7' }))
      .rejects.toMatchObject({ code: 'MESSAGE_ALREADY_PUBLISHED', details: { messageId: 'decision-7', name: 'county-decision' } });
    const instance = await engine.start('q', { caseId: 'C-7' });
    await engine.idle();
    expect(await activeElements(engine, instance.id)).toEqual(['issue']);
    // Taken, the id is free again.
    expect((await engine.publishMessage('county-decision', { correlationKey: 'C-7', timeToLiveMs: HOUR, messageId: 'decision-7' })).buffered).toBe(true);
  });

  test('two waits opening at once: the buffered message goes to one of them only', async () => {
    const { engine } = testEngine();
    await engine.deploy(prepareThenWait);
    const one = await engine.start('p', { caseId: 'C-8' });
    const two = await engine.start('p', { caseId: 'C-8' });
    await engine.publishMessage('county-decision', { correlationKey: 'C-8', timeToLiveMs: HOUR });
    await Promise.all([prepare(engine, one.id), prepare(engine, two.id)]);
    await engine.idle();
    const places = [await activeElements(engine, one.id), await activeElements(engine, two.id)];
    expect(places.map((p) => p.join()).sort()).toEqual(['await', 'issue']);
  });

  test('without a time to live a message nobody takes is dropped, and correlateMessage still refuses it', async () => {
    const { engine } = testEngine();
    await engine.deploy(waitAtOnce);
    expect(await engine.publishMessage('county-decision', { correlationKey: 'C-9' })).toEqual({ instanceIds: [], buffered: false });
    await expect(engine.correlateMessage('county-decision', 'C-9')).rejects.toMatchObject({ code: 'MESSAGE_NOT_CORRELATED' });
    const instance = await engine.start('q', { caseId: 'C-9' });
    await engine.idle();
    expect(await activeElements(engine, instance.id)).toEqual(['await']);
    await expect(engine.publishMessage('county-decision', { timeToLiveMs: -1 })).rejects.toMatchObject({ code: 'MESSAGE_TTL_INVALID' });
  });
});

describe('a message buffer several processes share', () => {
  const databases = databasePerTest();

  test('waits opening in two engines on one database: the buffered message goes to one of them only', async () => {
    const db = databases.fresh();
    const { engine: one } = db.engine('a', MONDAY_9AM);
    await one.deploy(prepareThenWait);
    const { engine: two } = db.engine('b', MONDAY_9AM);
    await two.idle();
    const first = await one.start('p', { caseId: 'C-12' });
    await one.idle();
    const second = await two.start('p', { caseId: 'C-12' });
    await two.publishMessage('county-decision', { correlationKey: 'C-12', timeToLiveMs: HOUR });
    await two.idle();
    // SQLite: one engine at a time (see SharedDatabase); elsewhere both at once.
    if (db.concurrent) await Promise.all([prepare(one, first.id), prepare(two, second.id)]);
    else for (const [engine, id] of [[one, first.id], [two, second.id]] as const) await prepare(engine, id).then(() => engine.idle());
    await Promise.all([one.idle(), two.idle()]);
    const places = [await activeElements(one, first.id), await activeElements(one, second.id)];
    expect(places.map((p) => p.join()).sort()).toEqual(['await', 'issue']);
  });
});

describe('messages thrown by the model', () => {
  const throwThenWait = definitions(DECISION + bpmnProcess('county',
    start('open'), throwEvent('decide', messageDef('m'), io({ caseId: '=caseId', approved: '=true' })), end('done'), seq('open', 'decide', 'done'),
  ) + bpmnProcess('p',
    start(), userTask('prepare'), catchEvent('await', messageDef('m')), userTask('issue'), end(), seq('start', 'prepare', 'await', 'issue', 'end'),
  ));

  test('with the engine\'s messageTimeToLiveMs a thrown message waits for the instance that will catch it', async () => {
    const { engine } = testEngine({ messageTimeToLiveMs: HOUR });
    await engine.deploy(throwThenWait);
    expect(await waitOpensAfter(engine, 'C-10', () => engine.start('county', { caseId: 'C-10' }))).toEqual({ at: ['issue'], variables: { caseId: 'C-10', approved: true } });
  });

  test('by default a thrown message nobody waits for is dropped, as before', async () => {
    const { engine } = testEngine();
    await engine.deploy(throwThenWait);
    expect((await waitOpensAfter(engine, 'C-11', () => engine.start('county', { caseId: 'C-11' }))).at).toEqual(['await']);
  });
});
