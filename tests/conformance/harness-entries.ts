import type { Engine } from '../../engine/index.js';
import type { Harness } from './harness.js';

/** Incident codes that mean a BPMN error nobody caught, not a technical failure. */
const UNCAUGHT_ERROR = 'UNHANDLED_ERROR';

/**
 * The entries betsy's harness adds after the run, each at most once: one per kind of failure
 * over every instance the case made, and the markers the expected trace asks about.
 */
export async function harnessEntries(engine: Engine, harness: Harness, expected: readonly string[], notes: string[]): Promise<string[]> {
  const entries = new Set<string>(await failureEntries(engine, notes));
  const asked = new Set(expected);
  if (asked.has('MARKER_exists') && harness.marker) entries.add('MARKER_exists');
  if (asked.has('DATA_correct') && harness.dataTypes.includes('string')) entries.add('DATA_correct');
  if (asked.has('EXECUTION_parallel') && harness.overlapped) entries.add('EXECUTION_parallel');
  return [...entries];
}

/** Failure entries over every instance; each incident is also noted, for the verbose report. */
async function failureEntries(engine: Engine, notes: string[]): Promise<string[]> {
  const entries: string[] = [];
  for (const state of await engine.store.instances()) {
    const view = await engine.instance(state.id);
    for (const incident of view?.incidents ?? []) {
      entries.push(incident.code === UNCAUGHT_ERROR ? 'ERROR_thrownErrorEvent' : 'ERROR_runtime');
      notes.push(`incident ${incident.code} at ${incident.elementId} (${state.processId}): ${incident.message}`);
    }
    const history = await engine.history(state.id);
    if (history.some((e) => e.t === 'thrown' && e.kind === 'escalation' && !e.caught)) entries.push('ERROR_thrownEscalationEvent');
  }
  return entries;
}

/** Where the expected trace holds a bare `ERROR`, deployment and runtime errors are logged so. Pure. */
export function bareErrors(log: readonly string[], expected: readonly string[]): string[] {
  if (!expected.includes('ERROR')) return [...log];
  return log.map((entry) => (entry === 'ERROR_deployment' || entry === 'ERROR_runtime' ? 'ERROR' : entry));
}
