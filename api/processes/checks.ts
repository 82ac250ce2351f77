import type { DraftCheck } from './validation.js';

/** The checks a draft passes besides the engine's own before it is deployed. */
export const draftChecks: readonly DraftCheck[] = [];
