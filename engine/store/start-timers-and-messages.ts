import { EngineError } from '../errors.js';

/**
 * Two small parts of the storage port that belong to no instance: the timer start events of
 * deployed processes, and messages published before anyone waits for them. Both are shared
 * by every process on one database, so each write that decides something is one
 * compare-and-set: the caller that wins is the one that acts.
 */

/** A timer start event's definition after FEEL evaluation (`workingDays`: yc:calendar="working"). */
export interface StartTimerSpec {
  kind: 'date' | 'duration' | 'cycle';
  value: string;
  workingDays: boolean;
}

/**
 * A timer start event of one version of a process, armed for `due`. `due: null` means spent
 * (a date that fired, a cycle that ran out): the row stays, so arming the same version again
 * (a restart, another process) does not re-arm it.
 */
export interface StartTimer {
  definitionKey: string;
  processId: string;
  version: number;
  startEvent: string;
  due: number | null;
  /** Firings so far (a cycle's repetitions count them). */
  fired: number;
  spec: StartTimerSpec;
}

export interface StartTimerStore {
  /**
   * Arms a version's timer start events: drops the rows of the process's older versions and
   * adds those of `timers` not there yet (a row already there keeps its due time). Arms
   * nothing when a newer version of the process is armed already.
   */
  armStartTimers(processId: string, version: number, timers: readonly StartTimer[]): Promise<void>;
  /** Armed timer starts due at or before `until`, earliest first. */
  dueStartTimers(until: number): Promise<StartTimer[]>;
  nextStartTimer(): Promise<number | undefined>;
  /**
   * Moves a start timer still armed for `due` to its next firing (`next.due` null: spent), in
   * one statement. True for the one caller that moved it: that caller starts the instance.
   */
  claimStartTimer(definitionKey: string, startEvent: string, due: number, next: { due: number | null; fired: number }): Promise<boolean>;
}

/** A message published with a time to live that nobody took yet (Zeebe's message buffer). */
export interface BufferedMessage {
  /** The publisher's message id, or one the engine made: unique among buffered messages. */
  id: string;
  name: string;
  correlationKey?: string;
  variables: Record<string, unknown>;
  publishedAt: number;
  expiresAt: number;
}

export interface MessageBufferStore {
  /** Buffers a message; false when a message with its id is buffered and not expired at `now`. */
  bufferMessage(message: BufferedMessage, now: number): Promise<boolean>;
  /** Whether a message with this id is buffered and not expired at `now`. */
  messageBuffered(id: string, now: number): Promise<boolean>;
  /**
   * Up to `limit` messages with this name and key, alive at `now`, oldest first. Reads only: a
   * message is taken by the commit that triggers its wait (`Commit.takesMessage`).
   */
  bufferedMessages(name: string, correlationKey: string | undefined, now: number, limit: number): Promise<BufferedMessage[]>;
  /** Deletes messages expired at `now`; returns how many. */
  dropExpiredMessages(now: number): Promise<number>;
}

/**
 * A buffered message a commit takes (`Commit.takesMessage`): the commit is written only
 * together with that message's deletion, so a crash leaves either both or neither.
 */
export interface MessageTake {
  id: string;
  /** A message expired at this instant is not taken. */
  now: number;
}

/** The refusal of a commit whose message is gone (taken by another, or expired); nothing was written. Pure. */
export function messageTaken(instanceId: string, take: MessageTake): EngineError {
  return new EngineError('MESSAGE_TAKEN', `buffered message "${take.id}" was taken by another wait or has expired, so the commit to instance ${instanceId} that was to take it wrote nothing; try the next buffered message`, {
    instanceId, messageId: take.id,
  });
}
