import { describe, expect, test } from '@jest/globals';
import { compileBpmn, replay, step, verifyChain } from '../../../engine/index.js';
import type { StoredEvent } from '../../../engine/index.js';
import { weekdayCalendar } from '../../../engine/index.js';
import { definitions, end, process, seq, start, userTask } from '../support/bpmn.js';
import { MONDAY_9AM, testEngine } from '../support/harness.js';
import { CHINA } from '../support/china-time.js';

const twoSteps = definitions(process('direct', start(), userTask('accept'), userTask('issue'), end(), seq('start', 'accept', 'issue', 'end')));

describe('history, replay and the pure step', () => {
  test('step is pure: it never changes its input and gives the same result for the same input', async () => {
    const compiled = await compileBpmn(twoSteps);
    const ctx = { now: MONDAY_9AM, definition: compiled.processes.direct!, zone: CHINA, calendar: weekdayCalendar([], CHINA) };
    const started = step(undefined, { type: 'start', processId: 'direct', definitionKey: 'direct:1', variables: { a: 1 } }, ctx);
    const frozen = JSON.stringify(started.state);
    const once = step(started.state, { type: 'complete', key: '2', variables: { b: 2 } }, ctx);
    const twice = step(started.state, { type: 'complete', key: '2', variables: { b: 2 } }, ctx);
    expect(JSON.stringify(started.state)).toBe(frozen);
    expect(twice).toEqual(once);
    expect(once.effects.map((e) => e.id)).toEqual(twice.effects.map((e) => e.id));
  });

  test('replaying the history rebuilds the stored state exactly, and a prefix gives the state at that moment', async () => {
    const { engine } = testEngine();
    await engine.deploy(twoSteps);
    const instance = await engine.start('direct', { applicant: '陈' });
    await engine.completeTask((await engine.tasks())[0]!.id, { accepted: true });
    const history = await engine.history(instance.id);
    expect(await engine.verify(instance.id)).toEqual({ ok: true, replayMatches: true });
    const atAcceptance = history.findIndex((e) => e.t === 'vars' && 'accepted' in e.values);
    const before = replay(history.slice(0, atAcceptance), instance.id);
    expect(Object.values(before.items).map((i) => i.el)).toContain('accept');
    expect(before.vars['0']).toEqual({ applicant: '陈' });
  });

  test('changing any stored event breaks the hash chain at that event', async () => {
    const { engine } = testEngine();
    await engine.deploy(twoSteps);
    const instance = await engine.start('direct', { applicant: '陈' });
    const history = await engine.history(instance.id);
    const tampered: StoredEvent[] = history.map((e) => (e.t === 'vars' ? { ...e, values: { applicant: '李' } } : e));
    const check = verifyChain(tampered);
    expect(check.ok).toBe(false);
    expect(check.brokenAt).toBe(history.find((e) => e.t === 'vars')!.seq);
    expect(verifyChain(history.filter((e) => e.seq !== 2)).ok).toBe(false);
  });

  test('a snapshot survives a JSON round trip unchanged', async () => {
    const { engine } = testEngine();
    await engine.deploy(twoSteps);
    const instance = await engine.start('direct');
    const state = replay(await engine.history(instance.id), instance.id);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });
});
