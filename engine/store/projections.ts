import type { Effect } from '../runtime/effects.js';
import { MAX_INSTANCE_ID_LENGTH } from '../runtime/state.js';
import type { InstanceState } from '../runtime/state.js';
import type { DueTimer, OpenTask, PendingJob, Subscription, TaskQuery } from './types.js';

/**
 * Between an instance id and an item key in the public id of a task or job. `~` is unreserved
 * in URLs (RFC 3986), so `encodeURIComponent` leaves it and an id goes into a path as it is;
 * and it appears in neither part: item keys are digits, and instance ids are UUIDs, child ids
 * (`parent.key.seq`) or ids an embedder's `newId` makes, which the engine holds to
 * INSTANCE_ID_PATTERN.
 */
export const ITEM_SEPARATOR = '~';

/** What an instance id may be made of: URL-unreserved characters other than the separator. */
export const INSTANCE_ID_PATTERN = new RegExp(`^[A-Za-z0-9._-]{1,${MAX_INSTANCE_ID_LENGTH}}$`);

/** The public id of an element instance (a task, a job): instance id and item key, e.g. `3f2a…~7`. Pure. */
export function itemId(instanceId: string, key: string): string {
  return `${instanceId}${ITEM_SEPARATOR}${key}`;
}

/** The row id of a wait (a timer, a message or signal subscription) of an element instance. Pure. */
export function waitId(instanceId: string, key: string, wait: number | string): string {
  return `${itemId(instanceId, key)}${ITEM_SEPARATOR}${wait}`;
}

/**
 * What a task.created effect says of its task: the effect without its type, id and key.
 * Pure. (Copied field by field: object rest on effects costs several microseconds.)
 */
export function taskBody(effect: Extract<Effect, { type: 'task.created' }>): Omit<OpenTask, 'id' | 'instanceId' | 'processId' | 'createdAt'> {
  const body: Record<string, unknown> = {};
  for (const field in effect) if (field !== 'type' && field !== 'id' && field !== 'key') body[field] = effect[field as keyof typeof effect];
  return body as Omit<OpenTask, 'id' | 'instanceId' | 'processId' | 'createdAt'>;
}

/**
 * The instance id and item key an item id is made of; undefined when it is not one. Ids made
 * before migration 008 (`instanceId/key`) are read too, for a caller that kept one. Pure.
 */
export function splitItemId(id: string): { instanceId: string; key: string } | undefined {
  const at = Math.max(id.lastIndexOf(ITEM_SEPARATOR), id.lastIndexOf('/'));
  const key = id.slice(at + 1);
  return at > 0 && /^\d+$/.test(key) ? { instanceId: id.slice(0, at), key } : undefined;
}

/** An item id in today's form, also when given in the form before migration 008; other text as it is. Pure. */
export function canonicalItemId(id: string): string {
  const item = splitItemId(id);
  return item ? itemId(item.instanceId, item.key) : id;
}

/**
 * Read models kept from effects: open tasks, pending jobs, subscriptions and due timers.
 * The memory store keeps them in maps; the durable store keeps the same rows in tables.
 */
export class Projections {
  readonly tasks = new Map<string, OpenTask>();
  readonly closedTasks = new Set<string>();
  readonly jobs = new Map<string, PendingJob>();
  private readonly subscriptions = new Map<string, Subscription & { kind: 'message' | 'signal' }>();
  private readonly timers = new Map<string, DueTimer>();

  apply(state: InstanceState, effects: readonly Effect[], at: number): void {
    for (const effect of effects) this.one(state, effect, at);
  }

  private one(state: InstanceState, effect: Effect, at: number): void {
    const instanceId = state.id;
    switch (effect.type) {
      case 'task.created': {
        const id = itemId(instanceId, effect.key);
        this.tasks.set(id, Object.assign(taskBody(effect), { id, instanceId, processId: state.processId, createdAt: at }));
        return;
      }
      case 'task.closed': {
        const id = itemId(instanceId, effect.key);
        this.tasks.delete(id);
        this.closedTasks.add(id);
        return;
      }
      case 'task.moved': {
        const task = this.tasks.get(itemId(instanceId, effect.key));
        if (task) Object.assign(task, { elementId: effect.elementId, name: effect.name });
        return;
      }
      case 'task.assigned': {
        const task = this.tasks.get(itemId(instanceId, effect.key));
        if (!task) return;
        if (effect.assignee === undefined) delete task.assignee;
        else task.assignee = effect.assignee;
        return;
      }
      case 'job.moved': {
        const job = this.jobs.get(itemId(instanceId, effect.key));
        if (job) job.elementId = effect.elementId;
        return;
      }
      case 'job.created':
        this.jobs.set(itemId(instanceId, effect.key), {
          id: itemId(instanceId, effect.key), instanceId, key: effect.key, elementId: effect.elementId,
          type: effect.jobType, retries: effect.retries, headers: effect.headers, lockedUntil: effect.availableAt ?? 0,
        });
        return;
      case 'job.failed': {
        const job = this.jobs.get(itemId(instanceId, effect.key));
        if (job) job.retries = 0;
        return;
      }
      case 'job.closed':
        this.jobs.delete(itemId(instanceId, effect.key));
        return;
      case 'message.subscribed':
      case 'signal.subscribed':
        this.subscriptions.set(waitId(instanceId, effect.key, effect.wait), {
          kind: effect.type === 'message.subscribed' ? 'message' : 'signal', instanceId, key: effect.key, wait: effect.wait,
          name: effect.name, correlationKey: effect.type === 'message.subscribed' ? effect.correlationKey : undefined, createdSeq: state.seq,
        });
        return;
      case 'message.unsubscribed':
      case 'signal.unsubscribed':
        this.subscriptions.delete(waitId(instanceId, effect.key, effect.wait));
        return;
      case 'timer.scheduled':
        this.timers.set(waitId(instanceId, effect.key, effect.wait), { instanceId, key: effect.key, wait: effect.wait, due: effect.due });
        return;
      case 'timer.cancelled':
        this.timers.delete(waitId(instanceId, effect.key, effect.wait));
        return;
      default:
    }
  }

  /** Drops what an ended instance left: its closed task ids (open rows are already gone). */
  forget(instanceId: string): void {
    for (const id of this.closedTasks) if (id.startsWith(itemId(instanceId, ''))) this.closedTasks.delete(id);
  }

  findTasks(query: TaskQuery): OpenTask[] {
    return [...this.tasks.values()].filter((task) =>
      (query.instanceId === undefined || task.instanceId === query.instanceId) &&
      (query.processId === undefined || task.processId === query.processId) &&
      (query.elementId === undefined || task.elementId === query.elementId) &&
      (query.assignee === undefined || task.assignee === query.assignee) &&
      (query.candidateGroup === undefined || task.candidateGroups.includes(query.candidateGroup)) &&
      (query.candidateUser === undefined || task.candidateUsers.includes(query.candidateUser)));
  }

  messages(name: string, correlationKey?: string): Subscription[] {
    return this.byKind('message', name).filter((s) => (s.correlationKey ?? '') === (correlationKey ?? ''));
  }

  signals(name: string): Subscription[] {
    return this.byKind('signal', name);
  }

  private byKind(kind: 'message' | 'signal', name: string): Subscription[] {
    return [...this.subscriptions.values()].filter((s) => s.kind === kind && s.name === name);
  }

  dueTimers(until: number): DueTimer[] {
    return [...this.timers.values()].filter((t) => t.due <= until).sort((a, b) => a.due - b.due);
  }

  nextTimer(): number | undefined {
    let next: number | undefined;
    for (const timer of this.timers.values()) if (next === undefined || timer.due < next) next = timer.due;
    return next;
  }
}
