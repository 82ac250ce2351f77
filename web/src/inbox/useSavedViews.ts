import { ref } from 'vue';
import { ElMessage } from 'element-plus';
import { ApiFailure } from '../api/failure.js';
import { deleteView, fetchViews, saveView } from './inbox-api.js';
import type { InboxFilter, InboxView } from './inbox-api.js';
import { compactFilter } from './rows.js';

/** 我的视图: the person's saved filters, kept on the server. */
export function useSavedViews() {
  const views = ref<InboxView[]>([]);

  async function load(): Promise<void> {
    views.value = await fetchViews().catch(() => []);
  }

  async function save(name: string, filter: InboxFilter): Promise<void> {
    try {
      await saveView(name, compactFilter(filter));
      ElMessage.success(`视图「${name}」已保存`);
      await load();
    } catch (err) {
      ElMessage.error(err instanceof ApiFailure ? err.message : '视图未能保存');
    }
  }

  async function remove(view: InboxView): Promise<void> {
    await deleteView(view.id).catch(() => undefined);
    await load();
  }

  return { views, load, save, remove };
}
