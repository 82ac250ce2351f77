/** Access probes for the process routes (流程管理): administrators only, on a draft or a second version each probe makes. */
import { readFile } from 'node:fs/promises';
import { saveDraft } from '../../api/processes/drafts.js';
import type { Fixtures, Probe } from './access-probes.js';

const JOINT = new URL('../../processes/joint.bpmn', import.meta.url);
const ADMIN_ONLY = ['admin'];

async function jointDraft(f: Fixtures): Promise<void> {
  const xml = (await readFile(JOINT, 'utf8')).replace('name="统一出件"', 'name="统一出件（探测）"');
  await saveDraft(f.server.store.knex, { processId: 'joint', sourceName: 'processes/joint.bpmn', xml }, 's-admin', f.server.clock.now());
}

/** A second version of the joint process to migrate to (deploying the same XML again makes none). */
async function jointV2(f: Fixtures): Promise<void> {
  const xml = (await readFile(JOINT, 'utf8')).replace('name="统一出件"', 'name="统一出件（第二版）"');
  await f.server.engine.deploy(xml, { name: 'processes/joint.bpmn' });
}

const withDraft = (path: string): Probe[] => [{
  request: async (f) => {
    await jointDraft(f);
    return { path };
  },
  letIn: ADMIN_ONLY,
}];
const migration = (path: string): Probe[] => [{
  request: async (f) => {
    await jointV2(f);
    return { path, body: { fromVersion: 1, toVersion: 2 } };
  },
  letIn: ADMIN_ONLY,
}];

export const processProbes: Record<string, Probe[]> = {
  'GET /processes': [{ request: async () => ({ path: '/processes' }), letIn: ADMIN_ONLY }],
  'GET /processes/:processId/versions/:version': [{ request: async () => ({ path: '/processes/joint/versions/1' }), letIn: ADMIN_ONLY }],
  'GET /processes/:processId/draft': withDraft('/processes/joint/draft'),
  'PUT /processes/:processId/draft': [{ request: async () => ({ path: '/processes/joint/draft', body: { xml: await readFile(JOINT, 'utf8') } }), letIn: ADMIN_ONLY }],
  'DELETE /processes/:processId/draft': withDraft('/processes/joint/draft'),
  'GET /processes/:processId/draft/problems': withDraft('/processes/joint/draft/problems'),
  'GET /processes/:processId/draft/diff': withDraft('/processes/joint/draft/diff'),
  'POST /processes/:processId/deploy': withDraft('/processes/joint/deploy'),
  'GET /processes/item-policies': [{ request: async () => ({ path: '/processes/item-policies' }), letIn: ADMIN_ONLY }],
  'PUT /processes/item-policies/:code': [{ request: async () => ({ path: '/processes/item-policies/000172001001', body: { processId: 'direct' } }), letIn: ADMIN_ONLY }],
  'POST /processes/:processId/migrations/preview': migration('/processes/joint/migrations/preview'),
  'POST /processes/:processId/migrations': migration('/processes/joint/migrations'),
  'GET /processes/:processId/versions/:version/steps': [{ request: async () => ({ path: '/processes/joint/versions/1/steps' }), letIn: ADMIN_ONLY }],
  'GET /processes/:processId/draft/forms/:formKey': [{ request: async () => ({ path: '/processes/joint/draft/forms/joint-review' }), letIn: ADMIN_ONLY }],
  'PUT /processes/:processId/draft/forms/:formKey': [{ request: async () => ({ path: '/processes/joint/draft/forms/site-check', body: { schema: { id: 'site-check', type: 'default', components: [] } } }), letIn: ADMIN_ONLY }],
  'GET /processes/:processId/versions/:version/forms/:formKey': [{ request: async () => ({ path: '/processes/joint/versions/1/forms/joint-review' }), letIn: ADMIN_ONLY }],
};
