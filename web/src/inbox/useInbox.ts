import { onBeforeUnmount, ref, watch } from 'vue';
import { ApiFailure } from '../api/failure.js';
import { changeStream, fetchInbox } from './inbox-api.js';
import type { InboxFilter, InboxRow } from './inbox-api.js';
import { compactFilter } from './rows.js';
import type { Tab } from './rows.js';

const PAGE = 50;
const words = (err: unknown, fallback: string) => (err instanceof ApiFailure ? err.message : fallback);

/**
 * The signed-in person's inbox: the tab, the filters, the rows a page at a time, and a change
 * stream (server-sent events) on which the list is read again, so new steps appear without
 * reloading. EventSource reconnects by itself; a ticket gone stale is replaced.
 */
export function useInbox() {
  const tab = ref<Tab>('todo');
  const filter = ref<InboxFilter>({ sort: 'timeLeft' });
  const rows = ref<InboxRow[]>([]);
  const total = ref(0);
  const next = ref<string | null>(null);
  const loading = ref(false);
  const loaded = ref(false);
  const failure = ref('');
  let asked = 0;

  async function refresh(): Promise<void> {
    const mine = ++asked;
    loading.value = true;
    failure.value = '';
    try {
      const page = await fetchInbox({ ...compactFilter(filter.value), tab: tab.value, limit: PAGE });
      if (mine !== asked) return;
      [rows.value, total.value, next.value, loaded.value] = [page.rows, page.total, page.nextCursor, true];
    } catch (err) {
      if (mine === asked) failure.value = words(err, '待办未能读取，请稍后再试');
    } finally {
      if (mine === asked) loading.value = false;
    }
  }

  async function loadMore(): Promise<void> {
    if (!next.value) return;
    const page = await fetchInbox({ ...compactFilter(filter.value), tab: tab.value, limit: PAGE, cursor: next.value }).catch((err: unknown) => {
      failure.value = words(err, '未能读取更多');
    });
    if (page) [rows.value, next.value] = [[...rows.value, ...page.rows], page.nextCursor];
  }

  watch([tab, filter], refresh, { deep: true });

  let source: EventSource | undefined;
  let stopped = false;
  async function follow(): Promise<void> {
    const address = await changeStream().catch(() => undefined);
    if (!address || stopped) return;
    source = new EventSource(address);
    // 'ready' comes on every (re)connection: what changed meanwhile is read then.
    source.addEventListener('ready', () => void refresh());
    source.addEventListener('changed', () => void refresh());
    source.onerror = () => {
      if (source?.readyState !== EventSource.CLOSED) return;
      // Refused (the ticket ended with its session, or was pruned): take a new one a little later.
      setTimeout(() => void follow(), 5000);
    };
  }
  onBeforeUnmount(() => {
    stopped = true;
    source?.close();
  });

  return { tab, filter, rows, total, next, loading, loaded, failure, refresh, loadMore, follow };
}
