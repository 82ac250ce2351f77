import { computed, ref } from 'vue';
import type { CaseDetail, ServiceItem } from '../api/types.js';
import { ApiFailure } from '../api/failure.js';
import { fetchCase, fetchItem, requestExtension, withdrawCase } from './case-api.js';
import { logOf, noticesOf, openStep } from './case-view.js';

const words = (err: unknown, fallback: string) => (err instanceof ApiFailure ? err.message : fallback);

/** One case as its page shows it: the case with its readings, its item's guide, and the clerk's actions on it. */
export function useCase(id: () => string) {
  const detail = ref<CaseDetail>();
  const item = ref<ServiceItem>();
  const failure = ref('');
  const loading = ref(false);

  async function refresh(): Promise<void> {
    loading.value = true;
    try {
      detail.value = await fetchCase(id());
      if (item.value?.code !== detail.value.case.itemCode) item.value = await fetchItem(detail.value.case.itemCode).catch(() => undefined);
      failure.value = '';
    } catch (err) {
      failure.value = words(err, '办件未能读取，请稍后再试');
    } finally {
      loading.value = false;
    }
  }

  /** Runs an action on the case, then reads it again; answers the failure in words, or ''. */
  async function act(action: () => Promise<unknown>, fallback: string): Promise<string> {
    try {
      await action();
      await refresh();
      return '';
    } catch (err) {
      return words(err, fallback);
    }
  }

  const withdraw = (reason: string) => act(() => withdrawCase(id(), reason), '撤件未成功，请稍后再试');
  const extend = (days: number, reason: string) => act(() => requestExtension(id(), days, reason), '延期申请未能提交，请稍后再试');

  const record = computed(() => detail.value?.case);
  const notices = computed(() => (detail.value ? noticesOf(detail.value) : []));
  const log = computed(() => (detail.value ? logOf(detail.value) : []));
  const nameOf = (staffId: string | undefined) => (staffId ? detail.value?.names[staffId] ?? staffId : '系统');
  const acceptanceStep = computed(() => (record.value ? openStep(record.value, 'acceptance') : undefined));
  const correctionStep = computed(() => (record.value ? openStep(record.value, 'correction') : undefined));
  return { detail, item, failure, loading, record, notices, log, acceptanceStep, correctionStep, refresh, withdraw, extend, nameOf };
}
