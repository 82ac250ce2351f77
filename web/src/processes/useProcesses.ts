import { ref } from 'vue';
import { ApiFailure } from '../api/failure.js';
import { fetchItemPolicies, fetchProcesses, setItemPolicy } from './process-api.js';
import type { ItemPolicy, ProcessSummary } from './process-api.js';

const words = (err: unknown, fallback: string) => (err instanceof ApiFailure ? err.message : fallback);

/** The processes page's state: the processes with their versions, which flow each item runs, and changing it. */
export function useProcesses() {
  const processes = ref<ProcessSummary[]>([]);
  const policies = ref<ItemPolicy[]>([]);
  const loading = ref(false);
  const failure = ref('');

  async function refresh(): Promise<void> {
    loading.value = true;
    failure.value = '';
    try {
      [processes.value, policies.value] = await Promise.all([fetchProcesses(), fetchItemPolicies()]);
    } catch (err) {
      failure.value = words(err, '流程未能读取，请稍后再试');
    } finally {
      loading.value = false;
    }
  }

  /** Points an item at a process: the newest version (version undefined) or a pinned one. */
  async function choose(code: string, processId: string, version?: number): Promise<void> {
    try {
      const changed = await setItemPolicy(code, processId, version);
      policies.value = policies.value.map((p) => (p.itemCode === code ? changed : p));
    } catch (err) {
      failure.value = words(err, '未能修改事项的流程');
    }
  }

  return { processes, policies, loading, failure, refresh, choose };
}
