import type { IntakeDraft } from '../api/types.js';
import { begun, draftOf } from './intake-form.js';
import type { IntakeForm } from './intake-form.js';
import { KEPT_WORK } from '../auth/kept-work.js';

/**
 * The intake on the page, kept in this browser tab as the clerk types, so a session that ends
 * in the middle (idle too long, signed out elsewhere) loses nothing: signing in again brings
 * the clerk back to the intake as it was. Per person (another clerk signing in at the same
 * computer sees nothing of it) and in sessionStorage, not localStorage: an applicant's ID
 * number should not stay on a window's computer once the tab is closed. Files are not kept
 * (as in a draft). Saving the draft on the server, or deliberately signing out (auth/kept-work.ts), forgets it.
 */
const PREFIX = `${KEPT_WORK}intake.`;

/** Keeps the form for `staffId`, or forgets it when nothing is begun. Writes sessionStorage. */
export function keepIntake(staffId: string, form: IntakeForm): void {
  if (!begun(form)) return forgetIntake(staffId);
  const kept: IntakeDraft = { ...draftOf(form), id: form.draftId, updatedAt: Date.now() };
  try {
    sessionStorage.setItem(PREFIX + staffId, JSON.stringify(kept));
  } catch {
    // Storage full or refused (a private window): the intake simply is not kept.
  }
}

/** The intake kept for `staffId`, as a draft (the page's own shape for a form put aside). Reads sessionStorage. */
export function keptIntake(staffId: string): IntakeDraft | undefined {
  try {
    const kept = JSON.parse(sessionStorage.getItem(PREFIX + staffId) ?? 'null') as IntakeDraft | null;
    return kept && typeof kept.id === 'string' && typeof kept.applicant === 'object' ? kept : undefined;
  } catch {
    return undefined;
  }
}

export function forgetIntake(staffId: string): void {
  sessionStorage.removeItem(PREFIX + staffId);
}
