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

/** The window's extension request (延期) as the case server sends it to the case's instance, and the work it sets off. */
export async function askForExtension(given: Given, caseId: string, request: { extensionId: string; extensionDays: number; extensionReason: string }): Promise<void> {
  await given.engine.correlateMessage(caseMessages.extensionRequested, caseId, request);
  await given.engine.idle();
}
