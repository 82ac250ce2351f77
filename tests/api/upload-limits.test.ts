import { request } from 'node:http';
import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import { chinaTime, itemNamed, receive } from './cases.js';
import { securitySettings } from '../../api/security/settings.js';

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const MATERIAL = encodeURIComponent('出生医学证明');

/**
 * Starts an upload that declares 5 MB and sends only its first bytes, then waits: a server that
 * reads the body before deciding would wait for the rest for ever, one that checks first answers.
 */
function unfinishedUpload(url: string, path: string, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/v1${path}`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf', 'content-length': String(5 * 1024 * 1024) },
    }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => { body += chunk; });
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', reject);
    const timer = setTimeout(() => {
      req.destroy();
      resolve({ status: 0, body: 'no answer while the body was still coming' });
    }, 3000);
    req.on('close', () => clearTimeout(timer));
    req.write(Buffer.from('%PDF-1.7\n'));
  });
}

describe('uploads: checked before the body is read, and a quota per case', () => {
  test('a case the caller may not see (404) or not write to (403) is refused on the headers alone', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const caseId = await receive(server, await server.login('ob.clerk.a'), itemNamed('出生登记'));
    const notTheirs = await unfinishedUpload(server.url, `/cases/${caseId}/materials/${MATERIAL}`, await server.login('qt.clerk'));
    expect([notTheirs.status, JSON.parse(notTheirs.body).error.code]).toEqual([404, 'NOT_FOUND']);
    const noRole = await unfinishedUpload(server.url, `/cases/${caseId}/materials/${MATERIAL}`, await server.login('ob.reviewer'));
    expect(noRole.status).toBe(403);
    const unlisted = await unfinishedUpload(server.url, `/cases/${caseId}/materials/${encodeURIComponent('不在清单上的材料')}`, await server.login('ob.clerk.a'));
    expect(unlisted.status).toBe(400);
  });

  test('old versions stay and count against the case\'s quota: past it, 413 with a clear message, declared or not', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'), { security: securitySettings({ caseQuotaBytes: PDF.length * 2 + 10 }) });
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receive(server, clerk, itemNamed('出生登记'));
    const upload = () => server.call('POST', `/cases/${caseId}/materials/${MATERIAL}`, { token: clerk, bytes: PDF, contentType: 'application/pdf' });
    expect([(await upload()).status, (await upload()).status]).toEqual([201, 201]);
    expect((await server.store.knex('yc_materials').where({ case_id: caseId })).length).toBe(2);
    const third = await upload();
    expect(third.status).toBe(413);
    expect(third.body.error.code).toBe('CASE_QUOTA_EXCEEDED');
    expect(third.body.error.message).toMatch(/^本办件的材料扫描件（含各旧版本）已用 .* MB，加上此文件将超过每件 .* MB 的上限/);
    const early = await unfinishedUpload(server.url, `/cases/${caseId}/materials/${MATERIAL}`, clerk);
    expect(early.status).toBe(413);
    expect((await server.store.knex('yc_materials').where({ case_id: caseId })).length).toBe(2);
  });

  test('the default quota is 200 MB a case', () => {
    expect(securitySettings().caseQuotaBytes).toBe(200 * 1024 * 1024);
  });
});
