/**
 * Every code the engine refuses with, and what it means. Closed: a caller can branch on the
 * code knowing the list is complete (the case server maps each to an HTTP status in a table
 * the compiler checks), and a new code is a change to this list, documented here.
 */
export const ENGINE_ERROR_CODES = {
  // The model
  MODEL_INVALID: 'a definition breaks a BPMN rule or uses what the engine cannot run faithfully; details.problems name the elements',
  EXPRESSION_INVALID: 'a FEEL expression does not parse, or fails to evaluate on the variables given',
  TIME_INVALID: 'a timer or date text is not ISO 8601 (date, duration or cycle) or names an impossible time',
  TIME_ZONE_INVALID: 'the engine\'s timeZone is not an IANA zone name, or differs from the zone of the calendar it is given',
  NO_START_EVENT: 'the process has no none start event, so it cannot be started by a call; start it by message, signal or timer',
  NO_FLOW_HOLDS: 'no outgoing flow of an exclusive or inclusive gateway holds and it has no default flow',
  // Deployments
  PROCESS_NOT_FOUND: 'no process of that id (and version) is deployed',
  DEFINITION_NOT_FOUND: 'no deployed definition under that key',
  // Instances and their commands
  INSTANCE_ID_INVALID: 'an instance id outside 1 to 200 of A-Z a-z 0-9 . _ -',
  INSTANCE_NOT_FOUND: 'no process instance of that id (or no open task of that id)',
  INSTANCE_EXISTS: 'an instance of that id has already started (starts are idempotent by id)',
  INSTANCE_ENDED: 'the instance has completed or was terminated; it takes no more commands',
  CONFLICT: 'another command changed the instance meanwhile (optimistic lock); reload and try again',
  ELEMENT_UNKNOWN: 'a command names an element that is not in the instance\'s process',
  FLOW_UNKNOWN: 'a command names a sequence flow that is not in the instance\'s process',
  ELEMENT_INSTANCE_NOT_FOUND: 'the instance has no active element instance under that key',
  NOT_WAITING: 'the element instance does not wait for what the command delivers (a task completion, message, signal …)',
  WAIT_GONE: 'the event this delivery was for is no longer awaited (already triggered, re-armed, or its scope ended)',
  NO_INCIDENT: 'a resolve was asked for an element instance with no open incident',
  VARIABLES_INVALID: 'variables that are not a JSON object of plain data (functions, class instances, cycles, non-finite numbers)',
  // Tasks and jobs
  TASK_NOT_FOUND: 'no task of that id was ever open',
  TASK_ALREADY_COMPLETED: 'the task was completed or cancelled before this command',
  TASK_CLAIMED: 'the task is held by someone else already (claimed or handed on to them): it cannot be claimed too',
  JOB_NOT_FOUND: 'no pending job of that id (completed, cancelled, or never created)',
  // Messages
  MESSAGE_NOT_CORRELATED: 'no instance waits for the message and no process starts with it',
  MESSAGE_ALREADY_PUBLISHED: 'a buffered message with that message id still waits; publish under another id',
  MESSAGE_TAKEN: 'the buffered message was taken by another wait or expired before this commit',
  MESSAGE_TTL_INVALID: 'timeToLiveMs is not a number of milliseconds, 0 or more',
  // Time and the calendar
  CLOCK_NOT_VIRTUAL: 'advanceTime was called on an engine that runs on the system clock',
  TIMER_STORM: 'one advance of the virtual clock fired more timers than the limit (a cycle without end?)',
  CALENDAR_NO_WORKING_DAY: 'the working calendar has no working day within the search window; its overrides are wrong',
  CALENDAR_COUNT_INVALID: 'a number of working days that is not a whole number ≥ 0',
  CALENDAR_DATE_INVALID: 'a day that is not YYYY-MM-DD or does not exist',
  CALENDAR_INSTANT_INVALID: 'an instant that is not epoch milliseconds',
  CALENDAR_OVERRIDE_INVALID: 'a calendar override table that is not a list of { date, working, name? }, or contradicts itself on a day',
  // Embedding
  EFFECT_TYPE_UNKNOWN: 'a listener subscribed to effect types of which none exists',
  HISTORY_HASH_INVALID: 'the engine\'s historyHash names a digest it does not chain with (sha256, sm3)',
  HISTORY_FORMAT_UNKNOWN: 'a history event is in a format version newer than this engine reads (written by a newer engine)',
  WORKER_MODULE_EMPTY: 'a worker\'s handler module exports neither jobHandlers nor attach',
} as const satisfies Record<string, string>;

/** A code the engine refuses with (see ENGINE_ERROR_CODES for what each means). */
export type EngineErrorCode = keyof typeof ENGINE_ERROR_CODES;

/**
 * One base error for everything the engine refuses. `code` is stable (callers and the
 * API branch on it); `details` carries what the caller needs to fix the input.
 */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: EngineErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

/** One reason a model cannot be deployed, pointing at the element to fix. */
export interface ModelProblem {
  elementId: string;
  elementType: string;
  /** The broken rule: a BPMN spec constraint (`EXT.002`) or an engine limit (`unsupported`). */
  rule: string;
  message: string;
}

/** A definition the engine will not run faithfully. Never thrown for a model it could run. */
export class ModelError extends EngineError {
  readonly problems: readonly ModelProblem[];

  constructor(problems: readonly ModelProblem[], source = 'definitions') {
    const first = problems[0];
    const head = first
      ? `${first.elementType} "${first.elementId}": ${first.message} [${first.rule}]`
      : 'no problems listed';
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    super('MODEL_INVALID', `cannot deploy ${source}: ${head}${more}`, { problems });
    this.problems = problems;
  }
}

/** A FEEL expression that does not parse or fails to evaluate. */
export class ExpressionError extends EngineError {
  constructor(message: string, details: { expression: string; elementId?: string; attribute?: string }) {
    super('EXPRESSION_INVALID', message, details);
  }
}
