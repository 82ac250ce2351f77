/** A unit of work for a worker: a service task (or any job-backed element) waiting to be done. */
export interface Job {
  id: string;
  type: string;
  instanceId: string;
  elementId: string;
  retries: number;
  headers: Record<string, string>;
  /** The variables visible at the element when the job was handed out. */
  variables: Record<string, unknown>;
}

/**
 * A job handler: return variables to complete the job, throw BpmnError for a business error
 * that boundary events may catch, throw anything else for a technical failure (retried,
 * then an incident).
 */
export type JobHandler = (job: Job) => Promise<Record<string, unknown> | void> | Record<string, unknown> | void;

/** A business error, caught by error boundary events and error event sub-processes. */
export class BpmnError extends Error {
  constructor(readonly code: string, message?: string, readonly variables: Record<string, unknown> = {}) {
    super(message ?? `BPMN error ${code}`);
    this.name = 'BpmnError';
  }
}
