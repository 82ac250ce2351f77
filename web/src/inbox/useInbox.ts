import { ref } from 'vue';
import { api, unwrap } from '../api/client.js';
import { ApiFailure } from '../api/failure.js';
import { byDueDate, toRow } from './rows.js';
import type { InboxRow } from './rows.js';

/** The signed-in person's inbox: the rows, whether it is loading, and what went wrong in words. */
export function useInbox() {
  const rows = ref<InboxRow[]>([]);
  const loading = ref(false);
  const loaded = ref(false);
  const failure = ref('');

  async function refresh(): Promise<void> {
    loading.value = true;
    failure.value = '';
    try {
      rows.value = (await unwrap(api.GET('/api/v1/tasks'))).map(toRow).sort(byDueDate);
      loaded.value = true;
    } catch (err) {
      failure.value = err instanceof ApiFailure ? err.message : '待办未能读取，请稍后再试';
    } finally {
      loading.value = false;
    }
  }

  return { rows, loading, loaded, failure, refresh };
}
