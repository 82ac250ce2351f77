/**
 * One probe per route the server mounts: how to call it on a fresh or shared target, and who
 * may reach that target beyond the route's declared roles (org-unit scope, first-ask owner,
 * the case's centre director). Sensitive routes also list, literally, who is let in.
 */
import type { Role } from '../../api/auth/types.js';
import { demoUnits, DEMO_PASSWORD } from '../../api/seed/demo-county.js';
import { unitAndBelow } from '../../api/org/units.js';
import { addStaff } from '../../api/org/staff.js';
import { AUTHORITY_SECTORS } from '../../processes/catalog/types.js';
import type { CallOptions, TestServer } from './support.js';
import { processProbes } from './process-probes.js';
import { applicant, complete, itemNamed, receive, required, stepOf, trackingCodeOf } from './cases.js';

export interface Person { username: string; roles: Role[]; unit: string }
/** What a person gets: let in, or refused as anonymous (401), for their role or rule (403), or as if the target did not exist (404). */
export type Verdict = 'in' | '401' | '403' | '404';

export interface Fixtures {
  server: TestServer;
  token: (username: string) => string;
  /** Open direct cases: one received at the 瓯北 township window by ob.clerk.a, one at 马岙 village by ma.clerk. */
  township: string;
  village: string;
  /** A township case issued with a completion notice, and a scan uploaded on the open township case. */
  issued: { caseId: string; noticeId: string };
}

export interface Probe {
  label?: string;
  /** Builds the request; called once per person, so it may make a fresh target for each. */
  request: (f: Fixtures, who: Person | undefined) => Promise<{ path: string; token?: string } & CallOptions>;
  /** Who, among those holding a declared role, may reach the target. */
  access?: (p: Person) => Verdict;
  /** The sensitive cases, written out: exactly these people are let in. */
  letIn?: string[];
}

const sees = (unit: string) => (p: Person): Verdict => (unitAndBelow(demoUnits, p.unit).includes(unit) ? 'in' : '404');
const withdrawers = (unit: string, allowed: string[]) => (p: Person): Verdict => (sees(unit)(p) === 'in' ? (allowed.includes(p.username) ? 'in' : '403') : '404');
const TOWNSHIP = '330324-ob';
const VILLAGE = '330324-ob-ma';
const BIRTH = itemNamed('出生登记');
const RESIDENCE = itemNamed('流动人口居住登记');
/** A promised item: its process has the director's extension approval (a direct case has none). */
const ROAD = itemNamed('临时占用城市道路审批');
const PDF = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
/** The heads of deciding authorities, in the county and in the township (demo-county.ts lists them last). */
const HEADS = ['zfj.head', 'mz.head', 'tax.head', 'ga.head', 'ob.head'];
const TOWNSHIP_STAFF = ['admin', 'county.reviewer', 'county.director', 'supervisor', 'auditor', 'ob.director', 'ob.clerk.a', 'ob.clerk.b', 'ob.reviewer', 'ob.land', 'ob.farm', 'ob.build'];
const SEE_TOWNSHIP = [...TOWNSHIP_STAFF, ...HEADS];
const CN_DIGITS = '零一二三四五六七八九';
let units = 0;
let drafts = 0;
const DRAFT = { applicant: { kind: 'person', name: '王芳' }, materials: {} };

let people = 0;
/** A fresh person at the township, to reset, disable or sign out without disturbing the people probing. */
async function freshPerson(f: Fixtures): Promise<string> {
  const id = `s-probe-${++people}`;
  await addStaff(f.server.store.knex, { id, username: `probe.${people}`, name: '试用人员', orgUnitId: TOWNSHIP, roles: ['clerk'], password: DEMO_PASSWORD });
  return id;
}

/** A fresh township case, open at acceptance in ob.clerk.a's inbox. */
const freshCase = (f: Fixtures) => receive(f.server, f.token('ob.clerk.a'), BIRTH);

export const probes: Record<string, Probe[]> = {
  'POST /auth/login': [{ request: async () => ({ path: '/auth/login', body: { username: 'qt.clerk', password: DEMO_PASSWORD } }) }],
  'POST /auth/logout': [{ request: async (f, who) => ({ path: '/auth/logout', token: who ? await f.server.login(who.username) : undefined }) }],
  'GET /me': [{ request: async () => ({ path: '/me' }) }],
  'GET /openapi.json': [{ request: async () => ({ path: '/openapi.json' }) }],
  'GET /forms': [{ request: async () => ({ path: '/forms' }) }],
  'GET /forms/:key': [{ request: async () => ({ path: '/forms/acceptance' }) }],
  'GET /org-units': [{ request: async () => ({ path: '/org-units' }) }],
  'POST /org-units': [{
    request: async () => ({ path: '/org-units', body: { id: `330324-new${++units}`, parentId: '330324', level: 'township', name: '沙头镇', centerName: '永嘉县沙头镇行政服务中心', centerClass: '三类', population: 40_000, areaM2: 80 } }),
    access: (p) => (sees('330324')(p) === 'in' ? 'in' : '403'), letIn: ['admin'],
  }],
  'GET /staff': [{ request: async () => ({ path: '/staff' }) }],
  'GET /calendar': [{ request: async () => ({ path: '/calendar' }) }],
  'GET /calendar/:year': [{ request: async () => ({ path: '/calendar/2027' }) }],
  'PUT /calendar/:year': [{
    request: async () => ({ path: '/calendar/2027', body: { holidays: [{ date: '2027-01-01', name: '元旦' }], source: '国办发明电〔2026〕测试号' } }),
    letIn: ['admin'],
  }],
  // A wrong old password: the route is reached (400) without changing anyone's password.
  'POST /auth/password': [{ request: async () => ({ path: '/auth/password', body: { oldPassword: 'not-the-password', newPassword: 'a new long password' } }) }],
  'POST /staff': [{ request: async () => ({ path: '/staff', body: { username: `probe.new.${++people}`, name: '新增人员', orgUnitId: TOWNSHIP, roles: ['clerk'] } }), letIn: ['admin'] }],
  'PUT /staff/:id/roles': [{ request: async (f) => ({ path: `/staff/${await freshPerson(f)}/roles`, body: { roles: ['clerk', 'reviewer'] } }), access: sees(TOWNSHIP), letIn: ['admin'] }],
  'POST /staff/:id/password-reset': [{ request: async (f) => ({ path: `/staff/${await freshPerson(f)}/password-reset`, body: { reason: '忘记密码' } }), access: sees(TOWNSHIP), letIn: ['admin'] }],
  'POST /staff/:id/disable': [{ request: async (f) => ({ path: `/staff/${await freshPerson(f)}/disable`, body: { reason: '调离' } }), access: sees(TOWNSHIP), letIn: ['admin'] }],
  'POST /staff/:id/enable': [{ request: async (f) => ({ path: `/staff/${await freshPerson(f)}/enable`, body: { reason: '调回' } }), access: sees(TOWNSHIP), letIn: ['admin'] }],
  'DELETE /staff/:id/sessions': [{ request: async (f) => ({ path: `/staff/${await freshPerson(f)}/sessions` }), access: sees(TOWNSHIP), letIn: ['admin'] }],
  'GET /security-log': [{ request: async () => ({ path: '/security-log?limit=5' }), letIn: ['auditor'] }],
  'PUT /staff/:id/absence': [{ request: async () => ({ path: '/staff/s-ob-clerk-a/absence', body: { absent: false } }), access: sees(TOWNSHIP), letIn: ['admin', 'county.director', 'ob.director'] }],
  'GET /authorities': [{ request: async () => ({ path: '/authorities' }) }],
  'POST /authorities': [{
    request: async () => {
      const n = ++units;
      return { path: '/authorities', body: { id: `yt-test-${n}`, name: `岩坦镇测试机关${n}`, kind: 'department', sector: AUTHORITY_SECTORS[1 + (n % 12)], orgUnitId: '330324-yt', docCode: `岩测${[...String(n)].map((d) => CN_DIGITS[Number(d)]).join('')}` } };
    },
    access: (p) => (sees('330324')(p) === 'in' ? 'in' : '403'), letIn: ['admin'],
  }],
  'GET /items': [{ request: async () => ({ path: '/items' }) }],
  'GET /items/:code': [{ request: async () => ({ path: `/items/${BIRTH.code}` }) }],
  'POST /cases': [{ request: async () => ({ path: '/cases', body: { itemCode: RESIDENCE.code, applicant, provided: required(RESIDENCE) } }) }],
  'GET /cases': [{ request: async () => ({ path: '/cases' }) }],
  'GET /cases/:id': [
    { label: 'township case', request: async (f) => ({ path: `/cases/${f.township}` }), access: sees(TOWNSHIP), letIn: SEE_TOWNSHIP },
    { label: 'village case', request: async (f) => ({ path: `/cases/${f.village}` }), access: sees(VILLAGE), letIn: [...TOWNSHIP_STAFF, 'ma.clerk', ...HEADS] },
  ],
  'POST /cases/:id/withdraw': [
    // The owner, the owner's B post while the owner is absent (not here), the director of the case's centre; other clerks in scope 403.
    { label: 'township case', request: async (f) => ({ path: `/cases/${await freshCase(f)}/withdraw`, body: { reason: '申请人撤回' } }), access: withdrawers(TOWNSHIP, ['ob.clerk.a', 'ob.director']), letIn: ['ob.director', 'ob.clerk.a'] },
    { label: 'village case', request: async (f) => ({ path: `/cases/${f.village}/withdraw`, body: { reason: '申请人撤回' } }), access: withdrawers(VILLAGE, ['ma.clerk', 'ob.director']), letIn: ['ob.director', 'ma.clerk'] },
  ],
  'POST /cases/:id/handover': [{
    request: async (f) => ({ path: `/cases/${await freshCase(f)}/handover`, body: { toStaffId: 's-ob-clerk-b', reason: '轮休移交' } }),
    access: (p) => (sees(TOWNSHIP)(p) === 'in' ? (p.username === 'ob.clerk.a' ? 'in' : '403') : '404'), letIn: ['ob.clerk.a'],
  }],
  'GET /tasks': [{ request: async () => ({ path: '/tasks' }) }],
  'GET /inbox': [{ request: async () => ({ path: '/inbox?tab=closed' }) }],
  'POST /tasks/:id/complete': [{
    request: async (f) => {
      const task = await stepOf(f.server, f.token('ob.clerk.a'), await freshCase(f), 'accept');
      return { path: `/tasks/${task.id}/complete`, body: { variables: { accepted: true, missingMaterials: [] } } };
    },
    access: (p) => (sees(TOWNSHIP)(p) === 'in' ? (p.username === 'ob.clerk.a' ? 'in' : '403') : '404'), letIn: ['ob.clerk.a'],
  }],
  'POST /tasks/:id/claim': [{
    request: async (f) => ({ path: `/tasks/${(await stepOf(f.server, f.token('ob.clerk.a'), await freshCase(f), 'accept')).id}/claim` }),
    access: (p) => (sees(TOWNSHIP)(p) === 'in' ? (p.username === 'ob.clerk.a' ? 'in' : '403') : '404'), letIn: ['ob.clerk.a'],
  }],
  'POST /tasks/:id/unclaim': [{
    request: async (f) => {
      const task = await stepOf(f.server, f.token('ob.clerk.a'), await freshCase(f), 'accept');
      await f.server.call('POST', `/tasks/${task.id}/claim`, { token: f.token('ob.clerk.a') });
      return { path: `/tasks/${task.id}/unclaim` };
    },
    access: (p) => (sees(TOWNSHIP)(p) === 'in' ? (p.username === 'ob.clerk.a' ? 'in' : '403') : '404'), letIn: ['ob.clerk.a'],
  }],
  'GET /tasks/:id/hand-on-targets': [{
    request: async (f) => ({ path: `/tasks/${(await stepOf(f.server, f.token('ob.clerk.a'), await freshCase(f), 'accept')).id}/hand-on-targets` }),
    access: (p) => (sees(TOWNSHIP)(p) === 'in' ? (p.username === 'ob.clerk.a' ? 'in' : '403') : '404'), letIn: ['ob.clerk.a'],
  }],
  'POST /tasks/:id/hand-on': [{
    request: async (f) => ({ path: `/tasks/${(await stepOf(f.server, f.token('ob.clerk.a'), await freshCase(f), 'accept')).id}/hand-on`, body: { toStaffId: 's-ob-clerk-b', reason: '外出培训' } }),
    access: (p) => (sees(TOWNSHIP)(p) === 'in' ? (p.username === 'ob.clerk.a' ? 'in' : '403') : '404'), letIn: ['ob.clerk.a'],
  }],
  'POST /inbox/events/ticket': [{ request: async () => ({ path: '/inbox/events/ticket' }) }],
  'GET /inbox/views': [{ request: async () => ({ path: '/inbox/views' }) }],
  'POST /inbox/views': [{ request: async () => ({ path: '/inbox/views', body: { name: '本周到期', filter: { tab: 'todo', timeState: 'yellow' } } }) }],
  'DELETE /inbox/views/:id': [{
    // Each person deletes a view of their own (made first); another's view answers 404 (tests/api/inbox-views.test.ts).
    request: async (f, who) => {
      if (!who) return { path: '/inbox/views/none' };
      const made = await f.server.call('POST', '/inbox/views', { token: f.token(who.username), body: { name: `probe-${++drafts}`, filter: {} } });
      return { path: `/inbox/views/${made.body.id ?? 'none'}` };
    },
  }],
  'POST /cases/:id/extensions': [{ request: async (f) => ({ path: `/cases/${f.issued.caseId}/extensions`, body: { days: 5, reason: '需征求意见' } }), access: sees(TOWNSHIP), letIn: ['ob.clerk.a', 'ob.clerk.b'] }],
  'GET /extensions': [{ request: async () => ({ path: '/extensions' }) }],
  'POST /extensions/:id/decision': [{
    request: async (f) => {
      const clerk = f.token('ob.clerk.a');
      const caseId = await receive(f.server, clerk, ROAD);
      await complete(f.server, clerk, caseId, 'accept', { accepted: true, missingMaterials: [] });
      const asked = await f.server.call('POST', `/cases/${caseId}/extensions`, { token: clerk, body: { days: 2, reason: '需征求意见' } });
      return { path: `/extensions/${encodeURIComponent(asked.body.id)}/decision`, body: { approved: true } };
    },
    // Only the head of the item's deciding authority (the county's 综合行政执法局) approves: not the centre's director, not another authority's head.
    access: (p) => (p.username === 'zfj.head' ? 'in' : sees(TOWNSHIP)(p) === 'in' ? '403' : '404'), letIn: ['zfj.head'],
  }],
  'POST /cases/:id/materials/:name': [{ request: async (f) => ({ path: `/cases/${f.township}/materials/${encodeURIComponent('出生医学证明')}`, bytes: PDF, contentType: 'application/pdf' }), access: sees(TOWNSHIP), letIn: ['ob.clerk.a', 'ob.clerk.b'] }],
  'GET /track/:caseNo': [{ request: async (f) => ({ path: `/track/${f.township}?code=${await trackingCodeOf(f.server, f.township)}` }) }],
  'GET /cases/:id/diagram': [{ request: async (f) => ({ path: `/cases/${f.township}/diagram` }), access: sees(TOWNSHIP), letIn: SEE_TOWNSHIP }],
  'GET /intake-drafts': [{ request: async () => ({ path: '/intake-drafts' }) }],
  'PUT /intake-drafts/:id': [{ request: async () => ({ path: `/intake-drafts/probe-${++drafts}`, body: DRAFT }) }],
  'DELETE /intake-drafts/:id': [{
    // Each clerk deletes a draft of their own (made first); a draft is never anyone else's to delete (tests/api/intake-drafts.test.ts).
    request: async (f, who) => {
      const id = `probe-${++drafts}`;
      if (who?.roles.includes('clerk')) await f.server.call('PUT', `/intake-drafts/${id}`, { token: f.token(who.username), body: DRAFT });
      return { path: `/intake-drafts/${id}` };
    },
  }],
  'GET /cases/:id/notices/:noticeId': [{ request: async (f) => ({ path: `/cases/${f.issued.caseId}/notices/${f.issued.noticeId}` }), access: sees(TOWNSHIP), letIn: SEE_TOWNSHIP }],
  'GET /cases/:id/materials/:name': [{ request: async (f) => ({ path: `/cases/${f.township}/materials/${encodeURIComponent('出生医学证明')}` }), access: sees(TOWNSHIP), letIn: SEE_TOWNSHIP }],
  ...processProbes,
};

/** The shared targets: open township and village cases, an issued township case with its notice, a scan to read. */
export async function fixtures(server: TestServer, token: (username: string) => string): Promise<Fixtures> {
  const township = await receive(server, token('ob.clerk.a'), BIRTH);
  const village = await receive(server, token('ma.clerk'), RESIDENCE);
  const issuedId = await receive(server, token('ob.clerk.a'), BIRTH);
  await complete(server, token('ob.clerk.a'), issuedId, 'accept', { accepted: true, missingMaterials: [] });
  await complete(server, token('ob.clerk.a'), issuedId, 'decide', { approved: true });
  const notices = (await server.call('GET', `/cases/${issuedId}`, { token: token('ob.clerk.a') })).body.notices;
  await server.call('POST', `/cases/${township}/materials/${encodeURIComponent('出生医学证明')}`, { token: token('ob.clerk.a'), bytes: PDF, contentType: 'application/pdf' });
  return { server, token, township, village, issued: { caseId: issuedId, noticeId: notices[0].id } };
}
