import { describe, expect, test } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer } from './support.js';
import { complete, detail, itemNamed, receive, receiveAccepted, stepOf } from './cases.js';
import { loadForms } from '../../api/forms/registry.js';
import { formsDirectory } from '../../processes/forms/index.js';

const BIRTH = itemNamed('出生登记');

describe('each task comes with its form, one form-js definition that the server also checks answers with', () => {
  test('a task links to its form; the form is the form-js JSON stored with the processes, cacheable, for staff only', async () => {
    const server = await startServer();
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receive(server, clerk, BIRTH);
    const task = await stepOf(server, clerk, caseId, 'accept') as unknown as { form: { key: string; href: string } };
    expect(task.form).toEqual({ key: 'acceptance', href: '/api/v1/forms/acceptance' });

    const page = await fetch(`${server.url}${task.form.href}`, { headers: { authorization: `Bearer ${clerk}` } });
    expect(page.status).toBe(200);
    const form = (await page.json()) as { components: Array<{ key?: string }> };
    expect(form).toEqual(JSON.parse(readFileSync(new URL('acceptance.form', formsDirectory), 'utf8')));
    expect(form.components.find((c) => c.key === 'accepted')).toMatchObject({ type: 'radio', label: '受理意见', validate: { required: true } });
    // As a browser revalidates its copy (fetch() would add Cache-Control: no-cache to a hand-made conditional request).
    const again = await fetch(`${server.url}${task.form.href}`, { headers: { authorization: `Bearer ${clerk}`, 'if-none-match': page.headers.get('etag')!, 'cache-control': 'max-age=0' } });
    expect(again.status).toBe(304);

    expect((await server.call('GET', '/forms', { token: clerk })).body).toContainEqual({ key: 'review', href: '/api/v1/forms/review' });
    expect((await server.call('GET', '/forms/acceptance')).status).toBe(401);
    expect((await server.call('GET', '/forms/no-such-form', { token: clerk })).body.error).toMatchObject({ code: 'NOT_FOUND', message: '表单不存在' });
  });

  test('a missing required field is refused naming its label, a field its condition hides may not be sent, and nothing moves', async () => {
    const server = await startServer();
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receiveAccepted(server, clerk, BIRTH);
    const decide = await stepOf(server, clerk, caseId, 'decide');
    const post = (variables: Record<string, unknown>) => server.call('POST', `/tasks/${decide.id}/complete`, { token: clerk, body: { variables } });

    const refused = await post({ approved: false, refusalReason: '出生医学证明与户口簿信息不一致' });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toEqual({
      code: 'VALIDATION_FAILED', message: '「审查决定」的表单有误：请填写「法律依据」',
      fields: [{ field: 'legalBasis', problem: '请填写「法律依据」' }],
    });
    const hidden = await post({ approved: true, legalBasis: '《户口登记条例》第七条' });
    expect(hidden.body.error.fields).toEqual([{ field: 'legalBasis', problem: '「法律依据」此时不适用，请不要填写' }]);
    expect((await detail(server, clerk, caseId)).case.currentSteps.map((s: { name: string }) => s.name)).toEqual(['审查决定']);

    expect((await post({ approved: true, opinion: '  材料齐全  ' })).status).toBe(200);
    const done = (await detail(server, clerk, caseId)).log.filter((e) => e.action === 'step-done').at(-1);
    expect(done.detail.variables).toEqual({ approved: true, opinion: '材料齐全' });
  });

  test('the OpenAPI document describes each form\'s variables as a JSON schema, and the completion\'s body with them', async () => {
    const server = await startServer();
    const doc = (await server.call('GET', '/openapi.json')).body;
    const decision = doc.components.schemas['form.decision'];
    expect(decision).toMatchObject({ type: 'object', required: ['approved'], additionalProperties: false });
    expect(decision.properties.approved).toMatchObject({ title: '审查决定', oneOf: [{ const: true, title: '准予' }, { const: false, title: '不予' }] });
    expect(decision.properties.refusalReason).toMatchObject({ type: 'string', minLength: 2, maxLength: 2000, 'x-hide': ['=approved != false'] });
    const body = doc.paths['/api/v1/tasks/{id}/complete'].post.requestBody.content['application/json'].schema;
    expect(body.properties.variables.anyOf).toHaveLength(13);
    expect(body.properties.variables.anyOf).toContainEqual({ $ref: '#/components/schemas/form.review' });
    expect(doc.components.schemas['form.review'].properties.specialProcedure).toMatchObject({ type: ['object', 'null'], properties: { days: { type: 'integer', minimum: 1, maximum: 90 } } });
  });

  test('a field an administrator adds to a form is shown, required and kept with no code change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yc-admin-forms-'));
    try {
      cpSync(fileURLToPath(formsDirectory), dir, { recursive: true, filter: (path) => !path.endsWith('.ts') });
      const file = join(dir, 'decision.form');
      const form = JSON.parse(readFileSync(file, 'utf8'));
      form.components.push({ id: 'Field_registrar', type: 'textfield', key: 'registrar', label: '登记民警', validate: { required: true, maxLength: 20 } });
      writeFileSync(file, JSON.stringify(form));
      const server = await startServer(undefined, { forms: loadForms(pathToFileURL(`${dir}/`)) });
      const clerk = await server.login('ob.clerk.a');
      const caseId = await receiveAccepted(server, clerk, BIRTH);
      const decide = await stepOf(server, clerk, caseId, 'decide');

      const without = await server.call('POST', `/tasks/${decide.id}/complete`, { token: clerk, body: { variables: { approved: true } } });
      expect(without.body.error.fields).toEqual([{ field: 'registrar', problem: '请填写「登记民警」' }]);
      expect((await server.call('GET', '/forms/decision', { token: clerk })).body.components.at(-1)).toMatchObject({ key: 'registrar', label: '登记民警' });
      expect((await server.call('GET', '/openapi.json')).body.components.schemas['form.decision']).toMatchObject({ required: ['approved', 'registrar'], properties: { registrar: { type: 'string', maxLength: 20, title: '登记民警' } } });
      await complete(server, clerk, caseId, 'decide', { approved: true, registrar: '陈警官' });
      expect((await detail(server, clerk, caseId)).log.find((e) => e.action === 'step-done' && e.detail.step === '审查决定').detail.variables).toEqual({ approved: true, registrar: '陈警官' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
