import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import { chinaTime, detail, itemNamed, receive } from './cases.js';

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const MATERIAL = encodeURIComponent('出生医学证明');

describe('uploading scans of materials', () => {
  test('a PDF, JPEG or PNG of a listed material is stored with the case, ticked on its checklist, logged, and can be read back', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receive(server, clerk, itemNamed('出生登记'));
    const stored = await server.call('POST', `/cases/${caseId}/materials/${MATERIAL}`, { token: clerk, bytes: PDF, contentType: 'application/pdf' });
    expect(stored.status).toBe(201);
    expect(stored.body).toMatchObject({ name: '出生医学证明', file: { contentType: 'application/pdf', size: PDF.length, uploadedAt: '2026-03-02T09:00:00+08:00' } });
    expect((await server.call('POST', `/cases/${caseId}/materials/${MATERIAL}`, { token: clerk, bytes: PNG, contentType: 'image/png' })).status).toBe(201);
    expect((await server.call('POST', `/cases/${caseId}/materials/${MATERIAL}`, { token: clerk, bytes: JPEG, contentType: 'image/jpeg; charset=binary' })).status).toBe(201);

    const file = await fetch(`${server.url}/api/v1/cases/${caseId}/materials/${MATERIAL}`, { headers: { authorization: `Bearer ${await server.login('auditor')}` } });
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(JPEG);
    const after = await detail(server, clerk, caseId);
    expect(after.case.materials.find((m: { name: string }) => m.name === '出生医学证明').file.contentType).toBe('image/jpeg');
    expect(after.log.filter((e) => e.action === 'material-uploaded').map((e) => e.actorId)).toEqual(['s-ob-clerk-a', 's-ob-clerk-a', 's-ob-clerk-a']);
  });

  test('a wrong type, a mislabelled file, an oversized one or an unlisted material is refused with what to fix, and nothing is written', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receive(server, clerk, itemNamed('出生登记'));
    const upload = (bytes: Uint8Array, contentType: string, name = MATERIAL) => server.call('POST', `/cases/${caseId}/materials/${name}`, { token: clerk, bytes, contentType });
    const before = await detail(server, clerk, caseId);

    const text = await upload(new TextEncoder().encode('hello'), 'text/plain');
    expect(text.status).toBe(415);
    expect(text.body.error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', fields: [{ field: 'content-type', problem: '可接受：application/pdf, image/jpeg, image/png' }] });
    const disguised = await upload(PDF, 'image/png');
    expect(disguised.status).toBe(415);
    expect(disguised.body.error.message).toContain('文件内容是 PDF，与声明的类型 image/png 不符');
    const fake = await upload(new TextEncoder().encode('MZ this is an executable'), 'application/pdf');
    expect(fake.body.error.message).toContain('不是有效的 PDF、JPEG 或 PNG 文件');
    const huge = new Uint8Array(10 * 1024 * 1024 + 1);
    huge.set(PDF);
    const oversized = await upload(huge, 'application/pdf');
    expect(oversized.status).toBe(413);
    expect(oversized.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: '请求体过大，上限为 10 MB' });
    expect((await upload(PDF, 'application/pdf', encodeURIComponent('护照'))).body.error.code).toBe('MATERIAL_UNKNOWN');
    expect((await upload(new Uint8Array(0), 'application/pdf')).body.error.code).toBe('UPLOAD_EMPTY');
    expect((await server.call('POST', `/cases/${caseId}/materials/${MATERIAL}`, { bytes: PDF, contentType: 'application/pdf' })).status).toBe(401);
    expect((await server.call('POST', `/cases/${caseId}/materials/${MATERIAL}`, { token: await server.login('auditor'), bytes: PDF, contentType: 'application/pdf' })).status).toBe(403);

    expect(await detail(server, clerk, caseId)).toEqual(before);
    expect(Number((await server.store.knex('yc_materials').count({ n: '*' }).first())?.n)).toBe(0);
  });
});
