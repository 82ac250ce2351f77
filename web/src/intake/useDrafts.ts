import { ref } from 'vue';
import { api, unwrap } from '../api/client.js';
import type { IntakeDraft } from '../api/types.js';
import { ApiFailure } from '../api/failure.js';
import type { IntakeForm } from './intake-form.js';
import { draftOf } from './intake-form.js';

const words = (err: unknown, fallback: string) => (err instanceof ApiFailure ? err.message : fallback);

/** The clerk's unfinished intakes kept on the server (暂存件): listing, saving, deleting. */
export function useDrafts() {
  const drafts = ref<IntakeDraft[]>([]);
  const failure = ref('');

  async function refresh(): Promise<void> {
    try {
      drafts.value = await unwrap(api.GET('/api/v1/intake-drafts'));
    } catch (err) {
      failure.value = words(err, '暂存的草稿未能读取');
    }
  }

  /** Saves the form as its draft; true when saved. */
  async function save(form: IntakeForm): Promise<boolean> {
    failure.value = '';
    try {
      await unwrap(api.PUT('/api/v1/intake-drafts/{id}', { params: { path: { id: form.draftId } }, body: draftOf(form) }));
      await refresh();
      return true;
    } catch (err) {
      failure.value = words(err, '草稿未能保存，请重试');
      return false;
    }
  }

  /** Deletes a draft; one already gone is fine (the intake it was for is done). */
  async function remove(id: string): Promise<void> {
    await unwrap(api.DELETE('/api/v1/intake-drafts/{id}', { params: { path: { id } } })).catch((err: unknown) => {
      if (!(err instanceof ApiFailure && err.status === 404)) failure.value = words(err, '草稿未能删除');
    });
    await refresh();
  }

  return { drafts, failure, refresh, save, remove };
}
