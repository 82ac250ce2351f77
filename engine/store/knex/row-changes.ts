import type { Effect } from '../../runtime/effects.js';
import type { InstanceState } from '../../runtime/state.js';
import type { Commit } from '../types.js';
import { itemId, taskBody, waitId } from '../projections.js';

/** Column values as the tables take them (see migrations/001_engine.ts). */
export interface InstanceRow {
  id: string; process_id: string; definition_key: string; status: string; business_key: string | null; parent_id: string | null;
  version: number; state: string;
  /** Null when the commit has no events: the stored hash stays. */
  last_hash: string | null;
  updated_at: number;
}
export interface EventRow { instance_id: string; seq: number; at: number; type: string; body: string; prev: string; hash: string }
export interface TaskRow {
  id: string; instance_id: string; process_id: string; element_id: string; assignee: string | null; body: string;
  created_at: number; closed_at: number | null; outcome: string | null;
}
/** A change to a task row written before this commit: closed, moved to another element, assigned (null: to nobody), or several. */
export interface TaskChange {
  id: string; closed?: { at: number; outcome: string }; moved?: { elementId: string; name?: string }; assigned?: { assignee: string | null };
}
export interface GroupRow { task_id: string; kind: 'group' | 'user'; name: string }
export interface JobRow {
  id: string; instance_id: string; item_key: string; element_id: string; type: string; retries: number; headers: string;
  locked_until: number; worker: null;
}
export interface JobChange { id: string; retries?: number; elementId?: string }
export interface SubscriptionRow {
  id: string; kind: 'message' | 'signal'; name: string; correlation_key: string; instance_id: string; item_key: string;
  wait: number; created_seq: number;
}
export interface TimerRow { id: string; instance_id: string; item_key: string; wait: number; due: number }
export interface OutboxRow { id: string; instance_id: string; position: number; body: string; created_at: number }

/**
 * What one commit writes, row by row, with every row changed at most once: the effects of a
 * step folded per row (a task opened and closed in the same step is one closed row, a job
 * created then cancelled is one delete). Written as it is, in any order, the tables end as
 * applying the effects one by one would leave them; so a store may write it all in one
 * statement, where sub-statements do not see each other's rows.
 */
export interface RowChanges {
  expectedVersion: number;
  instance: InstanceRow;
  events: EventRow[];
  tasks: { insert: TaskRow[]; change: TaskChange[] };
  /** Candidate rows of tasks opened; they stay with their task row when it closes, as its body does. */
  groups: { insert: GroupRow[] };
  jobs: { upsert: JobRow[]; change: JobChange[]; delete: string[] };
  subscriptions: { upsert: SubscriptionRow[]; delete: string[] };
  timers: { upsert: TimerRow[]; delete: string[] };
  outbox: OutboxRow[];
}

/** A row's fate within one commit: written whole, changed in place, or deleted. */
type Fate<Row, Change> = { row: Row } | { change: Change } | { deleted: true };

/** The rows a commit writes, its effects folded per row. Pure. */
export function rowChanges(commit: Commit, stateText: string): RowChanges {
  const { state, events } = commit;
  const at = events[0]?.at ?? Date.now();
  const fold = new Fold(state, at);
  for (const effect of commit.effects) fold.effect(effect);
  return {
    expectedVersion: commit.expectedVersion,
    instance: {
      id: commit.instanceId, process_id: state.processId, definition_key: state.definitionKey, status: state.status,
      business_key: state.businessKey ?? null, parent_id: state.parent?.instanceId ?? null, version: commit.expectedVersion + 1,
      state: stateText, last_hash: events.at(-1)?.hash ?? null, updated_at: events.at(-1)?.at ?? 0,
    },
    events: events.map((e) => ({ instance_id: commit.instanceId, seq: e.seq, at: e.at, type: e.type, body: e.body, prev: e.prev, hash: e.hash })),
    ...fold.result(),
    outbox: commit.outbox.map((effect, position) => ({ id: effect.id, instance_id: commit.instanceId, position, body: JSON.stringify(effect), created_at: at })),
  };
}

class Fold {
  private readonly tasks = new Map<string, Fate<{ task: TaskRow; groups: GroupRow[] }, TaskChange>>();
  private readonly jobs = new Map<string, Fate<JobRow, JobChange>>();
  private readonly subscriptions = new Map<string, Fate<SubscriptionRow, never>>();
  private readonly timers = new Map<string, Fate<TimerRow, never>>();

  constructor(private readonly state: InstanceState, private readonly at: number) {}

  effect(effect: Effect): void {
    const id = (key: string) => itemId(this.state.id, key);
    const wait = (w: { key: string; wait: number }) => waitId(this.state.id, w.key, w.wait);
    switch (effect.type) {
      case 'task.created': return void this.tasks.set(id(effect.key), { row: this.openTask(effect) });
      case 'task.closed': return this.changeTask(id(effect.key), { closed: { at: this.at, outcome: effect.outcome } });
      case 'task.moved': return this.changeTask(id(effect.key), { moved: { elementId: effect.elementId, name: effect.name } });
      case 'task.assigned': return this.changeTask(id(effect.key), { assigned: { assignee: effect.assignee ?? null } });
      case 'job.created': return void this.jobs.set(id(effect.key), { row: this.job(effect) });
      case 'job.failed': return this.changeJob(id(effect.key), { retries: 0 });
      case 'job.moved': return this.changeJob(id(effect.key), { elementId: effect.elementId });
      case 'job.closed': return void this.jobs.set(id(effect.key), { deleted: true });
      case 'message.subscribed':
      case 'signal.subscribed':
        return void this.subscriptions.set(wait(effect), { row: this.subscription(effect) });
      case 'message.unsubscribed':
      case 'signal.unsubscribed':
        return void this.subscriptions.set(wait(effect), { deleted: true });
      case 'timer.scheduled':
        return void this.timers.set(wait(effect), { row: { id: wait(effect), instance_id: this.state.id, item_key: effect.key, wait: effect.wait, due: effect.due } });
      case 'timer.cancelled':
        return void this.timers.set(wait(effect), { deleted: true });
      default:
    }
  }

  private openTask(effect: Extract<Effect, { type: 'task.created' }>): { task: TaskRow; groups: GroupRow[] } {
    const taskId = itemId(this.state.id, effect.key);
    const body = taskBody(effect);
    return {
      task: {
        id: taskId, instance_id: this.state.id, process_id: this.state.processId, element_id: effect.elementId,
        assignee: effect.assignee ?? null, body: JSON.stringify(body), created_at: this.at, closed_at: null, outcome: null,
      },
      groups: [
        ...effect.candidateGroups.map((name) => ({ task_id: taskId, kind: 'group' as const, name })),
        ...effect.candidateUsers.map((name) => ({ task_id: taskId, kind: 'user' as const, name })),
      ],
    };
  }

  /** A task opened in this commit takes the change into its row; an older one gets it as an update. */
  private changeTask(id: string, change: Omit<TaskChange, 'id'>): void {
    const fate = this.tasks.get(id);
    if (fate && 'row' in fate) {
      const { task } = fate.row;
      if (change.closed) Object.assign(task, { closed_at: change.closed.at, outcome: change.closed.outcome });
      if (change.moved) {
        const body = { ...JSON.parse(task.body), elementId: change.moved.elementId, name: change.moved.name };
        Object.assign(task, { element_id: change.moved.elementId, body: JSON.stringify(body) });
      }
      if (change.assigned) Object.assign(task, assignedRow(task.body, change.assigned.assignee));
      return;
    }
    const before = fate && 'change' in fate ? fate.change : { id };
    this.tasks.set(id, { change: { ...before, ...change } });
  }

  private job(effect: Extract<Effect, { type: 'job.created' }>): JobRow {
    return {
      id: itemId(this.state.id, effect.key), instance_id: this.state.id, item_key: effect.key, element_id: effect.elementId, type: effect.jobType,
      retries: effect.retries, headers: JSON.stringify(effect.headers), locked_until: effect.availableAt ?? 0, worker: null,
    };
  }

  private changeJob(id: string, change: Omit<JobChange, 'id'>): void {
    const fate = this.jobs.get(id);
    if (fate && 'deleted' in fate) return;
    if (fate && 'row' in fate) {
      if (change.retries !== undefined) fate.row.retries = change.retries;
      if (change.elementId !== undefined) fate.row.element_id = change.elementId;
      return;
    }
    this.jobs.set(id, { change: { ...(fate?.change ?? { id }), ...change } });
  }

  private subscription(effect: Extract<Effect, { type: 'message.subscribed' | 'signal.subscribed' }>): SubscriptionRow {
    return {
      id: waitId(this.state.id, effect.key, effect.wait), kind: effect.type === 'message.subscribed' ? 'message' : 'signal', name: effect.name,
      correlation_key: effect.type === 'message.subscribed' ? effect.correlationKey ?? '' : '',
      instance_id: this.state.id, item_key: effect.key, wait: effect.wait, created_seq: this.state.seq,
    };
  }

  result(): Pick<RowChanges, 'tasks' | 'groups' | 'jobs' | 'subscriptions' | 'timers'> {
    const tasks = [...this.tasks.values()];
    const opened = tasks.flatMap((fate) => ('row' in fate ? [fate.row] : []));
    const changed = tasks.flatMap((fate) => ('change' in fate ? [fate.change] : []));
    return {
      tasks: { insert: opened.map((o) => o.task), change: changed },
      // A task opened and closed in this commit never gets its group rows.
      groups: { insert: opened.flatMap((o) => o.groups) },
      jobs: { upsert: rows(this.jobs), change: changes(this.jobs), delete: deleted(this.jobs) },
      subscriptions: { upsert: rows(this.subscriptions), delete: deleted(this.subscriptions) },
      timers: { upsert: rows(this.timers), delete: deleted(this.timers) },
    };
  }
}

/**
 * The columns a change sets on a task row written before its commit. `body` is the row's body
 * as stored, which a change that moves or assigns the task rewrites (see changesTaskBody). Pure.
 */
export function changedTaskColumns(change: TaskChange, body: string): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  if (change.closed) Object.assign(columns, { closed_at: change.closed.at, outcome: change.closed.outcome });
  let changedBody = body;
  if (change.moved) {
    changedBody = JSON.stringify({ ...JSON.parse(body), elementId: change.moved.elementId, name: change.moved.name });
    Object.assign(columns, { element_id: change.moved.elementId, body: changedBody });
  }
  if (change.assigned) Object.assign(columns, assignedRow(changedBody, change.assigned.assignee));
  return columns;
}

/** Whether a task change rewrites the row's body, and so needs it read first. Pure. */
export function changesTaskBody(change: TaskChange): boolean {
  return change.moved !== undefined || change.assigned !== undefined;
}

/** A task row's columns once assigned: the assignee column and its body's copy agree. Pure. */
export function assignedRow(body: string, assignee: string | null): { assignee: string | null; body: string } {
  const { assignee: _before, ...rest } = JSON.parse(body) as Record<string, unknown>;
  return { assignee, body: JSON.stringify(assignee === null ? rest : { ...rest, assignee }) };
}

function rows<Row, Change>(fates: Map<string, Fate<Row, Change>>): Row[] {
  return [...fates.values()].flatMap((fate) => ('row' in fate ? [fate.row] : []));
}

function changes<Row, Change>(fates: Map<string, Fate<Row, Change>>): Change[] {
  return [...fates.values()].flatMap((fate) => ('change' in fate ? [fate.change] : []));
}

function deleted<Row, Change>(fates: Map<string, Fate<Row, Change>>): string[] {
  return [...fates.entries()].flatMap(([id, fate]) => ('deleted' in fate ? [id] : []));
}
