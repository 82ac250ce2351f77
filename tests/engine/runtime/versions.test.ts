import { describe, expect, test } from '@jest/globals';
import { definitions, end, process, seq, start, userTask } from '../support/bpmn.js';
import { activeElements, testEngine } from '../support/harness.js';

const v1 = definitions(process('permit', start(), userTask('accept'), userTask('review'), end(), seq('start', 'accept', 'review', 'end')));
const v2 = definitions(process('permit', start(), userTask('accept'), userTask('site_survey'), userTask('decide'), end(), seq('start', 'accept', 'site_survey', 'decide', 'end')));

describe('versions', () => {
  test('deploying changed XML makes a new version, the same XML does not, and running instances stay on theirs', async () => {
    const { engine } = testEngine();
    expect((await engine.deploy(v1)).processes).toEqual([{ processId: 'permit', version: 1, definitionKey: 'permit:1' }]);
    const old = await engine.start('permit');
    expect((await engine.deploy(v2)).processes[0]?.version).toBe(2);
    expect((await engine.deploy(v2)).duplicate).toBe(true);
    const fresh = await engine.start('permit');
    await engine.completeTask((await engine.tasks({ instanceId: old.id }))[0]!.id);
    await engine.completeTask((await engine.tasks({ instanceId: fresh.id }))[0]!.id);
    expect(await activeElements(engine, old.id)).toEqual(['review']);
    expect(await activeElements(engine, fresh.id)).toEqual(['site_survey']);
    expect((await engine.start('permit', {}, { version: 1 })).definitionKey).toBe('permit:1');
  });

  test('with duplicate filtering off the same XML makes a new version; deployed again as usual, it names that newest version', async () => {
    const { engine } = testEngine();
    await engine.deploy(v1);
    const old = await engine.start('permit');
    const again = await engine.deploy(v1, { filterDuplicates: false });
    expect(again).toMatchObject({ duplicate: false, processes: [{ processId: 'permit', version: 2, definitionKey: 'permit:2' }] });
    expect(await engine.definitionXml('permit:2')).toBe(v1);
    expect((await engine.start('permit')).definitionKey).toBe('permit:2');
    expect((await engine.instance(old.id))?.definitionKey).toBe('permit:1');
    expect(await engine.deploy(v1)).toMatchObject({ duplicate: true, processes: [{ version: 2 }] });
  });

  test('each version gives back the XML it was deployed from; an unknown version gives nothing', async () => {
    const { engine } = testEngine();
    await engine.deploy(v1);
    await engine.deploy(v2);
    expect(await engine.definitionXml('permit:1')).toBe(v1);
    expect(await engine.definitionXml('permit:2')).toBe(v2);
    expect(await engine.definitionXml('permit:3')).toBeUndefined();
  });

  test('migrating moves the instances whose elements map and refuses the others with the reason', async () => {
    const { engine } = testEngine();
    await engine.deploy(v1);
    const atAccept = await engine.start('permit');
    const atReview = await engine.start('permit');
    await engine.completeTask((await engine.tasks({ instanceId: atReview.id }))[0]!.id);
    await engine.deploy(v2);

    const refused = await engine.migrateInstances({ processId: 'permit', version: 1 }, { processId: 'permit', version: 2 });
    expect(refused.migrated).toEqual([atAccept.id]);
    expect(refused.refused).toEqual([{ instanceId: atReview.id, reasons: [expect.stringContaining('"review" has no counterpart')], problems: [{ code: 'NO_COUNTERPART', what: 'active element', elementId: 'review', targetId: 'review' }] }]);

    const mapped = await engine.migrateInstances({ processId: 'permit', version: 1 }, { processId: 'permit', version: 2 }, { review: 'decide' });
    expect(mapped).toEqual({ migrated: [atReview.id], refused: [] });
    const [moved] = await engine.tasks({ instanceId: atReview.id });
    expect(moved).toMatchObject({ elementId: 'decide' });
    await engine.completeTask(moved!.id);
    expect((await engine.instance(atReview.id))?.status).toBe('completed');
    await engine.completeTask((await engine.tasks({ instanceId: atAccept.id }))[0]!.id);
    expect(await activeElements(engine, atAccept.id)).toEqual(['site_survey']);
    expect(await engine.verify(atReview.id)).toEqual({ ok: true, replayMatches: true });
  });
});
