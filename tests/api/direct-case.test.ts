import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';

const applicant = { kind: 'person', name: '王芳', idNumber: '11010519491231002X', phone: '13800000000' };
const BIRTH = '000172001001';

describe('a direct-mode case through the HTTP API', () => {
  test('received, accepted and decided at one window on the same day, issued with a completion notice', async () => {
    const server = await startServer();
    const clerk = await server.login('ob.clerk.a');
    const item = (await server.call('GET', `/items/${BIRTH}`)).body;
    expect(item).toMatchObject({ name: '出生登记', mode: 'direct' });
    const provided = item.materials.filter((m: { required: boolean }) => m.required).map((m: { name: string }) => m.name);

    const created = await server.call('POST', '/cases', { token: clerk, body: { itemCode: BIRTH, applicant, provided } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'received', ownerId: 's-ob-clerk-a', orgUnitId: '330324-ob', visits: 1 });
    const caseId = created.body.id as string;

    const [accept] = (await server.call('GET', '/tasks', { token: clerk })).body;
    expect(accept).toMatchObject({ caseId, formKey: 'acceptance', applicantName: '王芳' });
    await server.call('POST', `/tasks/${accept.id}/complete`, { token: clerk, body: { variables: { accepted: true, missingMaterials: [] } } });
    const [decide] = (await server.call('GET', '/tasks', { token: clerk })).body;
    expect(decide).toMatchObject({ caseId, formKey: 'decision' });
    const refusedWithoutReason = await server.call('POST', `/tasks/${decide.id}/complete`, { token: clerk, body: { variables: { approved: false } } });
    expect(refusedWithoutReason.status).toBe(400);
    expect(refusedWithoutReason.body.error.fields[0].field).toBe('refusalReason');
    await server.call('POST', `/tasks/${decide.id}/complete`, { token: clerk, body: { variables: { approved: true } } });

    const detail = (await server.call('GET', `/cases/${caseId}`, { token: clerk })).body;
    expect(detail.case).toMatchObject({ status: 'completed', resultNo: expect.any(String), currentSteps: [] });
    expect(detail.notices.map((n: { kind: string }) => n.kind)).toEqual(['completion']);
    expect(detail.log.filter((e: { action: string }) => e.action === 'step-done').map((e: { actorId: string }) => e.actorId)).toEqual(['s-ob-clerk-a', 's-ob-clerk-a']);
    const page = await fetch(`${server.url}/api/v1/cases/${caseId}/notices/${detail.notices[0].id}`, { headers: { authorization: `Bearer ${clerk}` } });
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('办结通知书');
  });

  test('bad input leaves nothing behind: unknown item, invalid ID number, a material not on the list', async () => {
    const server = await startServer();
    const clerk = await server.login('ob.clerk.a');
    expect((await server.call('POST', '/cases', { token: clerk, body: { itemCode: '999', applicant, provided: [] } })).body.error.code).toBe('ITEM_NOT_FOUND');
    const badId = await server.call('POST', '/cases', { token: clerk, body: { itemCode: BIRTH, applicant: { ...applicant, idNumber: '110105194912310021' }, provided: [] } });
    expect(badId.body.error).toMatchObject({ code: 'APPLICANT_INVALID', fields: [{ field: 'applicant.idNumber', problem: '校验位不符，请核对号码' }] });
    const badMaterial = await server.call('POST', '/cases', { token: clerk, body: { itemCode: BIRTH, applicant, provided: ['护照'] } });
    expect(badMaterial.body.error.code).toBe('MATERIAL_UNKNOWN');
    expect((await server.call('GET', '/cases', { token: clerk })).body).toEqual([]);
    expect(await server.engine.tasks()).toEqual([]);
  });

  test('A/B posts: the B post sees the absent A post\'s window steps and acts on them, recorded as on A\'s behalf', async () => {
    const server = await startServer();
    const a = await server.login('ob.clerk.a');
    const b = await server.login('ob.clerk.b');
    const created = await server.call('POST', '/cases', { token: a, body: { itemCode: BIRTH, applicant, provided: ['出生医学证明', '父母双方居民户口簿', '父母双方居民身份证'] } });
    expect((await server.call('GET', '/tasks', { token: b })).body).toEqual([]);
    await server.call('PUT', '/staff/s-ob-clerk-a/absence', { token: await server.login('ob.director'), body: { absent: true } });
    const [task] = (await server.call('GET', '/tasks', { token: b })).body;
    expect(task.caseId).toBe(created.body.id);
    await server.call('POST', `/tasks/${task.id}/complete`, { token: b, body: { variables: { accepted: true, missingMaterials: [] } } });
    const log = (await server.call('GET', `/cases/${created.body.id}`, { token: b })).body.log;
    expect(log.find((e: { action: string }) => e.action === 'step-done')).toMatchObject({ actorId: 's-ob-clerk-b', detail: { onBehalfOf: 's-ob-clerk-a' } });
  });
});
