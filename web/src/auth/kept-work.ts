/**
 * A person's unfinished work a page keeps in this browser tab (sessionStorage) so that a
 * session ending by itself loses nothing (the intake: intake/kept-intake.ts), all under this
 * prefix. A deliberate sign-out forgets it: the person chose to leave, and the next person at
 * the computer should find nothing of it.
 */
export const KEPT_WORK = 'yichuang.kept.';

/** Forgets everything kept under KEPT_WORK in this tab. Writes sessionStorage. */
export function forgetKeptWork(): void {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith(KEPT_WORK)) sessionStorage.removeItem(key);
}

/** Whether this tab keeps some unfinished work (the sign-in page says so after a session ended). Reads sessionStorage. */
export function hasKeptWork(): boolean {
  return Object.keys(sessionStorage).some((key) => key.startsWith(KEPT_WORK));
}
