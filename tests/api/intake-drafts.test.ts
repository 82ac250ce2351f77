import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import { advanceTo, chinaTime } from './cases.js';

const draft = {
  itemCode: '000172002002', itemName: '居住证核发',
  applicant: { kind: 'person', name: '张丽华', idNumber: '11010519491231002X', phone: '138' },
  materials: { 居民身份证: 'received', 近期免冠彩色照片: 'missing' },
  note: '申请人回家取居住证明',
};

describe('intake drafts (暂存件): a clerk\'s unfinished intakes, kept on the server, each clerk\'s own', () => {
  test('a clerk saves a half-filled intake, reads it back after saving it again, and deletes it', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const clerk = await server.login('ob.clerk.a');
    expect((await server.call('GET', '/intake-drafts', { token: clerk })).body).toEqual([]);

    // Half filled is the point: a phone of three digits is kept as typed, to be finished later.
    const saved = await server.call('PUT', '/intake-drafts/d-2026-0001', { token: clerk, body: draft });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ id: 'd-2026-0001', updatedAt: chinaTime('2026-03-02 09:00'), ...draft });
    await server.call('PUT', '/intake-drafts/d-2026-0002', { token: clerk, body: { applicant: { kind: 'company' }, materials: {} } });
    await advanceTo(server, '2026-03-02 09:01');
    await server.call('PUT', '/intake-drafts/d-2026-0001', { token: clerk, body: { ...draft, note: '已电话联系' } });

    const mine = (await server.call('GET', '/intake-drafts', { token: clerk })).body;
    expect(mine.map((d: { id: string; note?: string }) => [d.id, d.note])).toEqual([['d-2026-0001', '已电话联系'], ['d-2026-0002', undefined]]);
    expect(mine[0].updatedAt).toBe(chinaTime('2026-03-02 09:01'));

    expect((await server.call('DELETE', '/intake-drafts/d-2026-0001', { token: clerk })).body).toEqual({ deleted: true });
    expect((await server.call('GET', '/intake-drafts', { token: clerk })).body.map((d: { id: string }) => d.id)).toEqual(['d-2026-0002']);
    expect((await server.call('DELETE', '/intake-drafts/d-2026-0001', { token: clerk })).status).toBe(404);
  });

  test('another clerk neither sees, overwrites nor deletes it; reviewers have no drafts', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const a = await server.login('ob.clerk.a');
    const b = await server.login('ob.clerk.b');
    await server.call('PUT', '/intake-drafts/d-2026-0001', { token: a, body: draft });

    expect((await server.call('GET', '/intake-drafts', { token: b })).body).toEqual([]);
    const overwrite = await server.call('PUT', '/intake-drafts/d-2026-0001', { token: b, body: { ...draft, note: '他人改写' } });
    expect(overwrite.status).toBe(404);
    expect((await server.call('DELETE', '/intake-drafts/d-2026-0001', { token: b })).status).toBe(404);
    expect((await server.call('GET', '/intake-drafts', { token: a })).body[0].note).toBe('申请人回家取居住证明');
    expect((await server.call('GET', '/intake-drafts', { token: await server.login('ob.reviewer') })).status).toBe(403);
  });

  test('a draft of the wrong shape is refused field by field, and a clerk keeps at most 20', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const clerk = await server.login('ob.clerk.a');
    const bad = await server.call('PUT', '/intake-drafts/d-2026-0001', { token: clerk, body: { ...draft, materials: { 居民身份证: 'lost' }, extra: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['(body)', 'materials.居民身份证'].sort());
    const badId = await server.call('PUT', '/intake-drafts/x', { token: clerk, body: draft });
    expect(badId.status).toBe(400);
    expect(JSON.stringify(badId.body.error)).toContain('草稿编号应为 8 至 64 位字母、数字或连字符');

    for (let n = 1; n <= 20; n++) expect((await server.call('PUT', `/intake-drafts/d-2026-${String(n).padStart(4, '0')}`, { token: clerk, body: draft })).status).toBe(200);
    const full = await server.call('PUT', '/intake-drafts/d-2026-0021', { token: clerk, body: draft });
    expect(full.status).toBe(409);
    expect(full.body.error).toMatchObject({ code: 'DRAFTS_FULL', message: '暂存的草稿已有 20 份，请先办结或删除不再需要的草稿' });
    // Saving one that exists again is still fine.
    expect((await server.call('PUT', '/intake-drafts/d-2026-0020', { token: clerk, body: draft })).status).toBe(200);
  });
});
