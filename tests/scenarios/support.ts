/**
 * Given/When/Then helpers for the handling-mode scenarios: a real engine on the memory store,
 * a virtual clock in China time, the platform's China calendar, every file of processes/ deployed,
 * and a stand-in for the case server's job handlers that records each call.
 */
import { afterEach } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  createEngine, MemoryStore, VirtualClock,
} from '../../engine/index.js';
import { endOfLocalDay, localDate } from '../../engine/calendar/index.js';
import { periodEnd } from '../../api/time-limits/counting.js';
import type { Engine, InstanceView, Job, JobHandler, OpenTask, WorkingCalendar } from '../../engine/index.js';
import { caseMessages, jobTypes, processFileUrl, processFiles } from '../../processes/index.js';
import { chinaCalendar } from '../../api/calendar/china-calendar.js';
import { CHINA } from '../engine/support/china-time.js';
import type { Knex } from 'knex';
import { KnexStore } from '../../engine/store/knex/store.js';
import { openPlatform } from '../../api/platform.js';
import { seedDemoCounty } from '../../api/seed/demo-county.js';
import { findStaff } from '../../api/org/staff.js';
import type { Staff } from '../../api/auth/types.js';
import { caseJobHandlers } from '../../api/cases/jobs.js';
import { timeContextOf } from '../../api/time-limits/timed-update.js';
import { intake } from '../../api/cases/intake.js';
import { findCase } from '../../api/cases/repository.js';
import type { CaseRecord } from '../../api/cases/types.js';
import { decisionOf, requestExtension } from '../../api/cases/extensions.js';
import { saveItems } from '../../api/catalog/catalog.js';
import { items } from '../../processes/catalog/items.js';
import type { ServiceItem } from '../../processes/catalog/types.js';

/** An instant given as China wall-clock time, e.g. `chinaTime('2026-02-10 10:00')`. */
export const chinaTime = (text: string): number => Date.parse(`${text.replace(' ', 'T')}:00+08:00`);

/** The China calendar date of an instant, e.g. `2026-03-16`. */
export const chinaDate = (instant: number): string => new Date(instant).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

export interface JobCall {
  type: string;
  elementId: string;
  instanceId: string;
  at: number;
  variables: Record<string, unknown>;
}

export interface Given {
  engine: Engine;
  clock: VirtualClock;
  calendar: WorkingCalendar;
  jobs: JobCall[];
  jobsOf(type: string): JobCall[];
  start(processId: string, variables: Record<string, unknown>): Promise<InstanceView>;
  /** The one open task at an element (of an instance, when given); fails when there is not exactly one. */
  task(elementId: string, instanceId?: string): Promise<OpenTask>;
  /** Completes the one open task at an element and waits for the work it sets off. */
  complete(elementId: string, variables?: Record<string, unknown>, instanceId?: string): Promise<void>;
  /** Moves the clock to a China wall-clock time, firing the timers on the way. */
  advanceTo(text: string): Promise<void>;
  active(instanceId: string): Promise<string[]>;
  instance(instanceId: string): Promise<InstanceView>;
}

const open: Engine[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((engine) => engine.close()));
});

/** Every process file of processes/, deployed on a fresh engine whose clock reads `at`. */
export async function givenTheProcesses(at: string, handlers: Record<string, JobHandler> = {}): Promise<Given> {
  const clock = new VirtualClock(chinaTime(at));
  const calendar = chinaCalendar();
  let n = 0;
  const engine = createEngine({ store: new MemoryStore(), clock, calendar, newId: () => `i${++n}` });
  open.push(engine);
  const jobs: JobCall[] = [];
  const all = { ...caseServer(clock, calendar), ...handlers };
  for (const type of Object.keys(jobTypes)) {
    const handler = all[type]!;
    engine.registerJobHandler(type, (job: Job) => {
      jobs.push({ type, elementId: job.elementId, instanceId: job.instanceId, at: clock.now(), variables: job.variables });
      return handler(job);
    });
  }
  for (const { file } of processFiles) await engine.deploy(readFileSync(fileURLToPath(processFileUrl(file)), 'utf8'), { name: file });
  return scenario(engine, clock, calendar, jobs);
}

function scenario(engine: Engine, clock: VirtualClock, calendar: WorkingCalendar, jobs: JobCall[]): Given {
  const task = async (elementId: string, instanceId?: string) => {
    const found = await engine.tasks({ elementId, ...(instanceId ? { instanceId } : {}) });
    if (found.length !== 1) throw new Error(`expected one open task at ${elementId}, found ${found.length}`);
    return found[0]!;
  };
  const instance = async (id: string) => {
    const view = await engine.instance(id);
    if (!view) throw new Error(`no instance ${id}`);
    return view;
  };
  return {
    engine, clock, calendar, jobs, task, instance,
    jobsOf: (type) => jobs.filter((j) => j.type === type),
    start: async (processId, variables) => {
      const view = await engine.start(processId, variables);
      await engine.idle();
      return view;
    },
    complete: async (elementId, variables = {}, instanceId) => {
      await engine.completeTask((await task(elementId, instanceId)).id, variables);
      await engine.idle();
    },
    advanceTo: async (text) => {
      await engine.advanceTime(chinaTime(text) - clock.now());
      await engine.idle();
    },
    active: async (id) => (await instance(id)).active.map((a) => a.elementId).sort(),
  };
}

/**
 * What the case server's handlers return, reduced to what the processes read: the promised
 * date of the acceptance notice, the end of the 补正 period, result numbers, and a watch that
 * has no card to wait for (tests of the watch give their own time-limits handler).
 */
function caseServer(clock: VirtualClock, calendar: WorkingCalendar): Record<string, JobHandler> {
  const nothing: JobHandler = () => ({});
  const endOfWorkingDays = (days: number) => endOfLocalDay(CHINA, periodEnd(calendar, localDate(CHINA, clock.now()), { days, unit: 'working-days' })!);
  return {
    'acceptance-notice': ({ variables }) => ({ promisedDate: chinaDate(endOfWorkingDays(Number(variables.promisedDays))) }),
    'one-time-notice': ({ variables }) => ({ correctionDueAt: new Date(endOfWorkingDays(Number(variables.correctionDays ?? 20)) + 1).toISOString() }),
    'issue-result': ({ variables }) => ({ resultNo: `R-${String(variables.caseNo)}` }),
    'digitize-materials': ({ variables }) => ({ archiveId: `A-${String(variables.caseNo)}` }),
    'extend-time-limit': nothing,
    'refusal-notice': nothing,
    'rejection-filing': nothing,
    'rectification-order': nothing,
    'time-limits': () => ({ watching: true, armed: [] }),
    'raise-card': nothing,
  };
}

/** The variables a case of a sample item starts with. */
export function caseOf(caseNo: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { caseId: `case-${caseNo}`, caseNo, applicant: '王芳', ...extra };
}

/** The scenario's platform: its database, the demo county's receiving clerk, and the cases taken in. */
export interface GivenPlatform extends Omit<Given, 'start'> {
  db: Knex;
  /** The clerk at the window of 瓯北街道 who takes every case in (综合窗口 A岗 of the demo county). */
  clerk: Staff;
  /**
   * Takes a case of a catalog item in at the window as the platform does (intake): the case is
   * written and its process and watch start; returns the case and its process instance's id.
   */
  receive(item: ServiceItem, options?: { provided?: string[] }): Promise<{ id: string; record: CaseRecord }>;
  /** The case as the platform has it now. */
  caseOf(caseId: string): Promise<CaseRecord>;
  /** An instance without a case (the watch's own tests, whose case server answers are scripted). */
  startBare(processId: string, variables: Record<string, unknown>): Promise<InstanceView>;
}

const platforms: Engine[] = [];
afterEach(async () => {
  await Promise.all(platforms.splice(0).map((engine) => engine.close()));
});

/**
 * The case server as it runs (openPlatform on SQLite in memory, the demo county seeded, every
 * process of processes/ deployed) with a virtual clock reading `at` in China time: its real job
 * handlers (caseJobHandlers, the watch's included) answer the processes, each call recorded on
 * the way. `handlers` replaces one on purpose (the watch's tests script the time-limits answers).
 */
export async function givenThePlatform(at: string, handlers: Record<string, JobHandler> = {}): Promise<GivenPlatform> {
  const clock = new VirtualClock(chinaTime(at));
  const { db, engine, calendar } = await openPlatform({ store: new KnexStore({}), clock });
  platforms.push(engine);
  await seedDemoCounty(db);
  const clerk = await findStaff(db, 's-ob-clerk-a');
  if (!clerk) throw new Error('the demo county has no clerk s-ob-clerk-a');
  const jobs: JobCall[] = [];
  // The same handlers attachCaseWork registered, made again only to be wrapped: each call is recorded, then runs for real.
  const all = { ...caseJobHandlers({ ...timeContextOf(db, engine), clock: engine.clock }), ...handlers };
  for (const [type, handler] of Object.entries(all)) {
    engine.registerJobHandler(type, (job: Job) => {
      jobs.push({ type, elementId: job.elementId, instanceId: job.instanceId, at: clock.now(), variables: job.variables });
      return handler(job);
    });
  }
  const { start: _start, ...given } = scenario(engine, clock, calendar, jobs);
  const caseOf = async (caseId: string) => {
    const record = await findCase(db, caseId);
    if (!record) throw new Error(`no case ${caseId}`);
    return record;
  };
  return {
    ...given, db, clerk, caseOf,
    receive: async (item, options = {}) => {
      const provided = options.provided ?? item.materials.filter((m) => m.required).map((m) => m.name);
      const record = await intake(db, engine, clerk, { itemCode: item.code, applicant: APPLICANT, provided });
      await engine.idle();
      return { id: record.instanceId!, record };
    },
    startBare: async (processId, variables) => {
      const view = await engine.start(processId, variables);
      await engine.idle();
      return view;
    },
  };
}

/** The applicant of every scenario's case. */
export const APPLICANT = { kind: 'person' as const, name: '王芳', idNumber: '11010519491231002X', phone: '13800001234' };

/** A sample catalog item by name. */
export const itemNamed = (name: string): ServiceItem => {
  const item = items.find((i) => i.name === name);
  if (!item) throw new Error(`no item ${name} in the sample catalog`);
  return item;
};

/** A variant of a catalog item saved to the platform's catalog (as an administrator would), for a time limit the sample lacks. */
export async function withItem(given: GivenPlatform, item: ServiceItem): Promise<ServiceItem> {
  await saveItems(given.db, [item]);
  return item;
}

/**
 * The window's extension request (延期) as the platform makes it (requestExtension: stored, then
 * sent to the case's process), and the work it sets off; returns the request's id.
 */
export async function requestExtensionOf(given: GivenPlatform, caseId: string, days: number, reason: string): Promise<string> {
  const extension = await requestExtension(given.db, given.engine, given.clerk, await given.caseOf(caseId), days, reason, given.clock.now());
  await given.engine.idle();
  return extension.id;
}

/** The head's answer on the extension approval, with who gave it and when, as the platform completes the task (decisionOf). */
export async function decideExtension(given: GivenPlatform, caseId: string, headId: string, answer: Record<string, unknown>): Promise<void> {
  const head = await findStaff(given.db, headId);
  if (!head) throw new Error(`the demo county has no ${headId}`);
  const record = await given.caseOf(caseId);
  const task = await given.task('decide_extension', record.instanceId);
  await given.engine.completeTask(task.id, await decisionOf(given.db, given.engine, head, record, answer, given.clock.now()));
  await given.engine.idle();
}

/** The window's extension request (延期) as the case server sends it to the case's instance, and the work it sets off. */
export async function askForExtension(given: Given, caseId: string, request: { extensionId: string; extensionDays: number; extensionReason: string }): Promise<void> {
  await given.engine.correlateMessage(caseMessages.extensionRequested, caseId, request);
  await given.engine.idle();
}
