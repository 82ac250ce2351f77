import { ref } from 'vue';
import type { CaseDetail, CaseRecord } from '../api/types.js';
import { ApiFailure } from '../api/failure.js';
import { completeStep, fetchCase, uploadMaterial } from '../cases/case-api.js';
import { latestNotice, noticesOf, openStep } from '../cases/case-view.js';
import type { NoticeEntry } from '../cases/case-view.js';
import type { AcceptanceOutcome } from './acceptance.js';
import { acceptanceVariables, noticeKindOf } from './acceptance.js';

const words = (err: unknown, fallback: string) => (err instanceof ApiFailure ? err.message : fallback);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The window's own steps of a case, done from the page: uploading materials, the acceptance
 * step's three outcomes, the correction step; then waiting for the notice the step prints.
 * `progress` says what is happening, `failure` what went wrong, in words.
 */
export function useWindowStep() {
  const busy = ref(false);
  const progress = ref('');
  const failure = ref('');

  /** Uploads each file as its material's scan; answers the names that failed, with why. */
  async function uploadAll(caseId: string, files: Record<string, File>): Promise<string[]> {
    const failed: string[] = [];
    for (const [name, file] of Object.entries(files)) {
      progress.value = `正在上传「${name}」……`;
      await uploadMaterial(caseId, name, file).catch((err: unknown) => failed.push(`「${name}」：${words(err, '上传未成功')}`));
    }
    return failed;
  }

  /** Completes the case's open step of a form with these variables. */
  async function complete(record: CaseRecord, formKey: string, variables: Record<string, unknown>): Promise<CaseRecord> {
    const step = openStep(record, formKey);
    if (!step) throw new ApiFailure('此办件当前没有待办的这一环节，请刷新后查看', 409, 'STEP_NOT_OPEN');
    return completeStep(step.taskId, variables);
  }

  /**
   * The acceptance step with an outcome: 受理, 一次性告知补正, or 不予受理. Refusing goes on at
   * once to the window's next step, telling the applicant the reasons (告知不予理由) in writing,
   * which prints the 不予受理通知书 with the reasons just given.
   */
  async function decide(record: CaseRecord, outcome: AcceptanceOutcome): Promise<CaseRecord> {
    const after = await complete(record, 'acceptance', acceptanceVariables(outcome));
    if (outcome.kind !== 'refuse') return after;
    const now = openStep(after, 'refusal') ? after : (await fetchCase(record.id)).case;
    return complete(now, 'refusal', { notifiedInWriting: true });
  }

  /**
   * The case once the notice of the outcome is issued (printed by a job: right away embedded,
   * a moment later with workers), looking for up to 10 seconds.
   */
  async function withNotice(caseId: string, kind: string, after = 0): Promise<{ detail: CaseDetail; notice?: NoticeEntry }> {
    for (let tries = 0; ; tries++) {
      const detail = await fetchCase(caseId);
      const notice = latestNotice(noticesOf(detail), kind);
      if ((notice && noticesOf(detail).length > after) || tries >= 20) return { detail, ...(notice ? { notice } : {}) };
      await pause(500);
    }
  }

  /** Runs a sequence of calls as one action of the page, with its failure in words. */
  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    busy.value = true;
    failure.value = '';
    try {
      return await action();
    } catch (err) {
      failure.value = words(err, '操作未成功，请稍后再试');
      return undefined;
    } finally {
      busy.value = false;
      progress.value = '';
    }
  }

  return { busy, progress, failure, uploadAll, complete, decide, withNotice, run, noticeKindOf };
}
