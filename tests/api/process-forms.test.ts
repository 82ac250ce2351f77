import { describe, expect, test } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { startServer } from './support.js';
import { chinaTime, complete, itemNamed, receiveAccepted, stepOf } from './cases.js';
import { securityEvents } from '../../api/audit/security-log.js';

const ROAD = itemNamed('临时占用城市道路审批');
const promisedXml = () => readFile(new URL('../../processes/promised.bpmn', import.meta.url), 'utf8');
const platformReview = async () => JSON.parse(await readFile(new URL('../../processes/forms/review.form', import.meta.url), 'utf8')) as { components: unknown[] };
/** The review form as an administrator redesigns it: a required 现场核查情况 field added. */
const withSiteCheck = async () => {
  const form = await platformReview();
  return { ...form, components: [...form.components, { id: 'Field_siteCheck', type: 'textfield', key: 'siteCheck', label: '现场核查情况', validate: { required: true } }] };
};

describe('task forms designed in the modeler are stored with the process version they belong to', () => {
  test('the draft opens the platform\'s form, or a blank one for a new key; a saved design is checked like the platform\'s forms; only administrators', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const token = await server.login('admin');
    const shipped = await server.call('GET', '/processes/promised/draft/forms/review', { token });
    expect(shipped.body).toMatchObject({ formKey: 'review', origin: 'platform', schema: { id: 'review' } });
    const fresh = await server.call('GET', '/processes/promised/draft/forms/site-check', { token });
    expect(fresh.body).toEqual({ formKey: 'site-check', origin: 'new', schema: { id: 'site-check', type: 'default', schemaVersion: 19, components: [] } });

    const wrongId = await server.call('PUT', '/processes/promised/draft/forms/review', { token, body: { schema: { ...(await withSiteCheck()), id: 'other' } } });
    expect(wrongId.status).toBe(422);
    expect(wrongId.body.error.message).toContain('应与用户任务的表单键（formKey）相同');
    const file = { id: 'review', type: 'default', components: [{ id: 'f', type: 'filepicker', key: 'scan', label: '扫描件' }] };
    expect((await server.call('PUT', '/processes/promised/draft/forms/review', { token, body: { schema: file } })).status).toBe(422);
    expect((await server.call('PUT', '/processes/promised/draft/forms/review', { token: await server.login('ob.clerk.a'), body: { schema: await withSiteCheck() } })).status).toBe(403);
    expect((await server.call('GET', '/processes/nothing/draft/forms/review', { token })).status).toBe(404);

    const saved = await server.call('PUT', '/processes/promised/draft/forms/review', { token, body: { schema: await withSiteCheck() } });
    expect(saved.status).toBe(200);
    expect((await server.call('GET', '/processes/promised/draft/forms/review', { token })).body).toMatchObject({ origin: 'draft', schema: await withSiteCheck() });
    expect(await securityEvents(server.store.knex, { action: 'process-form-saved' })).toHaveLength(1);
    // Dropping the draft drops its designed forms with it.
    expect((await server.call('PUT', '/processes/promised/draft', { token, body: { xml: await promisedXml() } })).status).toBe(200);
    expect((await server.call('DELETE', '/processes/promised/draft', { token })).status).toBe(200);
    expect((await server.call('GET', '/processes/promised/draft/forms/review', { token })).body.origin).toBe('platform');
  });

  test('deployed, the designed form is the new version\'s: its cases answer it, while a case on the old version answers the platform\'s form', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const token = await server.login('admin');
    const clerk = await server.login('ob.clerk.a');
    const reviewer = await server.login('ob.reviewer');
    const before = await receiveAccepted(server, clerk, ROAD);

    const xml = (await promisedXml()).replace('name="审查"', 'name="审查（含现场核查）"');
    expect((await server.call('PUT', '/processes/promised/draft', { token, body: { xml } })).status).toBe(200);
    expect((await server.call('PUT', '/processes/promised/draft/forms/review', { token, body: { schema: await withSiteCheck() } })).status).toBe(200);
    expect((await server.call('POST', '/processes/promised/deploy', { token })).body).toMatchObject({ version: 2, formsOnly: false, changedForms: ['review'] });
    expect((await server.call('GET', '/processes/promised/versions/2/forms/review', { token })).body).toMatchObject({ origin: 'version', schema: await withSiteCheck() });
    expect((await server.call('GET', '/processes/promised/versions/1/forms/review', { token })).body).toMatchObject({ origin: 'platform', schema: await platformReview() });
    expect((await server.call('GET', '/processes/promised/draft/forms/review', { token })).body.origin).toBe('version');

    const after = await receiveAccepted(server, clerk, ROAD);
    const review = await stepOf(server, reviewer, after, 'review');
    expect(review).toMatchObject({ form: { key: 'review', processId: 'promised', version: 2, href: '/api/v1/forms/review?processId=promised&version=2' } });
    expect((await server.call('GET', '/forms/review?processId=promised&version=2', { token: reviewer })).body).toEqual(await withSiteCheck());
    const unanswered = await server.call('POST', `/tasks/${review.id}/complete`, { token: reviewer, body: { variables: { opinion: '同意' } } });
    expect(unanswered.status).toBe(400);
    expect(unanswered.body.error.message).toContain('现场核查情况');
    await complete(server, reviewer, after, 'review', { opinion: '同意', siteCheck: '已到现场核实占道范围' });

    // The case taken in before stays on version 1 and its platform form: no 现场核查 asked.
    const older = await stepOf(server, reviewer, before, 'review') as { form?: { href: string } };
    expect(older.form).toMatchObject({ key: 'review', version: 1 });
    expect((await server.call('GET', older.form!.href.replace('/api/v1', ''), { token: reviewer })).body).toEqual(await platformReview());
    await complete(server, reviewer, before, 'review', { opinion: '同意' });
  });

  test('a draft whose diagram is the newest version\'s but whose form changed deploys as a new version: running cases keep the old form, new ones get the new; the diff and the versions say only forms changed', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const token = await server.login('admin');
    const clerk = await server.login('ob.clerk.a');
    const reviewer = await server.login('ob.reviewer');
    const before = await receiveAccepted(server, clerk, ROAD);

    expect((await server.call('PUT', '/processes/promised/draft', { token, body: { xml: await promisedXml() } })).status).toBe(200);
    expect((await server.call('PUT', '/processes/promised/draft/forms/review', { token, body: { schema: await withSiteCheck() } })).status).toBe(200);
    expect((await server.call('GET', '/processes/promised/draft/diff', { token })).body).toEqual({ version: 1, changes: [], changedForms: ['review'] });
    const deployed = await server.call('POST', '/processes/promised/deploy', { token });
    expect(deployed.status).toBe(201);
    expect(deployed.body).toMatchObject({ version: 2, definitionKey: 'promised:2', formsOnly: true, changedForms: ['review'] });
    expect((await server.call('GET', '/processes/promised/versions/2', { token })).body.xml).toBe(await promisedXml());
    expect((await server.call('GET', '/processes/promised/versions/2/forms/review', { token })).body).toMatchObject({ origin: 'version', schema: await withSiteCheck() });
    expect((await server.call('GET', '/processes/promised/versions/1/forms/review', { token })).body).toMatchObject({ origin: 'platform', schema: await platformReview() });
    const promised = ((await server.call('GET', '/processes', { token })).body as Array<{ processId: string; versions: unknown[] }>).find((p) => p.processId === 'promised')!;
    expect(promised.versions).toMatchObject([
      { version: 2, formsOnly: true, changedForms: ['review'], deployedBy: expect.any(String), runningCases: 0 },
      { version: 1, formsOnly: false, changedForms: [], runningCases: 1 },
    ]);
    expect(await securityEvents(server.store.knex, { action: 'process-deployed' })).toEqual(expect.arrayContaining([
      expect.objectContaining({ detail: expect.objectContaining({ processId: 'promised', definitionKey: 'promised:2', formsOnly: true, changedForms: ['review'] }) }),
    ]));

    // A new case runs on version 2 and is asked 现场核查情况; the case taken in before stays on version 1's form.
    const after = await receiveAccepted(server, clerk, ROAD);
    expect(await stepOf(server, reviewer, after, 'review')).toMatchObject({ form: { key: 'review', version: 2 } });
    await complete(server, reviewer, after, 'review', { opinion: '同意', siteCheck: '已到现场核实占道范围' });
    const older = await stepOf(server, reviewer, before, 'review') as { form?: { href: string } };
    expect(older.form).toMatchObject({ key: 'review', version: 1 });
    expect((await server.call('GET', older.form!.href.replace('/api/v1', ''), { token: reviewer })).body).toEqual(await platformReview());
    await complete(server, reviewer, before, 'review', { opinion: '同意' });

    // A draft that changes nothing, its form saved again as version 2 has it, makes no version.
    expect((await server.call('PUT', '/processes/promised/draft', { token, body: { xml: await promisedXml() } })).status).toBe(200);
    expect((await server.call('PUT', '/processes/promised/draft/forms/review', { token, body: { schema: await withSiteCheck() } })).status).toBe(200);
    expect((await server.call('GET', '/processes/promised/draft/diff', { token })).body).toEqual({ version: 2, changes: [], changedForms: [] });
    expect((await server.call('POST', '/processes/promised/deploy', { token })).body).toMatchObject({ version: 2, formsOnly: false, changedForms: [] });
    expect((await server.call('GET', '/processes/promised/draft/forms/review', { token })).body.origin).toBe('version');
    expect(((await server.call('GET', '/processes', { token })).body as Array<{ processId: string; versions: unknown[] }>).find((p) => p.processId === 'promised')!.versions).toHaveLength(2);
  });
});
