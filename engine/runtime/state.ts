/**
 * An instance's state: a plain JSON object, always equal to the fold of its history
 * (see events.ts). Kept small on purpose: it is the snapshot stored per live instance.
 */
export interface InstanceState {
  id: string;
  processId: string;
  /** The deployed definition version this instance runs on. */
  definitionKey: string;
  status: 'active' | 'completed' | 'terminated';
  /** Events applied so far; the next event's sequence number. */
  seq: number;
  /** Next element-instance number (keys are short decimal strings). */
  next: number;
  /** Live element instances by key. The root (the process itself) is key "0". */
  items: Record<string, Item>;
  /** Variables by the key of the scope that holds them. */
  vars: Record<string, Record<string, unknown>>;
  /** Tokens waiting at a join: scope key -> element id -> flow id -> count. */
  joins: Record<string, Record<string, Record<string, number>>>;
  /** Called from a call activity: where to report back. */
  parent?: { instanceId: string; key: string };
  businessKey?: string;
}

/** A live element instance: an activity, a waiting event, a gateway or a scope. */
export interface Item {
  /** Element id (for the root: the process id). */
  el: string;
  /** Key of the enclosing scope item (absent for the root). */
  parent?: string;
  /** What it waits for; closed (with effects) when the item leaves. */
  waits?: Wait[];
  /** Multi-instance or loop body bookkeeping (the body wraps the iterations). */
  body?: LoopBody;
  /** Iteration index inside a body. */
  iteration?: number;
  /** Parallel-multiple catch: indexes of waits already triggered. */
  got?: number[];
  /** Sequential ad hoc sub-process: how many of its activities have been started. */
  adHocStarted?: number;
  /** Open incident on this item, if any. */
  incident?: { code: string; message: string };
  /** Scopes: completed activities that can be compensated, oldest first. */
  comp?: string[];
  /** A compensation handler's throwing item, or a throw event waiting for handlers. */
  compensating?: string;
  /** Join bookkeeping for activities with startQuantity > 1 is under state.joins. */
  /** A job-backed element's job: its type, retries left, and failures since it was last handed out by the model or an operator. */
  job?: { type: string; retries: number; failures?: number };
  /** An interrupting event sub-process is running in this scope: nothing else may start. */
  interrupted?: boolean;
  /** Cancel end event in a transaction: the transaction key to cancel after compensation. */
  cancels?: string;
  /**
   * A user task claimed or handed on since it opened: who holds it now. Absent while nobody
   * claimed it (the model's own assignee, if any, is on the task.created effect and the `assigned` event).
   */
  assignee?: string;
}

export type Wait =
  | { k: 'job'; el: string }
  | { k: 'task'; el: string }
  | { k: 'msg'; el: string; name: string; ck?: string }
  | { k: 'sig'; el: string; name: string }
  | { k: 'timer'; el: string; due: number; n: number }
  | { k: 'cond'; el: string; v: boolean }
  | { k: 'child'; el: string; id: string };

export interface LoopBody {
  /** Multi-instance: how many iterations in all (sequential or parallel). */
  total: number;
  /** Iterations started so far. */
  started: number;
  /** Iterations completed so far. */
  done: number;
  /** Collected outputs (multi-instance outputCollection), by iteration. */
  out?: unknown[];
  /** The input collection, kept for sequential multi-instance. */
  items?: unknown[];
}

/** The key of the root item: the process instance itself. */
export const ROOT = '0';

/**
 * The longest instance id the engine keeps (the store holds ids to INSTANCE_ID_PATTERN). A
 * child's id is its parent's plus `.key.seq`, so this also bounds how deep calls can nest.
 */
export const MAX_INSTANCE_ID_LENGTH = 200;
