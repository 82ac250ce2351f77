import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createEngine, EngineError, ModelError, VirtualClock } from '../../engine/index.js';
import type { Engine, InstanceView } from '../../engine/index.js';
import { bpmnFilesUnder } from './plain-folder.js';

/** How far one process of a third-party model got when run with nothing but empty answers. */
export type RunKind = 'ran to the end' | 'waited outside' | 'stuck' | 'crashed' | 'refused';

export interface ModelRun {
  file: string;
  /** The process started (empty for a file refused at deploy or holding no executable process). */
  processId: string;
  kind: RunKind;
  /** Why it stopped where it did: the refusal, what it waits for, the incident or the crash. */
  reason: string;
}

const DAY = 86_400_000;
/** Rounds of "complete what is open, then let time pass" before a model counts as waiting outside. */
const MAX_ROUNDS = 200;
/** Time a waiting model is given, a day at a time (timers of a year or two still fire). */
const MAX_DAYS = 800;

/**
 * Deploys every `.bpmn` under `dir` and runs each executable process once: started with no
 * variables; every user task and every job of a type the model names completed with an empty
 * result; time moved on a day at a time while only timers are left. Reads the disk.
 */
export async function runModels(dir: string): Promise<ModelRun[]> {
  const runs: ModelRun[] = [];
  for (const file of bpmnFilesUnder(dir)) runs.push(...(await runFile(readFileSync(path.join(dir, file), 'utf8'), file)));
  return runs;
}

/** Runs the processes of one model file, each on a fresh engine. */
export async function runFile(xml: string, file: string): Promise<ModelRun[]> {
  const probe = createEngine({ clock: new VirtualClock() });
  let processIds: string[];
  try {
    processIds = (await probe.deploy(xml, { name: file })).processes.map((p) => p.processId);
  } catch (err) {
    if (err instanceof ModelError) return [{ file, processId: '', kind: 'refused', reason: refusalOf(err) }];
    return [{ file, processId: '', kind: 'crashed', reason: crashOf(err) }];
  } finally {
    await probe.close();
  }
  if (processIds.length === 0) return [{ file, processId: '', kind: 'refused', reason: 'no executable process (isExecutable="true") in the file' }];
  const runs: ModelRun[] = [];
  for (const processId of processIds) runs.push({ file, processId, ...(await runProcess(xml, file, processId)) });
  return runs;
}

async function runProcess(xml: string, file: string, processId: string): Promise<Pick<ModelRun, 'kind' | 'reason'>> {
  const clock = new VirtualClock(Date.parse('2026-03-02T01:00:00Z'));
  const engine = createEngine({ clock });
  try {
    await engine.deploy(xml, { name: file });
    const started = await engine.start(processId).catch((err: unknown) => {
      if (err instanceof EngineError && err.code === 'NO_START_EVENT') return undefined;
      throw err;
    });
    if (!started) return { kind: 'waited outside', reason: 'NO_START_EVENT: starts only by a message, signal or timer' };
    return await drive(engine, clock, started.id, jobTypesOf(xml));
  } catch (err) {
    if (err instanceof EngineError) return { kind: 'stuck', reason: `${err.code}: ${err.message}` };
    return { kind: 'crashed', reason: crashOf(err) };
  } finally {
    await engine.close().catch(() => undefined);
  }
}

/** Answers whatever is open until the instance ends, raises an incident, or nothing more moves. */
async function drive(engine: Engine, clock: VirtualClock, instanceId: string, jobTypes: readonly string[]): Promise<Pick<ModelRun, 'kind' | 'reason'>> {
  let idleDays = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    await engine.idle();
    const instance = await engine.instance(instanceId);
    if (!instance) return { kind: 'crashed', reason: 'the instance disappeared' };
    if (instance.status !== 'active') return { kind: 'ran to the end', reason: instance.status };
    const incidents = await engine.incidents();
    if (incidents.length > 0) return { kind: 'stuck', reason: `incident at ${incidents[0]!.elementId}: ${incidents[0]!.code} ${incidents[0]!.message}` };
    if (await answerOpenWork(engine, jobTypes)) {
      idleDays = 0;
      continue;
    }
    if (idleDays >= MAX_DAYS) return { kind: 'waited outside', reason: waitingOn(instance) };
    const before = clock.now();
    await engine.advanceTime(Math.min(DAY * 30, DAY * (MAX_DAYS - idleDays)));
    idleDays += Math.round((clock.now() - before) / DAY);
  }
  const looping = [...new Set((await engine.instance(instanceId))?.active.map((a) => a.elementId) ?? [])];
  return { kind: 'stuck', reason: `still running at ${looping.join(', ') || 'nothing active'} after ${MAX_ROUNDS} rounds of answers (a loop without end?)` };
}

/** Completes every open user task and every activatable job of the model's types with an empty result. */
async function answerOpenWork(engine: Engine, jobTypes: readonly string[]): Promise<boolean> {
  let answered = 0;
  for (const task of await engine.tasks()) {
    await engine.completeTask(task.id, {});
    answered += 1;
  }
  for (const type of jobTypes) {
    for (const job of await engine.activateJobs(type, { max: 100, worker: 'model-runner' })) {
      await engine.completeJob(job.id, {});
      answered += 1;
    }
  }
  return answered > 0;
}

function waitingOn(instance: InstanceView): string {
  const elements = [...new Set(instance.active.map((a) => a.elementId))];
  return elements.length > 0 ? `waits at ${elements.join(', ')} (a message, signal, condition or a job of a computed type)` : 'waits with nothing active';
}

/** The job types a model names literally (`zeebe:taskDefinition type="…"`); a FEEL type (`=…`) is left to the outside. Pure. */
export function jobTypesOf(xml: string): string[] {
  const types = new Set<string>();
  for (const tag of xml.match(/<zeebe:taskDefinition\b[^>]*>/g) ?? []) {
    const type = /\stype="([^"]*)"/.exec(tag)?.[1];
    if (type && !type.startsWith('=')) types.add(type.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
  }
  return [...types];
}

function refusalOf(err: ModelError): string {
  const first = err.problems[0];
  const more = err.problems.length > 1 ? ` (and ${err.problems.length - 1} more)` : '';
  return first ? `${first.elementType} "${first.elementId}" [${first.rule}] ${first.message}${more}` : err.message;
}

function crashOf(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message).split('\n').slice(0, 4).join(' | ') : String(err);
}

/** The summary the runner prints: a line per model that did not run to its end, then the counts. Pure. */
export function runLines(runs: readonly ModelRun[]): string[] {
  const count = (...kinds: RunKind[]) => runs.filter((r) => kinds.includes(r.kind)).length;
  const lines = runs.filter((r) => r.kind !== 'ran to the end').map((r) => `${r.kind}: ${r.file}${r.processId ? ` (${r.processId})` : ''}: ${r.reason}`);
  return [...lines,
    `${count('ran to the end')} ran to the end, ${count('waited outside')} waited on something outside, ${count('stuck', 'crashed')} stuck or crashed, ${count('refused')} refused at deploy`];
}
