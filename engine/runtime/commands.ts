/** What can be asked of an instance. The engine turns API calls and effects into these. */
export type Command =
  | { type: 'start'; processId: string; definitionKey: string; variables?: Record<string, unknown>; startEvent?: string; parent?: { instanceId: string; key: string }; businessKey?: string }
  | { type: 'complete'; key: string; variables?: Record<string, unknown> }
  | { type: 'fail'; key: string; retries: number; message: string }
  | { type: 'throwError'; key: string; code: string; message?: string; variables?: Record<string, unknown> }
  | { type: 'trigger'; key: string; wait: number; variables?: Record<string, unknown> }
  | { type: 'childEnded'; key: string; variables?: Record<string, unknown>; error?: { code?: string; message: string } }
  | { type: 'setVariables'; scope?: string; variables: Record<string, unknown> }
  | { type: 'resolveIncident'; key: string; retries?: number }
  | { type: 'incident'; key: string; code: string; message: string }
  | { type: 'cancel' };
