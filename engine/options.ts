import type { Clock } from './clock/index.js';
import type { WorkingCalendar } from './calendar/types.js';
import type { EngineStore } from './store/types.js';
import type { JobHandlerEntry } from './jobs/job-runner.js';
import type { OutboxTiming } from './effects/outbox-sweep.js';
import type { EngineQueue } from './queue/types.js';
import type { EngineLogger } from './logger.js';
import type { HistoryHash } from './history/chain.js';
import type { HistorySealer } from './history/seals.js';
import type { MigrationProblem } from './runtime/migration.js';

export interface VersionRef {
  processId: string;
  version: number;
}

export interface MigrationReport {
  migrated: string[];
  /** Each with its reasons in English and the same as data (`problems`), for a page to word its own way. */
  refused: Array<{ instanceId: string; reasons: string[]; problems: MigrationProblem[] }>;
}

export interface EngineOptions {
  store?: EngineStore;
  clock?: Clock;
  /**
   * The IANA zone whose wall clock the engine reads: a timer date without an offset, a duration's
   * days, FEEL's today() and working days. Default: the calendar's zone, else UTC — never the
   * host's, so a replay elsewhere computes the same. The engine knows no country unless told.
   */
  timeZone?: string;
  /** Which days are working days, for timers counted in working days (default: Monday–Friday in `timeZone`). */
  calendar?: WorkingCalendar;
  /** Handlers by job type; `{ handler, lockMs }` gives a type its own lock duration. */
  jobHandlers?: Record<string, JobHandlerEntry>;
  /** Instance ids; random UUIDs unless given (tests pass a counter). */
  newId?: () => string;
  /** Fire due timers by itself (default: yes with the system clock, no with a virtual one). */
  autoTimers?: boolean;
  /** Server mode: jobs and timers go to this queue for worker processes (see engine/queue/). Without it, they run in-process. */
  queue?: EngineQueue;
  /** Wait before a failed handler's job runs again, from its failures so far (default: 1 s, 2 s, 4 s … at most 10 min). */
  retryBackoff?: (failures: number) => number;
  /** The name this engine locks jobs and claims outbox effects under (default: a random one). */
  workerName?: string;
  /** How long a job run (or an activation) holds its job before another worker may take it (default 5 min). */
  jobLockMs?: number;
  /** When effects another process left in the outbox count as orphaned, and how often to look (see OutboxTiming). */
  outbox?: Partial<OutboxTiming>;
  /** How long a message thrown by the model waits in the buffer when nobody takes it (default 0: dropped, as before). */
  messageTimeToLiveMs?: number;
  /** Told of failures in background work when they happen (a pino logger fits; default: silent). */
  logger?: EngineLogger;
  /** The digest new history events are chained with (default SHA-256; SM3 where it is asked for). Older events keep theirs. */
  historyHash?: HistoryHash;
  /**
   * Signs chain heads with a key the database does not hold (`ed25519Sealer(pem)`), so a history
   * rewritten with its hashes recomputed is caught by `verify`. Default: no seals.
   */
  historySealer?: HistorySealer;
  /** How often the heads committed meanwhile are sealed, in one write (default 1 s). */
  sealEveryMs?: number;
}
