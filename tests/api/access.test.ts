import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import { apiRoutes, rawRoutes } from '../../api/server.js';
import { demoStaff } from '../../api/seed/demo-county.js';
import type { Fixtures, Person, Probe, Verdict } from './access-probes.js';
import { fixtures, probes } from './access-probes.js';

const people: Array<Person | undefined> = [undefined, ...demoStaff.map((s) => ({ username: s.username, roles: s.roles, unit: s.orgUnitId }))];
const nameOf = (p: Person | undefined) => p?.username ?? 'anonymous';
type Declared = { method: string; path: string; roles: readonly string[] | 'public' | 'any' };

/** What the route's declared roles and the probe's rule say a person should get. */
function expected(route: Declared, probe: Probe, who: Person | undefined): Verdict {
  if (route.roles === 'public') return 'in';
  if (!who) return '401';
  if (route.roles !== 'any' && !who.roles.some((r) => (route.roles as readonly string[]).includes(r))) return '403';
  return probe.access?.(who) ?? 'in';
}

/** What a person got: refused as such, or let in (a 2xx, or a domain answer such as 409 about the target itself). */
function verdict(status: number, code: string | undefined): Verdict {
  if (status === 401 || status === 403) return String(status) as Verdict;
  if (status === 404 && ['NOT_FOUND', 'TASK_NOT_FOUND'].includes(code ?? '')) return '404';
  return 'in';
}

async function run(f: Fixtures, route: Declared, probe: Probe, who: Person | undefined): Promise<Verdict> {
  const { path, token, ...options } = await probe.request(f, who);
  const res = await f.server.call(route.method.toUpperCase(), path, { ...options, token: token ?? (who ? f.token(who.username) : undefined) });
  return verdict(res.status, typeof res.body === 'object' ? res.body?.error?.code : undefined);
}

describe('who is let in: every route with every demo role from the county, a township and a village', () => {
  test('each route answers each person as its declared roles and the org-unit rules say, and the sensitive ones exactly as written', async () => {
    const server = await startServer();
    const tokens = new Map<string, string>();
    for (const p of people) if (p) tokens.set(p.username, await server.login(p.username));
    const f = await fixtures(server, (username) => tokens.get(username)!);
    const parts = { db: server.store.knex, engine: server.engine };
    const declared: Declared[] = [...apiRoutes(parts), ...rawRoutes(parts), { method: 'get', path: '/openapi.json', roles: 'public' }];

    expect(declared.map((r) => `${r.method.toUpperCase()} ${r.path}`).filter((key) => !(key in probes))).toEqual([]);
    const actual: Record<string, Record<string, Verdict>> = {};
    const wanted: Record<string, Record<string, Verdict>> = {};
    for (const route of declared) {
      const key = `${route.method.toUpperCase()} ${route.path}`;
      for (const probe of probes[key]!) {
        const row = probe.label ? `${key} (${probe.label})` : key;
        actual[row] = {};
        wanted[row] = {};
        for (const who of people) {
          wanted[row][nameOf(who)] = expected(route, probe, who);
          actual[row][nameOf(who)] = await run(f, route, probe, who);
        }
        if (probe.letIn) expect([row, Object.keys(wanted[row]).filter((n) => wanted[row]![n] === 'in')]).toEqual([row, probe.letIn]);
      }
    }
    expect(actual).toEqual(wanted);
  }, 180_000);

  test('auditors read everything in the county but every write is refused; one village never sees another\'s cases', async () => {
    const server = await startServer();
    const tokens = new Map<string, string>();
    for (const p of people) if (p) tokens.set(p.username, await server.login(p.username));
    const f = await fixtures(server, (username) => tokens.get(username)!);
    const parts = { db: server.store.knex, engine: server.engine };
    const auditor = people.find((p) => p?.username === 'auditor')!;
    for (const route of apiRoutes(parts).filter((r) => r.method !== 'get' && !r.path.startsWith('/auth/'))) {
      for (const probe of probes[`${route.method.toUpperCase()} ${route.path}`]!) expect([route.path, await run(f, route, probe, auditor)]).toEqual([route.path, '403']);
    }
    const auditorSees = (await server.call('GET', '/cases', { token: tokens.get('auditor') })).body.map((c: { id: string }) => c.id);
    expect(auditorSees).toEqual(expect.arrayContaining([f.township, f.village, f.issued.caseId]));

    const otherVillage = tokens.get('dl.clerk');
    expect((await server.call('GET', '/cases', { token: otherVillage })).body).toEqual([]);
    expect((await server.call('GET', `/cases/${f.village}`, { token: otherVillage })).status).toBe(404);
    expect((await server.call('GET', '/tasks', { token: otherVillage })).body).toEqual([]);
    const ownVillage = (await server.call('GET', '/cases', { token: tokens.get('ma.clerk') })).body;
    expect(ownVillage.map((c: { id: string; orgUnitId: string }) => [c.id, c.orgUnitId])).toEqual([[f.village, '330324-ob-ma']]);
    expect((await server.call('GET', '/tasks', { token: tokens.get('ma.clerk') })).body.map((t: { caseId: string }) => t.caseId)).toEqual([f.village]);
  }, 120_000);
});
