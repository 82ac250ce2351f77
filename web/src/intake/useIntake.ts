import { computed, ref } from 'vue';
import type { CaseDetail, CaseRecord, IntakeDraft, ServiceItem } from '../api/types.js';
import type { IdCard } from '../devices/client.js';
import { fetchCase, takeIn } from '../cases/case-api.js';
import type { NoticeEntry } from '../cases/case-view.js';
import type { AcceptanceOutcome } from './acceptance.js';
import { applicantOf, applicantProblems, formOfDraft, missingOf, newForm, receivedOf } from './intake-form.js';
import type { IntakeForm } from './intake-form.js';
import { useWindowStep } from './useWindowStep.js';
import { idNumberProblem } from '../../../api/validation/id-number.js';

/** What the intake came to: the case as it now stands, the notice of the outcome, what did not go through. */
export interface IntakeResult {
  outcome: AcceptanceOutcome['kind'];
  detail: CaseDetail;
  notice?: NoticeEntry;
  problems: string[];
  /** A direct item accepted: decided at the window, from the inbox, without an acceptance notice. */
  onTheSpot?: boolean;
}

/**
 * One intake at the window, from choosing the item to its outcome: the form, the card read into
 * it, and the sequence the outcome runs (take in, upload the materials, complete the acceptance
 * step, wait for its notice).
 */
export function useIntake() {
  const form = ref<IntakeForm>(newForm());
  const card = ref<IdCard>();
  const cardProblem = ref('');
  const showAll = ref(false);
  const result = ref<IntakeResult>();
  const step = useWindowStep();

  const missing = computed(() => (form.value.item ? missingOf(form.value.item, form.value.materials) : []));
  const applicantOk = computed(() => Object.keys(applicantProblems(form.value.applicant)).length === 0);

  function choose(item: ServiceItem): void {
    form.value = { ...form.value, item, materials: Object.fromEntries(item.materials.map((m) => [m.name, form.value.materials[m.name]])) };
  }

  /** Fills the applicant from a card read, after the platform's own check of its number. */
  function fillFromCard(read: IdCard): void {
    cardProblem.value = idNumberProblem(read.idNumber) ? `读取的身份证号码有误：${idNumberProblem(read.idNumber)}` : '';
    card.value = read;
    const a = form.value.applicant;
    form.value.applicant = { ...a, kind: 'person', name: read.name, idNumber: read.idNumber, address: a.address || read.address };
  }

  function resume(draft: IntakeDraft, item: ServiceItem | undefined): void {
    form.value = formOfDraft(draft, item);
    card.value = undefined;
    result.value = undefined;
  }

  function reset(): void {
    form.value = newForm();
    card.value = undefined;
    showAll.value = false;
    result.value = undefined;
  }

  /** Takes the case in and decides acceptance; the case page finishes anything left undone. */
  async function decide(outcome: AcceptanceOutcome): Promise<boolean> {
    showAll.value = true;
    const item = form.value.item;
    if (!item || !applicantOk.value) return false;
    let created: CaseRecord | undefined;
    const done = await step.run(async () => {
      step.progress.value = '正在收件……';
      created = await takeIn({ itemCode: item.code, applicant: applicantOf(form.value.applicant), provided: receivedOf(item, form.value.materials) });
      const problems = await step.uploadAll(created.id, form.value.files);
      step.progress.value = '正在办理受理环节……';
      await step.decide(created, outcome);
      // A direct item (即办件) accepted is decided on the spot: no acceptance notice comes.
      if (outcome.kind === 'accept' && item.mode === 'direct') return { outcome: outcome.kind, detail: await fetchCase(created.id), problems, onTheSpot: true };
      step.progress.value = '正在出具文书……';
      const { detail, notice } = await step.withNotice(created.id, step.noticeKindOf[outcome.kind]);
      return { outcome: outcome.kind, detail, problems, ...(notice ? { notice } : {}) };
    });
    // Taken in, but a later call failed: the case exists, so the clerk gets its number and finishes on its page.
    if (!done && created) result.value = { outcome: outcome.kind, detail: await fetchCase(created.id), problems: [step.failure.value] };
    if (done) result.value = done;
    return Boolean(result.value);
  }

  return { form, card, cardProblem, showAll, result, missing, applicantOk, step, choose, fillFromCard, resume, reset, decide };
}
