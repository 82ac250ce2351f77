/** A pending job handed to workers: its id (`instanceId/key`), type, and when it may run. */
export interface QueuedJob {
  id: string;
  type: string;
  /** Not before this instant (a retry waiting out its backoff); 0 = now. */
  availableAt: number;
}

/** An armed timer: the wait it fires and the instant it is due. */
export interface QueuedTimer {
  instanceId: string;
  key: string;
  wait: number;
  due: number;
}

/**
 * The engine's dispatch port for server mode. The database stays the truth: a queue only
 * carries deliveries to worker processes, each under a deterministic id, so handing the
 * same job or timer over twice is a no-op and a reconciler can refill a queue that lost
 * them. Without a queue the engine runs jobs and timers in-process (embedded mode).
 */
export interface EngineQueue {
  /** Delivers the job to a worker of its type, not before `availableAt`. True when it was not queued yet. */
  enqueueJob(job: QueuedJob, now: number): Promise<boolean>;
  /** Delivers the timer to a worker at `due`. True when it was not queued yet. */
  enqueueTimer(timer: QueuedTimer, now: number): Promise<boolean>;
  /** Drops a withdrawn timer's delivery. Best effort: a delivery that comes anyway finds the wait gone. */
  removeTimer?(timer: QueuedTimer): Promise<void>;
  close(): Promise<void>;
}
