import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Engine } from '../engine.js';
import type { EngineOptions } from '../options.js';
import { EngineError } from '../errors.js';
import type { JobHandler } from '../jobs/jobs.js';
import type { KnexStore } from '../store/knex/store.js';

/** What a worker hands its module's `attach` hook: the shared store it opened, and the Redis it serves (its URL and key prefix). */
export interface WorkerContext {
  store: KnexStore;
  redis?: { url: string; prefix: string };
}

/**
 * A worker's plug-in (`--handlers <module>`): handlers by job type, or an `attach` hook
 * that registers handlers and listeners on the worker's engine itself (an application
 * that follows its instances needs the listeners where the steps are committed), or both.
 */
export interface WorkerModule {
  jobHandlers?: Record<string, JobHandler>;
  attach?: (engine: Engine, context: WorkerContext) => Promise<void>;
  /** Options for the worker's engine made from the shared store (its working calendar, say), before it is made. */
  engineOptions?: (context: WorkerContext) => Partial<EngineOptions>;
}

/** Imports a worker module by file path (relative to the working directory). Not pure: it loads code. */
export async function loadWorkerModule(file: string): Promise<WorkerModule> {
  const loaded = (await import(pathToFileURL(path.resolve(file)).href)) as WorkerModule;
  if (!loaded.jobHandlers && typeof loaded.attach !== 'function') {
    throw new EngineError('WORKER_MODULE_EMPTY', `${file} exports neither jobHandlers (an object from job type to handler) nor attach(engine, { store })`, { file });
  }
  return loaded;
}

/** What a module brought, for the worker's startup line. Pure. */
export function describeWorkerModule(file: string, loaded: WorkerModule): string {
  const parts = [loaded.attach ? 'attach hook' : '', loaded.jobHandlers ? `${Object.keys(loaded.jobHandlers).length} job handlers` : ''];
  return `${file} (${parts.filter(Boolean).join(' + ')})`;
}
