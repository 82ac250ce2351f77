/**
 * Given/When/Then helpers for the handling-mode scenarios: a real engine on the memory store,
 * a virtual clock in China time, the chinese-days calendar, every file of processes/ deployed,
 * and a stand-in for the case server's job handlers that records each call.
 */
import { afterEach } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  chineseDaysCalendar, createEngine, deadlineAfterReceipt, MemoryStore, VirtualClock, workingDaysBetween,
} from '../../engine/index.js';
import type { Engine, InstanceView, Job, JobHandler, OpenTask, WorkingCalendar } from '../../engine/index.js';
import { caseMessages, jobTypes, processFileUrl, processFiles } from '../../processes/index.js';

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
  const calendar = chineseDaysCalendar();
  let n = 0;
  const engine = createEngine({ store: new MemoryStore(), clock, calendar, newId: () => `i${++n}` });
  open.push(engine);
  const jobs: JobCall[] = [];
  const all = { ...caseServer(engine, clock, calendar), ...handlers };
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
 * date of the acceptance notice, the working days left after a special procedure or an extension, result numbers.
 */
function caseServer(engine: Engine, clock: VirtualClock, calendar: WorkingCalendar): Record<string, JobHandler> {
  const nothing: JobHandler = () => ({});
  return {
    'acceptance-notice': ({ variables }) => ({ promisedDate: chinaDate(deadlineAfterReceipt(calendar, clock.now(), Number(variables.promisedDays))) }),
    'issue-result': ({ variables }) => ({ resultNo: `R-${String(variables.caseNo)}` }),
    'digitize-materials': ({ variables }) => ({ archiveId: `A-${String(variables.caseNo)}` }),
    'resume-clock': async ({ instanceId, variables }) => {
      // The clock ran from the last entry into the timed part to its last exit.
      const timed = (await engine.history(instanceId)).filter((e) => 'el' in e && e.el === 'handle');
      const ranFrom = timed.filter((e) => e.t === 'activated').at(-1)!.at;
      const stoppedAt = timed.filter((e) => e.t === 'completed').at(-1)!.at;
      return { daysLeft: Math.max(Number(variables.daysLeft) - workingDaysBetween(calendar, ranFrom, stoppedAt), 0) };
    },
    'extend-time-limit': ({ variables }) => {
      // The promised date moves by the extension's working days; the watch counts again to it.
      const due = deadlineAfterReceipt(calendar, chinaTime(`${String(variables.promisedDate)} 12:00`), Number(variables.extensionDays));
      return { promisedDate: chinaDate(due), daysLeft: workingDaysBetween(calendar, clock.now(), due) };
    },
    'one-time-notice': nothing,
    'refusal-notice': nothing,
    'rejection-filing': nothing,
    'rectification-order': nothing,
    'yellow-card': nothing,
    'red-card': nothing,
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

/** The China dates the yellow and red cards were raised on. */
export function cardDates(given: Given): { yellow: string[]; red: string[] } {
  return { yellow: given.jobsOf('yellow-card').map((j) => chinaDate(j.at)), red: given.jobsOf('red-card').map((j) => chinaDate(j.at)) };
}
