import { ref, watch } from 'vue';
import type { Ref } from 'vue';
import type { IntakeDraft } from '../api/types.js';
import { useSession } from '../auth/useSession.js';
import { forgetIntake, keepIntake, keptIntake } from './kept-intake.js';
import type { IntakeForm } from './intake-form.js';

/**
 * Keeps the signed-in clerk's intake in this tab while it is being typed, forgets it once the
 * intake has its outcome or is saved as a draft, and gives it back after a new sign-in (`take`, once, at the page's
 * start). `restored` says the page shows an intake brought back.
 */
export function useKeptIntake(form: Ref<IntakeForm>, done: Ref<unknown>) {
  const staffId = useSession().staff?.id;
  const restored = ref(false);
  if (staffId) {
    watch(form, (now) => { if (!done.value) keepIntake(staffId, now); }, { deep: true });
    watch(done, (outcome) => { if (outcome) forgetIntake(staffId); });
  }

  /** The intake kept before the session ended, if any (the page resumes it as it resumes a draft). */
  function take(): IntakeDraft | undefined {
    const kept = staffId ? keptIntake(staffId) : undefined;
    restored.value = Boolean(kept);
    return kept;
  }

  /** The intake is safe elsewhere (saved as a draft on the server): nothing to keep here until it changes again. */
  function forget(): void {
    if (staffId) forgetIntake(staffId);
  }

  return { restored, take, forget };
}
