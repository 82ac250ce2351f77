/** What can be asked of an instance. The engine turns API calls and effects into these. */
export type Command =
  | { type: 'start'; processId: string; definitionKey: string; variables?: Record<string, unknown>; startEvent?: string; parent?: { instanceId: string; key: string }; businessKey?: string }
  /** `by`: who completed it, when told; a task's 'task.closed' effect says so with the answer, for its followers. */
  | { type: 'complete'; key: string; variables?: Record<string, unknown>; by?: string }
  /** `backoffMs`: the job goes back to workers only after this long (the retry is due at ctx.now + backoffMs). */
  | { type: 'fail'; key: string; retries: number; message: string; backoffMs?: number }
  | { type: 'throwError'; key: string; code: string; message?: string; variables?: Record<string, unknown> }
  /** `due`: fire a timer only if it is still armed for this instant (a late or duplicate delivery finds it re-armed or gone). */
  | { type: 'trigger'; key: string; wait: number; variables?: Record<string, unknown>; due?: number }
  | { type: 'childEnded'; key: string; variables?: Record<string, unknown>; error?: { code?: string; message: string } }
  /** The called process threw an escalation it did not catch: the call activity throws it on (the child goes on). */
  | { type: 'childEscalated'; key: string; code?: string; variables?: Record<string, unknown> }
  /** Variables set from outside the model; `by`: the operator, for the history. */
  | { type: 'setVariables'; scope?: string; variables: Record<string, unknown>; by?: string }
  | { type: 'resolveIncident'; key: string; retries?: number; by?: string }
  | { type: 'incident'; key: string; code: string; message: string }
  | { type: 'migrate'; definitionKey: string; renames: Record<string, string>; by?: string }
  | { type: 'cancel' }
  /** A person takes an open user task as their own (认领). */
  | { type: 'claim'; key: string; assignee: string }
  /** A task goes back to its candidates (退回认领). */
  | { type: 'unclaim'; key: string }
  /** A task handed on to a named person, by whom and why (转交). */
  | { type: 'handOn'; key: string; to: string; by?: string; reason: string };
