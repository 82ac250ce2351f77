import { describe, expect, test } from '@jest/globals';
import type { Engine } from '../../../engine/index.js';
import { definitions, end, process as bpmnProcess, seq, userTask } from '../support/bpmn.js';
import { startWith, timerDef } from '../core/elements.js';
import { MONDAY_9AM } from '../support/harness.js';
import { databasePerTest } from '../support/shared-database.js';
import { firingId } from '../../../engine/timers/start-timers.js';
import type { SharedDatabase } from '../support/shared-database.js';

const HOUR = 3_600_000;

/** A process started by a timer start event only (no none start event). */
function timerStarted(kind: 'timeDate' | 'timeCycle', value: string, task = 'recheck'): string {
  return definitions(bpmnProcess('nightly', startWith('tick', timerDef(kind, value)), userTask(task), end(), seq('tick', task, 'end')));
}

async function started(engine: Engine): Promise<string[]> {
  return (await engine.store.instances({ processId: 'nightly' })).map((state) => state.definitionKey).sort();
}

/** Moves both engines' clocks an hour on: at once where the store allows two writers, else one after the other. */
async function bothAdvance(db: SharedDatabase, one: Engine, two: Engine, ms: number): Promise<void> {
  if (db.concurrent) await Promise.all([one.advanceTime(ms), two.advanceTime(ms)]);
  else for (const engine of [one, two]) await engine.advanceTime(ms);
}

const databases = databasePerTest();

/** Two engines on a fresh database, the first having deployed `xml`, the second opened after. */
async function twoEngines(xml: string): Promise<{ db: SharedDatabase; one: Engine; two: Engine }> {
  const db = databases.fresh();
  const { engine: one } = db.engine('a', MONDAY_9AM);
  await one.deploy(xml);
  const { engine: two } = db.engine('b', MONDAY_9AM);
  await two.idle();
  return { db, one, two };
}

describe('timer start events on a database several processes share', () => {
  test('two engines on one database start exactly one instance per cycle, and none once the cycle has run out', async () => {
    const { db, one, two } = await twoEngines(timerStarted('timeCycle', 'R3/PT1H'));
    for (let hour = 1; hour <= 4; hour++) {
      await bothAdvance(db, one, two, HOUR);
      expect(await started(one)).toHaveLength(Math.min(hour, 3));
    }
  });

  test('the store lets one of many racing claims of a due time win', async () => {
    const db = databases.fresh();
    const { engine } = db.engine('a', MONDAY_9AM);
    await engine.deploy(timerStarted('timeCycle', 'R/PT1H'));
    const [timer] = await engine.store.dueStartTimers(MONDAY_9AM + HOUR);
    const stores = [engine.store, db.store(), db.store()];
    const claims = await Promise.all(stores.map((store) => store.claimStartTimer(timer!.definitionKey, 'tick', timer!.due!, { due: timer!.due! + HOUR, fired: 1 })));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await engine.store.nextStartTimer()).toBe(MONDAY_9AM + 2 * HOUR);
    await Promise.all(stores.slice(1).map((store) => store.close()));
  });

  test('a new version replaces the old version\'s timer start, also for an engine that has not seen the new version yet', async () => {
    const { db, one, two } = await twoEngines(timerStarted('timeCycle', 'R/PT1H'));
    await bothAdvance(db, one, two, HOUR);
    await one.deploy(timerStarted('timeCycle', 'R/PT2H', 'recheck_twice'));
    await bothAdvance(db, one, two, 4 * HOUR);
    expect(await started(one)).toEqual(['nightly:1', 'nightly:2', 'nightly:2']);
    expect(await two.tasks({ elementId: 'recheck_twice' })).toHaveLength(2);
  });

  test('a version without a timer start ends the older version\'s timer', async () => {
    const db = databases.fresh();
    const { engine } = db.engine('a', MONDAY_9AM);
    await engine.deploy(timerStarted('timeCycle', 'R/PT1H'));
    await engine.deploy(definitions(bpmnProcess('nightly', startWith('start', ''), userTask('recheck'), end(), seq('start', 'recheck', 'end'))));
    await engine.advanceTime(5 * HOUR);
    expect(await started(engine)).toEqual([]);
  });
});

describe('timer start events across a restart', () => {
  test('due times missed while no process ran fire once at the next start, and the cycle goes on from its own instants', async () => {
    const db = databases.fresh();
    const { engine: before } = db.engine('a', MONDAY_9AM);
    await before.deploy(timerStarted('timeCycle', 'R/PT1H'));
    await before.close();
    const { engine: after } = db.engine('b', MONDAY_9AM + 5.5 * HOUR);
    await after.advanceTime(0);
    expect(await started(after)).toHaveLength(1);
    await after.advanceTime(HOUR / 2 - 1);
    expect(await started(after)).toHaveLength(1);
    await after.advanceTime(1);
    expect(await started(after)).toHaveLength(2);
  });

  test('a firing whose instance started just before its process died, the row not yet moved on, starts nothing twice', async () => {
    const db = databases.fresh();
    const { engine: before } = db.engine('a', MONDAY_9AM);
    await before.deploy(timerStarted('timeCycle', 'R/PT1H'));
    const [timer] = await before.store.dueStartTimers(MONDAY_9AM + HOUR);
    // What the firing does first: its instance, under the firing's own id. Then the process dies.
    await before.startAt(timer!.definitionKey, firingId(timer!), { startEvent: 'tick' });
    await before.close();
    const { engine: after } = db.engine('b', MONDAY_9AM + HOUR);
    await after.advanceTime(0);
    expect(await started(after)).toHaveLength(1);
    expect(await after.store.nextStartTimer()).toBe(MONDAY_9AM + 2 * HOUR);
    await after.advanceTime(HOUR);
    expect(await started(after)).toHaveLength(2);
  });

  test('a date timer that fired does not fire again after a restart', async () => {
    const db = databases.fresh();
    const { engine: before } = db.engine('a', MONDAY_9AM);
    await before.deploy(timerStarted('timeDate', '2026-03-02T10:00:00+08:00'));
    await before.advanceTime(2 * HOUR);
    expect(await started(before)).toHaveLength(1);
    await before.close();
    const { engine: after } = db.engine('b', MONDAY_9AM + 3 * HOUR);
    await after.advanceTime(24 * HOUR);
    expect(await started(after)).toHaveLength(1);
    expect(await after.store.nextStartTimer()).toBeUndefined();
  });
});
