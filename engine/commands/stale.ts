import { EngineError } from '../errors.js';

/** Error codes that only mean a redelivered or late result found the work already done: harmless. */
const STALE = new Set(['NOT_WAITING', 'ELEMENT_INSTANCE_NOT_FOUND', 'INSTANCE_ENDED', 'WAIT_GONE', 'INSTANCE_NOT_FOUND']);

/** Whether an error only says the work was done already (see STALE). Pure. */
export function isStale(err: unknown): boolean {
  return err instanceof EngineError && STALE.has(err.code);
}

/** Swallows a stale-work error, rethrows anything else. Pure. */
export function ignoreStale(err: unknown): void {
  if (!isStale(err)) throw err;
}
