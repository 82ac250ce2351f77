/**
 * The platform's service-task handlers, by job type. The embedded demo (`npm start`) passes
 * them to its engine; worker processes load them (`npm run worker`, `--handlers api/job-handlers.ts`).
 * For now one: issuance (出件) numbers the result document of a direct-mode case.
 */
import type { Job, JobHandler } from '../engine/index.js';

export const jobHandlers: Record<string, JobHandler> = {
  'issue-result': (job: Job) => ({ resultNo: `温-${String(job.variables.caseNo)}-证` }),
};
