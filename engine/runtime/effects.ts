/**
 * Effects: what the world outside the instance must do after a step commits. They are
 * data; the engine (or the outbox worker) carries them out. Each has a deterministic id
 * (`instanceId:seq`), so carrying one out twice can be detected and made harmless.
 */
export type Effect = { id: string } & EffectBody;

export type EffectBody =
  /** `availableAt`: set when the job goes back to workers after a failure or an incident; a retry after a backoff waits until then. */
  | { type: 'job.created'; key: string; elementId: string; jobType: string; retries: number; headers: Record<string, string>; availableAt?: number }
  /** The job failed with no retries left: it stays open, held by an incident, and no worker may take it until an operator resolves it. */
  | { type: 'job.failed'; key: string; message: string }
  | { type: 'job.closed'; key: string; outcome: 'completed' | 'cancelled' }
  | { type: 'task.created'; key: string; elementId: string; name?: string; assignee?: string; candidateGroups: string[]; candidateUsers: string[]; dueDate?: string; followUpDate?: string; formKey?: string; properties: Record<string, unknown> }
  /**
   * `completion`: a task completed by a command, with the answer given, when (the commit's time)
   * and by whom when told, so a follower can act on the answer from the effect alone, even when
   * the outbox delivers it again after a crash.
   */
  | { type: 'task.closed'; key: string; outcome: 'completed' | 'cancelled'; completion?: TaskCompletion }
  | { type: 'task.moved'; key: string; elementId: string; name?: string }
  /** A task claimed, handed on or given back: its assignee now (none: back to its candidates). */
  | { type: 'task.assigned'; key: string; assignee?: string }
  | { type: 'job.moved'; key: string; elementId: string }
  | { type: 'message.subscribed'; key: string; wait: number; name: string; correlationKey?: string }
  | { type: 'message.unsubscribed'; key: string; wait: number }
  | { type: 'signal.subscribed'; key: string; wait: number; name: string }
  | { type: 'signal.unsubscribed'; key: string; wait: number }
  | { type: 'timer.scheduled'; key: string; wait: number; due: number }
  /** `due`: the instant the withdrawn timer was armed for, so a queue can find and drop its delayed delivery. */
  | { type: 'timer.cancelled'; key: string; wait: number; due?: number }
  | { type: 'message.published'; name: string; correlationKey?: string; variables: Record<string, unknown> }
  | { type: 'signal.broadcast'; name: string; variables: Record<string, unknown> }
  | { type: 'child.started'; key: string; childId: string; processId: string; variables: Record<string, unknown> }
  | { type: 'child.cancelled'; childId: string }
  | { type: 'parent.completed'; parent: { instanceId: string; key: string }; variables: Record<string, unknown> }
  | { type: 'parent.errored'; parent: { instanceId: string; key: string }; code?: string; message: string; variables: Record<string, unknown> }
  | { type: 'parent.escalated'; parent: { instanceId: string; key: string }; code?: string; variables: Record<string, unknown> }
  | { type: 'instance.ended'; status: 'completed' | 'terminated' };

/** How a task was completed: the answer, the commit's time, and who (when the caller said). */
export interface TaskCompletion {
  variables: Record<string, unknown>;
  at: number;
  by?: string;
}

/** Every kind of effect, as a record so that the compiler finds one missing. */
const KINDS: Record<EffectBody['type'], true> = {
  'job.created': true, 'job.failed': true, 'job.closed': true, 'job.moved': true,
  'task.created': true, 'task.closed': true, 'task.moved': true, 'task.assigned': true,
  'message.subscribed': true, 'message.unsubscribed': true, 'signal.subscribed': true, 'signal.unsubscribed': true,
  'timer.scheduled': true, 'timer.cancelled': true, 'message.published': true, 'signal.broadcast': true,
  'child.started': true, 'child.cancelled': true, 'parent.completed': true, 'parent.errored': true, 'parent.escalated': true, 'instance.ended': true,
};

/** The names of every kind of effect, for checking names given at run time (a listener's types). */
export const EFFECT_TYPES = Object.keys(KINDS) as ReadonlyArray<EffectBody['type']>;
