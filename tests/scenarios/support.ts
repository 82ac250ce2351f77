/**
 * Given/When/Then helpers for the handling-mode scenarios: the case server as it runs
 * (openPlatform on SQLite in memory, the demo county seeded, every file of processes/ deployed,
 * the platform's China calendar) with a virtual clock in China time. Cases are taken in at the
 * window by intake, and the platform's own job handlers (api/cases/jobs.ts, the watch's
 * included) answer the processes; each call is recorded on the way for the assertions.
 */
import { afterEach, expect } from '@jest/globals';
import type { Knex } from 'knex';
import { VirtualClock } from '../../engine/index.js';
import type { Engine, InstanceView, Job, JobHandler, OpenTask } from '../../engine/index.js';
import { KnexStore } from '../../engine/store/knex/store.js';
import type { ServiceItem } from '../../processes/catalog/types.js';
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
import { applicant, itemNamed, required } from '../api/cases.js';

/** The sample catalog's items by name, as the API scenarios find them. */
export { itemNamed };

/** An instant given as China wall-clock time, e.g. `chinaTime('2026-02-10 10:00')`. */
export const chinaTime = (text: string): number => Date.parse(`${text.replace(' ', 'T')}:00+08:00`);

/** The China calendar date of an instant, e.g. `2026-03-16`. */
export const chinaDate = (instant: number): string => new Date(instant).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

/** The demo county's clerk at the window of 瓯北街道 (综合窗口 A岗), who takes every case in. */
const CLERK = 's-ob-clerk-a';

export interface JobCall {
  type: string;
  elementId: string;
  instanceId: string;
  at: number;
  variables: Record<string, unknown>;
}

export interface Given {
  engine: Engine;
  db: Knex;
  clock: VirtualClock;
  clerk: Staff;
  jobs: JobCall[];
  jobsOf(type: string): JobCall[];
  /**
   * Takes a case of a catalog item in at the window as the platform does (intake): the case is
   * written, its process and watch start; `provided` defaults to every required material.
   * Returns the case and its process instance's id.
   */
  receive(item: ServiceItem, options?: { provided?: string[] }): Promise<{ id: string; record: CaseRecord }>;
  /** The case as the platform has it now. */
  caseOf(caseId: string): Promise<CaseRecord>;
  /** An instance without a case (the watch's own tests, whose case server answers are scripted). */
  startBare(processId: string, variables: Record<string, unknown>): Promise<InstanceView>;
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
/** Every job a handler refused in this test: a job that fails is retried later, and would otherwise only wait, unseen. */
const failures: string[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((engine) => engine.close()));
  expect(failures.splice(0)).toEqual([]);
});

/**
 * The case server on a fresh in-memory database whose clock reads `at` (China time). `handlers`
 * replaces a real handler on purpose (the watch's tests script the time-limits answers).
 */
export async function givenThePlatform(at: string, handlers: Record<string, JobHandler> = {}): Promise<Given> {
  const clock = new VirtualClock(chinaTime(at));
  const { db, engine } = await openPlatform({ store: new KnexStore({}), clock });
  open.push(engine);
  await seedDemoCounty(db);
  const clerk = await findStaff(db, CLERK);
  if (!clerk) throw new Error(`the demo county has no ${CLERK}`);
  const jobs: JobCall[] = [];
  // The handlers openPlatform registered (attachCaseWork), made the same way again only to be wrapped: each call is recorded, then runs for real.
  const real = caseJobHandlers({ ...timeContextOf(db, engine), clock: engine.clock });
  for (const [type, handler] of Object.entries({ ...real, ...handlers })) {
    engine.registerJobHandler(type, async (job: Job) => {
      jobs.push({ type, elementId: job.elementId, instanceId: job.instanceId, at: clock.now(), variables: job.variables });
      try {
        return await handler(job);
      } catch (err) {
        failures.push(`${type} at ${job.elementId}: ${err instanceof Error ? err.message : String(err)}`);
        throw err;
      }
    });
  }
  return scenario(engine, db, clock, clerk, jobs);
}

function scenario(engine: Engine, db: Knex, clock: VirtualClock, clerk: Staff, jobs: JobCall[]): Given {
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
    engine, db, clock, clerk, jobs, task, instance,
    jobsOf: (type) => jobs.filter((j) => j.type === type),
    receive: async (item, options = {}) => {
      const record = await intake(db, engine, clerk, { itemCode: item.code, applicant: { ...applicant, kind: 'person' }, provided: options.provided ?? required(item) });
      await engine.idle();
      return { id: record.instanceId!, record };
    },
    caseOf: async (caseId) => {
      const record = await findCase(db, caseId);
      if (!record) throw new Error(`no case ${caseId}`);
      return record;
    },
    startBare: async (processId, variables) => {
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

/** A variant of a catalog item saved to the platform's catalog (as an administrator would), for a time limit the sample lacks. */
export async function withItem(given: Given, item: ServiceItem): Promise<ServiceItem> {
  await saveItems(given.db, [item]);
  return item;
}

/**
 * The window's extension request (延期) as the platform makes it (requestExtension: stored,
 * then sent to the case's process), and the work it sets off; returns the request's id.
 */
export async function requestExtensionOf(given: Given, caseId: string, days: number, reason: string): Promise<string> {
  const extension = await requestExtension(given.db, given.engine, given.clerk, await given.caseOf(caseId), days, reason, given.clock.now());
  await given.engine.idle();
  return extension.id;
}

/** The deciding authority's head answers the extension approval, as the platform completes the task (decisionOf: who and when with the answer). */
export async function decideExtension(given: Given, caseId: string, headId: string, answer: Record<string, unknown>): Promise<void> {
  const head = await findStaff(given.db, headId);
  if (!head) throw new Error(`the demo county has no ${headId}`);
  const record = await given.caseOf(caseId);
  const task = await given.task('decide_extension', record.instanceId);
  await given.engine.completeTask(task.id, await decisionOf(given.db, given.engine, head, record, answer, given.clock.now()));
  await given.engine.idle();
}
