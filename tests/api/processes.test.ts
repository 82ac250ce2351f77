import { describe, expect, test } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { startServer } from './support.js';
import type { TestServer } from './support.js';
import { chinaTime, itemNamed, receive, stepOf } from './cases.js';
import { deployShipped } from '../../api/processes/ownership.js';
import { seedItems } from '../../api/catalog/seed-items.js';
import { items } from '../../processes/catalog/items.js';
import { securityEvents } from '../../api/audit/security-log.js';
import { HISTORY_FORMAT } from '../../engine/index.js';

const JOINT_FILE = new URL('../../processes/joint.bpmn', import.meta.url);
const jointXml = () => readFile(JOINT_FILE, 'utf8');
/** A change an administrator makes: the issuing step renamed in words (same ids). */
const renamedIssue = (xml: string) => xml.replace('name="统一出件"', 'name="统一出件（窗口）"');
const JOINT_ITEM = items.find((i) => i.mode === 'joint')!;

async function admin(server: TestServer) {
  return server.login('admin');
}

async function deployDraft(server: TestServer, token: string, xml: string) {
  const saved = await server.call('PUT', '/processes/joint/draft', { token, body: { xml } });
  expect(saved.status).toBe(200);
  return server.call('POST', '/processes/joint/deploy', { token });
}

describe('processes (流程管理): versions, drafts, deploying, the diff, which flow an item runs, migrating cases', () => {
  test('the shipped processes are listed with their versions; only administrators see them', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const list = await server.call('GET', '/processes', { token: await admin(server) });
    expect(list.status).toBe(200);
    const joint = list.body.find((p: { processId: string }) => p.processId === 'joint');
    expect(joint).toMatchObject({ sourceName: 'processes/joint.bpmn', purpose: 'joint', changedByAdministrator: false });
    expect(joint.versions).toEqual([expect.objectContaining({ version: 1, definitionKey: 'joint:1', runningCases: 0 })]);
    expect(joint.versions[0].deployedBy).toBeUndefined();
    expect((await server.call('GET', '/processes', { token: await server.login('ob.clerk.a') })).status).toBe(403);
    expect((await server.call('GET', '/processes')).status).toBe(401);
  });

  test('a draft is kept apart from deploying; deploying it makes a new version recorded with who and when, in the security log', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const token = await admin(server);
    const xml = renamedIssue(await jointXml());
    expect((await server.call('PUT', '/processes/joint/draft', { token, body: { xml } })).status).toBe(200);
    const draft = await server.call('GET', '/processes/joint/draft', { token });
    expect(draft.body).toMatchObject({ processId: 'joint', origin: 'administrator', updatedBy: 's-admin', xml });
    // Saving is not deploying: still one version.
    let joint = (await server.call('GET', '/processes', { token })).body.find((p: { processId: string }) => p.processId === 'joint');
    expect(joint.versions).toHaveLength(1);
    expect(joint.draft).toMatchObject({ origin: 'administrator' });

    const deployed = await server.call('POST', '/processes/joint/deploy', { token });
    expect(deployed.status).toBe(201);
    expect(deployed.body).toMatchObject({ processId: 'joint', version: 2, definitionKey: 'joint:2' });
    joint = (await server.call('GET', '/processes', { token })).body.find((p: { processId: string }) => p.processId === 'joint');
    expect(joint.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(joint.versions[0]).toMatchObject({ deployedBy: 's-admin', deployedByName: '系统管理员', deployedAt: '2026-03-02T09:00:00+08:00' });
    expect(joint).toMatchObject({ changedByAdministrator: true });
    expect(joint.draft).toBeUndefined();
    const v2 = await server.call('GET', '/processes/joint/versions/2', { token });
    expect(v2.body.xml).toBe(xml);
    expect((await server.call('GET', '/processes/joint/versions/9', { token })).status).toBe(404);
    const actions = (await securityEvents(server.store.knex)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['process-draft-saved', 'process-deployed']));
  });

  test('a draft the engine refuses is not deployed: 422 with the engine\'s reasons, and the refusal is logged', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const token = await admin(server);
    const broken = (await jointXml()).replace('targetRef="issue"', 'targetRef="nowhere"');
    const refused = await deployDraft(server, token, broken);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('DRAFT_INVALID');
    expect(refused.body.error.fields.map((f: { field: string }) => f.field)).toContain('approved');
    const problems = await server.call('GET', '/processes/joint/draft/problems', { token });
    expect(problems.body.some((p: { source: string; severity: string }) => p.source === 'engine' && p.severity === 'error')).toBe(true);
    const joint = (await server.call('GET', '/processes', { token })).body.find((p: { processId: string }) => p.processId === 'joint');
    expect(joint.versions).toHaveLength(1);
    expect((await securityEvents(server.store.knex, { action: 'process-deploy-refused' }))).toHaveLength(1);
  });

  test('a draft whose refusal path skips rejection filing is refused by the platform\'s rules, the same the modeler shows', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const token = await admin(server);
    const skipping = (await jointXml()).replace('<bpmn:sequenceFlow id="to_file" sourceRef="notify_refusal" targetRef="file_refusal" />', '<bpmn:sequenceFlow id="to_file" sourceRef="notify_refusal" targetRef="filed" />');
    const refused = await deployDraft(server, token, skipping);
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'notify_refusal', problem: expect.stringContaining('[yichuang/refusal-reaches-filing]') })]));
    const problems = (await server.call('GET', '/processes/joint/draft/problems', { token })).body;
    expect(problems).toEqual(expect.arrayContaining([expect.objectContaining({ elementId: 'notify_refusal', source: 'lint', rule: 'yichuang/refusal-reaches-filing', severity: 'error' })]));
  });

  test('the diff lists added, removed and changed elements, changes inside extension elements included', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const token = await admin(server);
    const xml = renamedIssue(await jointXml())
      .replace('<zeebe:taskDefinition type="issue-result" />', '<zeebe:taskDefinition type="issue-result" retries="5" />')
      .replace('<bpmn:sequenceFlow id="to_done" sourceRef="issue" targetRef="done" />', '')
      .replace('<bpmn:incoming>to_done</bpmn:incoming>', '<bpmn:incoming>to_done2</bpmn:incoming>')
      .replace('<bpmn:outgoing>to_done</bpmn:outgoing>', '<bpmn:outgoing>to_done2</bpmn:outgoing>')
      .replace('</bpmn:process>', '<bpmn:sequenceFlow id="to_done2" sourceRef="issue" targetRef="done" /></bpmn:process>');
    await server.call('PUT', '/processes/joint/draft', { token, body: { xml } });
    const diff = await server.call('GET', '/processes/joint/draft/diff', { token });
    expect(diff.status).toBe(200);
    expect(diff.body.version).toBe(1);
    const byId = Object.fromEntries(diff.body.changes.map((c: { elementId: string }) => [c.elementId, c]));
    expect(byId.to_done2).toMatchObject({ change: 'added', type: 'bpmn:SequenceFlow' });
    expect(byId.to_done).toMatchObject({ change: 'removed' });
    expect(byId.issue.change).toBe('changed');
    expect(byId.issue.properties.map((p: { property: string }) => p.property).sort()).toEqual(['extension:zeebe:TaskDefinition', 'name', 'outgoing']);
    // Unchanged elements are not listed.
    expect(byId.accept).toBeUndefined();
  });

  test('an item pinned to a version starts its cases there; a new case of the newest follows the new version, an older case stays', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const token = await admin(server);
    const clerk = await server.login('ob.clerk.a');
    const before = await receive(server, clerk, JOINT_ITEM);
    expect((await deployDraft(server, token, renamedIssue(await jointXml()))).status).toBe(201);
    const after = await receive(server, clerk, JOINT_ITEM);
    const instanceOf = async (caseId: string) => (await server.store.knex('yc_cases').where({ id: caseId }).first()).instance_id as string;
    expect((await server.engine.instance(await instanceOf(before)))!.definitionKey).toBe('joint:1');
    expect((await server.engine.instance(await instanceOf(after)))!.definitionKey).toBe('joint:2');

    const pinned = await server.call('PUT', `/processes/item-policies/${JOINT_ITEM.code}`, { token, body: { processId: 'joint', version: 1 } });
    expect(pinned.status).toBe(200);
    expect(pinned.body).toMatchObject({ itemCode: JOINT_ITEM.code, processId: 'joint', version: 1, changedBy: 's-admin' });
    const third = await receive(server, clerk, JOINT_ITEM);
    expect((await server.engine.instance(await instanceOf(third)))!.definitionKey).toBe('joint:1');
    expect((await server.call('PUT', `/processes/item-policies/${JOINT_ITEM.code}`, { token, body: { processId: 'joint', version: 7 } })).status).toBe(422);
    const running = (await server.call('GET', '/processes', { token })).body.find((p: { processId: string }) => p.processId === 'joint').versions;
    expect(running.map((v: { runningCases: number }) => v.runningCases)).toEqual([1, 2]);
  });

  test('migrating: the preview says which cases move and which cannot, and why; then only those move', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const token = await admin(server);
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receive(server, clerk, JOINT_ITEM);
    // The new version renames the acceptance step the case waits at.
    const v2 = (await jointXml()).replaceAll('"accept"', '"accept_window"').replaceAll('>accept<', '>accept_window<');
    expect((await deployDraft(server, token, v2)).status).toBe(201);
    const body = { fromVersion: 1, toVersion: 2 };
    const preview = await server.call('POST', '/processes/joint/migrations/preview', { token, body });
    expect(preview.status).toBe(200);
    // Where the case is and why it cannot move, named from both versions, for the page to word.
    const acceptStep = { elementId: 'accept', name: '受理', kind: 'userTask' };
    expect(preview.body).toEqual([expect.objectContaining({
      caseId, steps: [acceptStep], moves: false, reasons: [expect.stringContaining('"accept"')],
      problems: [{ code: 'NO_COUNTERPART', what: 'active element', step: acceptStep, target: { elementId: 'accept', kind: 'unknown' } }],
    })]);
    // The mapping editor's choices: the new version's steps, the renamed one among them.
    const steps = await server.call('GET', '/processes/joint/versions/2/steps', { token });
    expect(steps.status).toBe(200);
    expect(steps.body).toContainEqual({ elementId: 'accept_window', name: '受理', kind: 'userTask' });
    expect(steps.body.some((s: { kind: string }) => s.kind === 'startEvent')).toBe(false);
    expect((await server.call('GET', '/processes/joint/versions/9/steps', { token })).status).toBe(404);
    expect((await server.call('GET', '/processes/joint/versions/2/steps', { token: clerk })).status).toBe(403);
    // Mapped onto a step of another kind, it still cannot move, and says so.
    const wrongKind = await server.call('POST', '/processes/joint/migrations/preview', { token, body: { ...body, mapping: { accept: 'acceptance_notice' } } });
    expect(wrongKind.body).toEqual([expect.objectContaining({ moves: false, problems: [expect.objectContaining({ code: 'KIND_DIFFERS', target: expect.objectContaining({ elementId: 'acceptance_notice', kind: 'serviceTask' }) })] })]);
    const mapped = await server.call('POST', '/processes/joint/migrations/preview', { token, body: { ...body, mapping: { accept: 'accept_window' } } });
    expect(mapped.body).toEqual([expect.objectContaining({ caseId, steps: [acceptStep], moves: true, reasons: [], problems: [] })]);
    // A preview moves nothing.
    await stepOf(server, clerk, caseId, 'accept');
    const moved = await server.call('POST', '/processes/joint/migrations', { token, body: { ...body, mapping: { accept: 'accept_window' } } });
    expect(moved.body).toEqual([expect.objectContaining({ caseId, moves: true, steps: [acceptStep] })]);
    await stepOf(server, clerk, caseId, 'accept_window');
    const logged = await securityEvents(server.store.knex, { action: 'process-migrated' });
    expect(logged).toHaveLength(1);
    // The instance's own history names the move and who made it; the case's diagram follows the renamed step.
    const instanceId = (await server.store.knex('yc_cases').where({ id: caseId }).first()).instance_id as string;
    expect((await server.engine.history(instanceId)).filter((e) => e.t === 'migrated')).toEqual([
      expect.objectContaining({ definitionKey: 'joint:2', renames: { accept: 'accept_window' }, by: logged[0]!.actorId, v: HISTORY_FORMAT }),
    ]);
    const diagram = (await server.call('GET', `/cases/${caseId}/diagram`, { token: clerk })).body;
    expect(diagram).toMatchObject({ definitionKey: 'joint:2', steps: [expect.objectContaining({ elementId: 'accept_window' })] });
    expect(diagram.active).toContain('accept_window');
    expect(await server.engine.verify(instanceId)).toMatchObject({ ok: true, replayMatches: true });
    expect((await server.call('POST', '/processes/joint/migrations', { token, body: { fromVersion: 2, toVersion: 1 } })).status).toBe(422);
  });
});

describe('who owns a flow: once an administrator deployed it, a start of the platform never overwrites it', () => {
  test('a shipped file no administrator changed is deployed when it changes; one they changed is offered as a draft (新版本待审核)', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const db = server.store.knex;
    const shipped = await jointXml();
    expect(await deployShipped(db, server.engine, { name: 'processes/joint.bpmn', xml: shipped, processId: 'joint' })).toBe('unchanged');
    const newer = shipped.replace('name="审查完毕"', 'name="审查结束"');
    expect(await deployShipped(db, server.engine, { name: 'processes/joint.bpmn', xml: newer, processId: 'joint' })).toBe('deployed');

    const token = await admin(server);
    expect((await deployDraft(server, token, renamedIssue(newer))).body.version).toBe(3);
    const newest = newer.replace('name="收件"', 'name="收件登记"');
    expect(await deployShipped(db, server.engine, { name: 'processes/joint.bpmn', xml: newest, processId: 'joint' })).toBe('offered');
    const joint = (await server.call('GET', '/processes', { token })).body.find((p: { processId: string }) => p.processId === 'joint');
    expect(joint.versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    expect(joint.draft).toMatchObject({ origin: 'shipped' });
    expect((await server.call('GET', '/processes/joint/draft', { token })).body.xml).toBe(newest);
    // Offered once: the next start with the same file leaves it be.
    expect(await deployShipped(db, server.engine, { name: 'processes/joint.bpmn', xml: newest, processId: 'joint' })).toBe('kept');
  });

  test('an administrator\'s own draft is not overwritten by a shipped offer', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const db = server.store.knex;
    const token = await admin(server);
    await deployDraft(server, token, renamedIssue(await jointXml()));
    const mine = renamedIssue(await jointXml()).replace('name="受理"', 'name="受理审查"');
    await server.call('PUT', '/processes/joint/draft', { token, body: { xml: mine } });
    const shipped = (await jointXml()).replace('name="收件"', 'name="收件登记"');
    expect(await deployShipped(db, server.engine, { name: 'processes/joint.bpmn', xml: shipped, processId: 'joint' })).toBe('kept');
    expect((await server.call('GET', '/processes/joint/draft', { token })).body).toMatchObject({ origin: 'administrator', xml: mine });
  });

  test('the shipped catalog does not overwrite an item whose process an administrator chose', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const token = await admin(server);
    await server.call('PUT', `/processes/item-policies/${JOINT_ITEM.code}`, { token, body: { processId: 'promised' } });
    const other = itemNamed(items.find((i) => i.code !== JOINT_ITEM.code)!.name);
    await seedItems(server.store.knex, items.map((i) => ({ ...i, name: `${i.name}（新）` })));
    const policies = (await server.call('GET', '/processes/item-policies', { token })).body;
    expect(policies.find((p: { itemCode: string }) => p.itemCode === JOINT_ITEM.code)).toMatchObject({ processId: 'promised', itemName: JOINT_ITEM.name });
    expect(policies.find((p: { itemCode: string }) => p.itemCode === other.code).itemName).toBe(`${other.name}（新）`);
  });
});
