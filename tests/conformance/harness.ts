import { setImmediate as nextTurn } from 'node:timers/promises';
import { BpmnError } from '../../engine/index.js';
import type { Job } from '../../engine/index.js';

type Outcome = Record<string, unknown> | void;

/**
 * What one test case's placeholder scripts did: the log lines, the marker, the type `data`
 * had when it was logged, and whether two jobs ever ran at the same time. One per case.
 */
export class Harness {
  readonly log: string[] = [];
  marker = false;
  readonly dataTypes: string[] = [];
  overlapped = false;
  private running = 0;

  /** The `betsy` job handler: does what the job's placeholder token means. */
  readonly handle = async (job: Job): Promise<Outcome> => {
    this.running += 1;
    if (this.running > 1) this.overlapped = true;
    try {
      // One turn of the event loop, so a job of a parallel branch dispatched meanwhile overlaps.
      await nextTurn();
      return this.perform(job.headers.placeholder ?? '', job);
    } finally {
      this.running -= 1;
    }
  };

  private perform(token: string, job: Job): Outcome {
    if (/^SCRIPT_task\d+$/.test(token)) return void this.log.push(token);
    const action = this.actions[token];
    if (!action) throw new Error(`no meaning for the placeholder "${token}"`);
    return action(job);
  }

  private readonly actions: Readonly<Record<string, (job: Job) => Outcome>> = {
    CREATE_LOG_FILE: () => undefined,
    CREATE_MARKER_FILE: () => {
      this.marker = true;
    },
    INCREMENT_INTEGER_VARIABLE: (job) => increment(job),
    INCREMENT_INTEGER_VARIABLE_AND_LOG: (job) => {
      this.log.push('INCREMENT_correct');
      return increment(job);
    },
    SET_STRING_DATA: () => ({ data: 'some string' }),
    LOG_DATA: (job) => {
      this.dataTypes.push(typeof job.variables.data);
    },
    THROW_ERROR: (job) => {
      throw new BpmnError(job.headers.errorCode ?? 'ERROR');
    },
  };
}

function increment(job: Job): Outcome {
  return { integerVariable: Number(job.variables.integerVariable) + 1 };
}
