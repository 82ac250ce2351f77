import { computed, ref } from 'vue';
import type { ServiceItem } from '../api/types.js';
import { ApiFailure } from '../api/failure.js';
import { fetchItems } from '../cases/case-api.js';
import { findItems } from './item-match.js';

/**
 * Finding the item at the window: by name, code, pinyin or initials (item-match.ts), or by
 * life category. The catalogue has no category field of its own, so the categories are the
 * windows a township centre sets up (温政办〔2017〕40号 二、(五): 户籍, 社保, 宅基地申请 …),
 * which is how the applicant names what they came for.
 */
export function useItemSearch() {
  const items = ref<ServiceItem[]>([]);
  const query = ref('');
  const category = ref('');
  const failure = ref('');
  const loaded = ref(false);

  async function load(): Promise<void> {
    try {
      items.value = await fetchItems();
      loaded.value = true;
    } catch (err) {
      failure.value = err instanceof ApiFailure ? err.message : '事项目录未能读取，请刷新页面重试';
    }
  }

  const categories = computed(() => [...new Set(items.value.map((i) => i.window))]);
  const results = computed(() => findItems(items.value.filter((i) => !category.value || i.window === category.value), query.value));
  const byCode = (code: string) => items.value.find((i) => i.code === code);
  return { items, query, category, categories, results, failure, loaded, load, byCode };
}
