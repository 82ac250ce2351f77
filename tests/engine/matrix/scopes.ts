/**
 * The scopes of the event matrix and what the matrix tests share: a region of flow (always
 * starting at a none start event `s`) is put in each scope as the process `p` runs it, and
 * an instance is run and closed whatever happens. README: "The event matrix".
 */
import { expect } from '@jest/globals';
import { createEngine, VirtualClock } from '../../../engine/index.js';
import type { Engine } from '../../../engine/index.js';
import { definitions, end, process, seq, start } from '../support/bpmn.js';
import { MONDAY_9AM, testStore } from '../support/harness.js';
import { escalation, escalationDef, multiInstance, node, startWith, throwEvent, XSI } from '../core/elements.js';

export type Scope = 'top level' | 'embedded sub-process' | 'event sub-process' | 'called process' | 'transaction'
  | 'multi-instance body' | 'ad hoc sub-process, sequential' | 'ad hoc sub-process, parallel';

export const SCOPES: Scope[] = ['top level', 'embedded sub-process', 'event sub-process', 'called process', 'transaction',
  'multi-instance body', 'ad hoc sub-process, sequential', 'ad hoc sub-process, parallel'];


/** The escalation the process throws to start the event sub-process the region stands in. */
const enter = escalation('Enter', 'ENTER');

/**
 * An ad hoc sub-process holds no start or end events (EXT.062): it starts its activities that
 * have no incoming flow. The region's none start event `s` becomes such an activity (a task that
 * passes straight on) and its none end events `e` and `e2` tasks that end their path; the event
 * under test, and what nested scopes hold, stay as written.
 */
export function adHoc(region: string): string {
  return region
    .replace(start('s'), node('task', 's'))
    .replace(/<bpmn:endEvent id="(e|e2)"><\/bpmn:endEvent>/g, (_, id: string) => node('task', id));
}

/** Around the scope element `region`: what stands beside it (a boundary event on it), and what follows it before the process ends. */
export interface Surroundings {
  roots?: string;
  beside?: string;
  after?: { elements: string; ids: string[] };
}

/**
 * The region standing in `scope` of process `p` (the called process is `child`), with the root
 * elements `roots` the definitions name.
 */
export function inScope(scope: Scope, region: string, { roots = '', beside = '', after }: Surroundings = {}): string {
  const around = (inner: string) =>
    process('p', start('ps'), inner, after?.elements ?? '', end('pe'), seq('ps', 'region', ...(after?.ids ?? []), 'pe'), beside);
  const document = (...processes: string[]) => definitions(`${processes.join('\n')}\n${roots}\n${enter}`, XSI);
  switch (scope) {
    case 'top level':
      return document(process('p', region, beside));
    case 'embedded sub-process':
      return document(around(node('subProcess', 'region', '', region)));
    case 'event sub-process': {
      const started = region.replace(start('s'), startWith('s', escalationDef('Enter'), false));
      return document(process('p', start('ps'), throwEvent('raise', escalationDef('Enter')), end('pe'), seq('ps', 'raise', 'pe'), beside,
        node('subProcess', 'region', 'triggeredByEvent="true"', started)));
    }
    case 'called process':
      return document(around(node('callActivity', 'region', '', '<bpmn:extensionElements><zeebe:calledElement processId="child"/></bpmn:extensionElements>')),
        process('child', region));
    case 'transaction':
      return document(around(node('transaction', 'region', '', region)));
    case 'multi-instance body':
      return document(around(node('subProcess', 'region', '', `${multiInstance({ collection: '=[1]', element: 'x' })}\n${region}`)));
    case 'ad hoc sub-process, sequential':
      return document(around(node('adHocSubProcess', 'region', 'ordering="Sequential"', adHoc(region))));
    case 'ad hoc sub-process, parallel':
      return document(around(node('adHocSubProcess', 'region', 'ordering="Parallel"', adHoc(region))));
  }
}

/** An engine on the suite's store (the matrix runs on memory, SQLite and PostgreSQL), Monday 2 March 2026, 09:00 in Shanghai. */
export const newEngine = () => createEngine({ clock: new VirtualClock(MONDAY_9AM), store: testStore() });

/** Deploys the model, starts `p` with `variables` and hands the running instance to `check`; the engine is closed whatever happens. */
export async function run(xml: string, check: (started: { engine: Engine; id: string }) => Promise<void>, variables: Record<string, unknown> = {}): Promise<void> {
  const engine = newEngine();
  try {
    await engine.deploy(xml);
    const instance = await engine.start('p', variables);
    await engine.idle();
    await check({ engine, id: instance.id });
  } finally {
    await engine.close();
  }
}

/** Completes the one open task at `elementId` and lets the engine settle. */
export async function complete(engine: Engine, elementId: string): Promise<void> {
  const [task] = await engine.tasks({ elementId });
  if (!task) throw new Error(`no open task at ${elementId}`);
  await engine.completeTask(task.id, {});
  await engine.idle();
}

/** Completes open tasks until none is left (a sequential ad hoc sub-process opens its next one meanwhile). */
export async function completeAll(engine: Engine): Promise<void> {
  for (let tasks = await engine.tasks(); tasks.length > 0; tasks = await engine.tasks()) {
    for (const task of tasks) await engine.completeTask(task.id, {});
    await engine.idle();
  }
}

/** The element ids of the open tasks, sorted. */
export const open = async (engine: Engine) => (await engine.tasks()).map((t) => t.elementId).sort();
export const openAt = async (engine: Engine, elementId: string) => (await engine.tasks({ elementId })).length;
export const status = async (engine: Engine, id: string) => (await engine.instance(id))!.status;

/** Deploying the model is refused, naming `elementId`, the rule and the reason. */
export async function expectRefused(xml: string, elementId: string, rule: string, reason: string | RegExp): Promise<void> {
  const engine = newEngine();
  try {
    await expect(engine.deploy(xml)).rejects.toThrow(expect.objectContaining({
      code: 'MODEL_INVALID',
      problems: expect.arrayContaining([expect.objectContaining({ elementId, rule, message: expect.stringMatching(reason) })]),
    }));
  } finally {
    await engine.close();
  }
}
