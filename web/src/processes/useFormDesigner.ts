import { ref, shallowRef } from 'vue';
import { FormEditor } from '@bpmn-io/form-js-editor';
import { ApiFailure } from '../api/failure.js';
import { watchWords } from '../../../modeler/words/watch-words.js';
import { formWord } from '../../../modeler/forms/form-words.js';
import { chineseNewFields } from '../../../modeler/forms/new-field-words.js';
import { chineseWord } from '../tasks/form-js-words.js';
import { fetchDraftForm, saveDraftForm } from './process-api.js';
import type { ProcessForm } from './process-api.js';

const origins: Record<ProcessForm['origin'], string> = {
  draft: '草稿中已设计的表单', version: '已发布版本的表单', platform: '平台自带的表单', new: '新表单（尚无字段）',
};

/** Only the editor's own parts are put in Chinese: a field's label in the form stays as the administrator wrote it. */
const EDITOR_PARTS = [
  '.fjs-palette-container *', '.fjs-properties-container *', '.fjs-empty-editor *', '.fjs-context-pad', '.fjs-context-pad *',
  // What the editor draws over the form: an empty group's and text block's hint, an iFrame's and a document preview's stand-in, a dynamic list's badge.
  '.fjs-empty-component *', '.fjs-form-field-placeholder', '.fjs-form-field-placeholder *', '[class*="-placeholder-text"]', '[class*="-placeholder-text"] *', '.fjs-repeat-render-footer', '.fjs-repeat-render-footer *',
].join(', ');
/** The form itself is drawn as the task page draws it, with the task page's words (a select's 请选择, a table's 上一页). */
const FORM_PARTS = '.fjs-form-container *';

/**
 * 设计表单: the form-js editor (1.23) on a user task's form, opened from the draft (its own
 * design, else its version's or the platform's, else a blank form), saved with the draft; the
 * server checks it as it checks the platform's forms. Not pure: draws into the container.
 */
export function useFormDesigner(processId: string, formKey: string) {
  const editor = shallowRef<FormEditor>();
  const origin = ref('');
  const message = ref('');
  const failure = ref('');
  const busy = ref(false);
  let stopWords: Array<() => void> = [];

  async function open(container: HTMLElement): Promise<void> {
    try {
      const form = await fetchDraftForm(processId, formKey);
      origin.value = origins[form.origin];
      editor.value = new FormEditor({ container });
      chineseNewFields(editor.value.get('fieldFactory'));
      stopWords = [watchWords(container, formWord, EDITOR_PARTS), watchWords(container, chineseWord, FORM_PARTS)];
      await editor.value.importSchema(form.schema as never);
    } catch (err) {
      failure.value = err instanceof ApiFailure ? err.message : `表单未能打开：${(err as Error).message}`;
    }
  }

  async function save(): Promise<boolean> {
    busy.value = true;
    failure.value = '';
    try {
      await saveDraftForm(processId, formKey, editor.value!.saveSchema() as unknown as Record<string, unknown>);
      message.value = '表单已随草稿保存（发布后生效）';
      return true;
    } catch (err) {
      failure.value = err instanceof ApiFailure ? err.message : '表单未能保存';
      return false;
    } finally {
      busy.value = false;
    }
  }

  function destroy(): void {
    stopWords.forEach((stop) => stop());
    editor.value?.destroy();
  }

  return { origin, message, failure, busy, open, save, destroy };
}
