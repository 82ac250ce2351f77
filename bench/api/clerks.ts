/**
 * The load: virtual clerks of one township taking in cases of the three main modes (direct,
 * promised, joint) and doing every step of each to the end, each step by the person its
 * group names (the reviewer, the director, each department's reviewer), while others list
 * their inbox. Each route's latency is kept; any answer other than the expected one is an error.
 */
import { items } from '../../processes/catalog/items.js';
import { demoStaff, DEMO_PASSWORD } from '../../api/seed/demo-county.js';
import { Latencies } from './latency.js';

const CODES = { direct: '000172001001', promised: '000181001001', joint: '000179001001' } as const;
const CLOSED = ['completed', 'refused', 'withdrawn'];
const APPLICANT = { kind: 'person', name: '王芳', idNumber: '11010519491231002X', phone: '13800001234' };

/** Each form's answer that moves its case on to the end. */
const ANSWERS: Record<string, Record<string, unknown>> = {
  acceptance: { accepted: true, missingMaterials: [] },
  decision: { approved: true, opinion: '符合条件' },
  review: { opinion: '符合条件', specialProcedure: null },
  'joint-review': { approved: true },
};

interface Step { taskId: string; formKey?: string; candidateGroups?: string[] }
interface CaseAnswer { id: string; status: string; currentSteps: Step[] }

export interface LoadResult {
  seconds: number; casesDone: number; steps: number; routes: Map<string, Latencies>; errors: string[];
  /** What the server answered as done: the cases it took in (201) and the steps it completed (200). */
  acknowledged: { cases: string[]; completions: string[] };
  /** Requests that found no server (a process killed mid-run): not acknowledged, so not errors of the server. */
  unreachable: number;
}

async function login(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** The usernames that answer for each candidate group of the township's back office. */
function peopleOfGroups(): Map<string, string> {
  const map = new Map<string, string>([['reviewer', 'ob.reviewer'], ['director', 'ob.director']]);
  for (const s of demoStaff) if (s.department && s.orgUnitId === '330324-ob') map.set(`reviewer:${s.department}`, s.username);
  return map;
}

/** Runs the load for `seconds` with `clerks` virtual clerks spread over the api processes at `urls`; one in four lists the inbox instead. */
export async function runLoad(urls: readonly string[], clerkUsernames: readonly string[], clerks: number, seconds: number): Promise<LoadResult> {
  const routes = new Map<string, Latencies>();
  const errors: string[] = [];
  const result: LoadResult = { seconds, casesDone: 0, steps: 0, routes, errors, acknowledged: { cases: [], completions: [] }, unreachable: 0 };
  const groups = peopleOfGroups();
  const tokens = new Map<string, string>();
  for (const name of [...clerkUsernames, ...groups.values()]) tokens.set(name, await login(urls[0]!, name));
  const provided = (code: string) => items.find((i) => i.code === code)!.materials.filter((m) => m.required).map((m) => m.name);
  const end = Date.now() + seconds * 1000;

  const call = async (route: string, url: string, method: string, path: string, token: string, body?: unknown): Promise<unknown> => {
    const t0 = performance.now();
    const latencies = routes.get(route) ?? routes.set(route, new Latencies()).get(route)!;
    let res: Response;
    try {
      res = await fetch(`${url}/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    } catch (err) {
      // No answer at all (connection refused or reset): the request may or may not have been done, and was not acknowledged.
      result.unreachable++;
      throw err;
    }
    try {
      const text = await res.text();
      latencies.add(performance.now() - t0);
      if (res.status >= 400) throw new Error(`${route}: ${res.status} ${text.slice(0, 200)}`);
      return JSON.parse(text);
    } catch (err) {
      latencies.errors++;
      if (errors.length < 20) errors.push(String((err as Error).message ?? err));
      throw err;
    }
  };

  const clerk = async (k: number): Promise<void> => {
    const own = tokens.get(clerkUsernames[k % clerkUsernames.length]!)!;
    const modes = Object.keys(CODES) as Array<keyof typeof CODES>;
    for (let i = k; Date.now() < end; i++) {
      // A clerk whose server went away carries on at another one, as behind a load balancer.
      const url = urls[(k + i) % urls.length]!;
      try {
        if (k % 4 === 3) {
          await call('GET /inbox', url, 'GET', '/inbox', own);
          continue;
        }
        const code = CODES[modes[i % modes.length]!];
        let c = (await call('POST /cases', url, 'POST', '/cases', own, { itemCode: code, applicant: APPLICANT, provided: provided(code) })) as CaseAnswer;
        result.steps++;
        result.acknowledged.cases.push(c.id);
        for (;;) {
          // In server mode a step after a service task is opened by a worker, after the answer: look again until it is there or the case ended.
          for (let wait = 0; c.currentSteps.length === 0 && !CLOSED.includes(c.status) && wait < 50; wait++) {
            await new Promise((resolve) => setTimeout(resolve, 100));
            c = ((await call('GET /cases/:id', url, 'GET', `/cases/${c.id}`, own)) as { case: CaseAnswer }).case;
          }
          if (c.currentSteps.length === 0) break;
          const step = c.currentSteps[0]!;
          const group = step.candidateGroups?.[0] ?? 'clerk';
          const token = group === 'clerk' ? own : tokens.get(groups.get(group) ?? '');
          const answer = ANSWERS[step.formKey ?? ''];
          if (!token || !answer) throw new Error(`no one or no answer for ${group} ${step.formKey}`);
          c = (await call(step.formKey === 'acceptance' ? 'complete acceptance' : 'complete other steps', url, 'POST', `/tasks/${step.taskId}/complete`, token, { variables: answer })) as CaseAnswer;
          result.steps++;
          result.acknowledged.completions.push(step.taskId);
        }
        if (c.status === 'completed') result.casesDone++;
      } catch {
        // counted in its route's errors
      }
    }
  };
  await Promise.all(Array.from({ length: clerks }, (_, k) => clerk(k)));
  return result;
}
