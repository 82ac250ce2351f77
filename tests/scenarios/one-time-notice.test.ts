import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileBpmn } from '../../engine/index.js';
import { processFileUrl } from '../../processes/index.js';
import { givenThePlatform, itemNamed } from './support.js';
import type { ServiceItem } from '../../processes/catalog/types.js';
import { withdrawCase } from '../../api/cases/withdrawal.js';
import { findCase } from '../../api/cases/repository.js';

/** A promised item (10 working days), and a direct one. */
const ITEM = itemNamed('居住证核发');
const BIRTH = itemNamed('出生登记');
const MISSING = ['居住证明', '近期免冠彩色照片'];
const BIRTH_MISSING = ['父母双方居民户口簿'];

/** Every required material of an item but the missing ones. */
const allBut = (item: ServiceItem, missing: string[]) => item.materials.filter((m) => m.required && !missing.includes(m.name)).map((m) => m.name);

const compiled = async (file: string) => compileBpmn(readFileSync(fileURLToPath(processFileUrl(file)), 'utf8'));

describe('one-time notice and correction (一次告知/补正)', () => {
  test('missing materials get one notice listing all of them, and the case waits, not yet accepted, until they are brought', async () => {
    const given = await givenThePlatform('2026-03-02 09:00');
    const { id, record } = await given.receive(ITEM, { provided: allBut(ITEM, MISSING) });

    await given.complete('accept', { missingMaterials: MISSING });
    const notices = given.jobsOf('one-time-notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.variables.missingMaterials).toEqual(MISSING);
    expect(await given.active(id)).toEqual(['correction']);
    expect((await given.caseOf(record.id)).status).toBe('correcting');
    const waiting = await given.task('await_correction');
    expect(waiting.instanceId).not.toBe(id);

    await given.advanceTo('2026-03-12 10:00');
    expect(given.jobsOf('acceptance-notice')).toHaveLength(0);
    await given.complete('await_correction', { correctedMaterials: MISSING });
    expect(await given.active(id)).toEqual(['accept']);

    expect((await given.instance(id)).variables).toMatchObject({ missingMaterials: [], correctedMaterials: MISSING });
    await given.complete('accept', { accepted: true });
    expect(given.jobsOf('one-time-notice')).toHaveLength(1);
    expect(given.jobsOf('acceptance-notice')).toHaveLength(1);
    expect(await given.active(id)).toEqual(['handle', 'review']);
  });

  test('the correction steps are marked as stopping the clock, in the mode and in the sub-process', async () => {
    for (const [file, processId] of [['direct.bpmn', 'direct'], ['promised.bpmn', 'promised'], ['joint.bpmn', 'joint'], ['coordinate.bpmn', 'coordinate'], ['report-up.bpmn', 'report-up-township']]) {
      const process = (await compiled(file!)).processes[processId!]!;
      expect(process.elements.correction?.properties.suspendsClock).toBe(true);
    }
    const notice = (await compiled('one-time-notice.bpmn')).processes['one-time-notice']!;
    expect(notice.elements.await_correction?.properties.suspendsClock).toBe(true);
  });

  test('an applicant who gives up during correction withdraws the case', async () => {
    const given = await givenThePlatform('2026-03-02 09:00');
    const { id, record } = await given.receive(BIRTH, { provided: allBut(BIRTH, BIRTH_MISSING) });
    await given.complete('accept', { missingMaterials: BIRTH_MISSING });

    // As the case server withdraws it (the clerk at the applicant's request): by the process's own 撤件 path.
    await withdrawCase(given.db, given.engine, given.clerk, (await findCase(given.db, record.id))!, '申请人不再申领', given.clock.now());
    await given.engine.idle();

    const view = await given.instance(id);
    expect(view.status).toBe('completed');
    expect((await given.engine.history(id)).some((e) => e.t === 'activated' && e.el === 'withdrawn')).toBe(true);
    expect(await given.engine.tasks()).toEqual([]);
  });

  test('materials not brought within the correction period count as a withdrawal, from 00:00 after its last day', async () => {
    const given = await givenThePlatform('2026-03-02 09:00');
    const { id } = await given.receive(BIRTH, { provided: allBut(BIRTH, BIRTH_MISSING) });
    await given.complete('accept', { missingMaterials: BIRTH_MISSING, correctionDays: 5 });

    // 5 working days from Monday 2 March end with Monday 9 March.
    await given.advanceTo('2026-03-09 23:59');
    expect(await given.active(id)).toEqual(['correction']);
    await given.advanceTo('2026-03-10 00:00');

    expect((await given.instance(id)).status).toBe('completed');
    expect((await given.engine.history(id)).some((e) => e.t === 'activated' && e.el === 'withdrawn')).toBe(true);
  });
});
