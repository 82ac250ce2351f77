import { describe, expect, test } from '@jest/globals';
import { HISTORY_FORMAT, replay } from '../../../engine/index.js';
import type { Engine, HistoryEvent } from '../../../engine/index.js';
import { chain, GENESIS } from '../../../engine/history/chain.js';
import { definitions, end, process, seq, start, userTask } from '../support/bpmn.js';
import { testEngine, testStore } from '../support/harness.js';
import { definitionOf, recordingsByFormat, rerun, emptyInstance } from '../replay/recordings.js';
import { readProcess } from '../replay/scenarios.js';

const recorded = recordingsByFormat().get(0)!.find((r) => r.name === 'direct-approved')!;

/** An instance's events in its stored history, without their chain links. */
async function eventsOf(engine: Engine, instanceId: string): Promise<Array<Record<string, unknown>>> {
  return (await engine.history(instanceId)).map(({ prev: _p, hash: _h, seq: _s, at: _a, ...event }) => event);
}

describe('history formats in a store', () => {
  test('a history a store kept in format 0 still verifies and replays, and today\'s engine carries it on in its own format', async () => {
    const store = testStore();
    const { engine } = testEngine({ store, jobHandlers: { 'issue-result': () => ({ resultNo: 'R-1' }) } });
    await engine.deploy(readProcess(recorded.file), { name: 'direct.bpmn' });
    // Written as the format-0 engine committed it: up to the decision step, which waits in the inbox.
    const decided = recorded.commands[2]!.now;
    const kept = (recorded.events as HistoryEvent[]).filter((e) => e.at < decided);
    const records = chain(GENESIS, kept);
    expect(records.map((r) => r.hash)).toEqual(recorded.stored.hashes.slice(0, kept.length));
    const { effects } = rerun(await definitionOf(recorded), emptyInstance(recorded.name), recorded.commands.slice(0, 2));
    await store.commit({ instanceId: recorded.name, expectedVersion: 0, state: replay(kept, recorded.name), events: records, effects, outbox: [] });
    expect(await engine.verify(recorded.name)).toEqual({ ok: true, replayMatches: true });

    const [decide] = await engine.tasks({ instanceId: recorded.name });
    await engine.completeTask(decide!.id, { approved: true });
    await engine.idle();
    expect((await engine.instance(recorded.name))?.status).toBe('completed');
    expect(await engine.verify(recorded.name)).toEqual({ ok: true, replayMatches: true });
    const history = await engine.history(recorded.name);
    expect(history.slice(0, kept.length).map((e) => e.hash)).toEqual(records.map((r) => r.hash));
    expect(history.map((e) => e.v)).toEqual([...kept.map(() => undefined), ...history.slice(kept.length).map(() => HISTORY_FORMAT)]);
  });

  test('what an operator does is a named event saying who: a job that failed, its incident resolved, variables set, a migration', async () => {
    const permit = (name: string) => definitions(process('permit', start(),
      '<bpmn:serviceTask id="register"><bpmn:extensionElements><zeebe:taskDefinition type="register-case" retries="2"/></bpmn:extensionElements></bpmn:serviceTask>',
      userTask('review', '<zeebe:assignmentDefinition assignee="=reviewer" candidateGroups="reviewers"/>', `name="${name}"`), end(), seq('start', 'register', 'review', 'end')));
    let calls = 0;
    const { engine } = testEngine({ jobHandlers: { 'register-case': () => { if (++calls <= 2) throw new Error('registry offline'); return {}; } }, retryBackoff: () => 1_000 });
    await engine.deploy(permit('审查'));
    const instance = await engine.start('permit', { reviewer: 'li' });
    await engine.idle();
    await engine.advanceTime(1_000);
    const [incident] = await engine.incidents(instance.id);
    await engine.resolveIncident(instance.id, incident!.key, { retries: 1, by: 'ops-1' });
    await engine.idle();
    await engine.setVariables(instance.id, { note: '人工核实' }, { by: 'ops-1' });
    await engine.deploy(permit('审查决定'));
    expect(await engine.migrateInstances({ processId: 'permit', version: 1 }, { processId: 'permit', version: 2 }, {}, { by: 'admin-1' })).toMatchObject({ migrated: [instance.id] });

    const events = await eventsOf(engine, instance.id);
    const key = incident!.key;
    expect(events.filter((e) => ['jobFailed', 'incident', 'resolved', 'variablesSet', 'migrated', 'assigned'].includes(e.t as string))).toEqual([
      { t: 'jobFailed', key, message: 'registry offline', retries: 1, failures: 1, retryAt: expect.any(Number), v: 1 },
      { t: 'jobFailed', key, message: 'registry offline', retries: 0, failures: 2, v: 1 },
      { t: 'incident', key, code: 'JOB_NO_RETRIES', message: 'registry offline', v: 1 },
      { t: 'resolved', key, retries: 1, by: 'ops-1', v: 1 },
      { t: 'assigned', key: expect.any(String), assignee: 'li', candidateGroups: ['reviewers'], v: 1 },
      { t: 'variablesSet', scope: '0', values: { note: '人工核实' }, by: 'ops-1', v: 1 },
      { t: 'migrated', processId: 'permit', definitionKey: 'permit:2', renames: {}, by: 'admin-1', v: 1 },
    ]);
    expect(events.some((e) => e.t === 'changed' && 'job' in (e.data as object) && (e.data as { job: { failures?: number } }).job.failures)).toBe(false);
    expect(await engine.verify(instance.id)).toEqual({ ok: true, replayMatches: true });
  });
});
