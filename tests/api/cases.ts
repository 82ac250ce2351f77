/**
 * Given/When/Then helpers for the case scenarios through HTTP: applicants, intake with the
 * required materials, the one open step of a case in someone's inbox, completing it.
 */
import { expect } from '@jest/globals';
import type { ServiceItem } from '../../processes/catalog/types.js';
import { items } from '../../processes/catalog/items.js';
import { saveItems } from '../../api/catalog/catalog.js';
import type { TestServer } from './support.js';

/** What the steps below need of a server: calls to its API (an in-process test server, or one in server mode). */
type Caller = Pick<TestServer, 'call'>;

export const applicant = { kind: 'person', name: '王芳', idNumber: '11010519491231002X', phone: '13800001234' };

/** An instant given as China wall-clock time, e.g. `chinaTime('2026-02-10 10:00')`. */
export const chinaTime = (text: string): number => Date.parse(`${text.replace(' ', 'T')}:00+08:00`);

/** A China wall-clock time as the API writes it, e.g. `iso('2026-03-02 09:00')` is `2026-03-02T09:00:00+08:00`. */
export const iso = (text: string): string => `${text.replace(' ', 'T')}:00+08:00`;

/** The end of a China day as due dates are written: `endOfDay('2026-03-16')` is `2026-03-16T23:59:59+08:00`. */
export const endOfDay = (day: string): string => `${day}T23:59:59+08:00`;

/** How the API writes a time: ISO 8601 in China time, to the second (`2026-03-16T23:59:59+08:00`). */
export const ISO_SECONDS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/;

/** The China calendar date of a time as the API writes it, e.g. `2026-03-16`. */
export const chinaDate = (iso: string): string => {
  expect(iso).toMatch(ISO_SECONDS);
  return iso.slice(0, 10);
};

export const itemNamed = (name: string): ServiceItem => {
  const item = items.find((i) => i.name === name);
  if (!item) throw new Error(`no item ${name} in the sample catalog`);
  return item;
};

export const required = (item: ServiceItem): string[] => item.materials.filter((m) => m.required).map((m) => m.name);

/** Adds a variant of a catalog item (as an administrator would), for a time limit the sample catalog lacks. */
export async function withItem(server: TestServer, item: ServiceItem): Promise<ServiceItem> {
  await saveItems(server.store.knex, [item]);
  return item;
}

/** Receives a case at the window; `provided` defaults to every required material. */
export async function receive(server: Caller, token: string, item: ServiceItem, provided = required(item)): Promise<string> {
  const created = await server.call('POST', '/cases', { token, body: { itemCode: item.code, applicant, provided } });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

/** The one open step of a case at an element in this person's inbox. */
export async function stepOf(server: Caller, token: string, caseId: string, elementId: string) {
  const inbox = await server.call('GET', '/tasks', { token });
  if (inbox.status !== 200) throw new Error(`inbox: ${JSON.stringify(inbox.body)}`);
  const tasks = inbox.body as Array<{ id: string; caseId: string; elementId: string; dueAt?: string }>;
  const found = tasks.filter((t) => t.caseId === caseId && t.elementId === elementId);
  if (found.length !== 1) throw new Error(`expected one ${elementId} of ${caseId} in the inbox, found ${found.length}: ${JSON.stringify(tasks.map((t) => t.elementId))}`);
  return found[0]!;
}

/** Does the one open step of a case at an element, from this person's inbox; fails unless it is accepted. */
export async function complete(server: Caller, token: string, caseId: string, elementId: string, variables: Record<string, unknown> = {}) {
  const task = await stepOf(server, token, caseId, elementId);
  const done = await server.call('POST', `/tasks/${task.id}/complete`, { token, body: { variables } });
  if (done.status !== 200) throw new Error(`${elementId}: ${JSON.stringify(done.body)}`);
  return done.body;
}

/** Receives a case for an item with every required material and accepts it at once (受理); returns its id. */
export async function receiveAccepted(server: Caller, clerk: string, item: ServiceItem): Promise<string> {
  const caseId = await receive(server, clerk, item);
  await complete(server, clerk, caseId, 'accept', { accepted: true, missingMaterials: [] });
  return caseId;
}

export async function detail(server: Caller, token: string, caseId: string) {
  return (await server.call('GET', `/cases/${caseId}`, { token })).body as { case: any; log: any[]; notices: any[]; dateChanges: any[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * Waits until a case's details satisfy `ready` (a status, a notice, a log line), reading them
 * again every 50 ms for at most `timeoutMs`: a request answers with what its own work did, so
 * what other instances do after it (a worker's job, a child's follow-up) is waited for here.
 */
export async function waitForCase(server: Caller, token: string, caseId: string, ready: (shown: Awaited<ReturnType<typeof detail>>) => boolean, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const shown = await detail(server, token, caseId);
    if (ready(shown)) return shown;
    if (Date.now() > until) throw new Error(`case ${caseId} did not reach the awaited state in ${timeoutMs} ms: status ${shown.case?.status}, last log ${JSON.stringify(shown.log?.at(-1))}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The text of a stored notice of a kind, as printed. */
export async function noticeText(server: TestServer, token: string, caseId: string, kind: string): Promise<string> {
  const notice = (await detail(server, token, caseId)).notices.find((n: { kind: string }) => n.kind === kind);
  if (!notice) throw new Error(`no ${kind} notice for ${caseId}`);
  const page = await fetch(`${server.url}/api/v1/cases/${caseId}/notices/${notice.id}`, { headers: { authorization: `Bearer ${token}` } });
  return page.text();
}

/** Moves the clock to a China wall-clock time, firing the timers on the way (sessions last a working day: log in again). */
export async function advanceTo(server: TestServer, text: string): Promise<void> {
  await server.engine.advanceTime(chinaTime(text) - server.clock.now());
  await server.engine.idle();
}

/** A look at the public tracking page with the case's own tracking code (as the applicant has it on the receipt), or `code`. */
export async function track(server: TestServer, caseNo: string, code?: string) {
  return server.call('GET', `/track/${caseNo}?code=${encodeURIComponent(code ?? await trackingCodeOf(server, caseNo))}`);
}

/** The tracking code stored with a case ('' for none). */
export async function trackingCodeOf(server: TestServer, caseNo: string): Promise<string> {
  return ((await server.store.knex('yc_cases').where({ id: caseNo }).first('tracking_code'))?.tracking_code as string | undefined) ?? '';
}
