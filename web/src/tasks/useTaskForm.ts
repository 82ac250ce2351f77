import { ref, shallowRef } from 'vue';
import type { InboxTask } from '../api/types.js';
import { ApiFailure } from '../api/failure.js';
import { completeStep } from '../cases/case-api.js';
import { fetchForm, fetchTask } from './task-api.js';
import { formFor, outcomeKey } from './outcome.js';
import type { FormSchema } from './outcome.js';
import { chineseValidationModule } from './chinese-validation.js';
import { sayInChinese } from './chinese-words.js';

/** What the page needs of a form-js viewer (loaded in its own chunk when a form is opened). */
interface Viewer {
  importSchema(schema: unknown, data?: Record<string, unknown>): Promise<unknown>;
  submit(): { data: Record<string, unknown>; errors: Record<string, unknown> };
  on(event: string, listener: (e: { data: Record<string, unknown> }) => void): void;
  destroy(): void;
}

const words = (err: unknown, fallback: string) => (err instanceof ApiFailure ? err.message : fallback);

/**
 * One step's form: the task from the inbox, its form-js definition from the server, drawn by
 * form-js; the outcome chosen by a button; the answer sent to the step's completion.
 */
export function useTaskForm(taskId: string) {
  const task = ref<InboxTask>();
  const decision = ref<string>();
  const outcome = ref<boolean>();
  const failure = ref('');
  const busy = ref(false);
  /** The form is drawn: the buttons may act. */
  const ready = ref(false);
  const viewer = shallowRef<Viewer>();
  let schema: FormSchema | undefined;
  let data: Record<string, unknown> = {};
  let stopWords: (() => void) | undefined;

  /** Loads the task and its form and draws it in `container`. */
  async function open(container: HTMLElement): Promise<void> {
    try {
      task.value = await fetchTask(taskId);
      if (!task.value) throw new ApiFailure('这项待办不在您的待办中：可能已办理完毕，或已转交他人', 404, 'TASK_NOT_FOUND');
      schema = task.value.form ? await fetchForm(task.value.form) : { components: [] };
      decision.value = outcomeKey(schema);
      const [{ Form }] = await Promise.all([import('@bpmn-io/form-js-viewer'), import('@bpmn-io/form-js-viewer/dist/assets/form-js.css')]);
      // form-js says its field problems and a few words of its own in English; these say them in Chinese.
      viewer.value = new Form({ container, additionalModules: [chineseValidationModule] }) as unknown as Viewer;
      stopWords = sayInChinese(container);
      viewer.value.on('changed', (e) => { data = e.data; });
      await draw();
      ready.value = true;
    } catch (err) {
      failure.value = words(err, '表单未能打开，请稍后再试');
    }
  }

  async function draw(): Promise<void> {
    if (!schema || !viewer.value) return;
    await viewer.value.importSchema(decision.value ? formFor(schema, decision.value, outcome.value) : schema, data);
  }

  /** Chooses the outcome; a no shows the fields its reasons need. */
  async function choose(value: boolean): Promise<void> {
    outcome.value = value;
    await draw();
  }

  /** Checks the form and completes the step; true when done. */
  async function submit(): Promise<boolean> {
    if (!viewer.value || !task.value) return false;
    const { data: answer, errors } = viewer.value.submit();
    if (Object.keys(errors).length > 0) {
      failure.value = '请按提示填写标红的项目';
      return false;
    }
    busy.value = true;
    failure.value = '';
    try {
      await completeStep(task.value.id, decision.value ? { ...answer, [decision.value]: outcome.value } : answer);
      return true;
    } catch (err) {
      failure.value = words(err, '未能提交，请稍后再试');
      return false;
    } finally {
      busy.value = false;
    }
  }

  const close = () => {
    stopWords?.();
    viewer.value?.destroy();
  };
  return { task, decision, outcome, failure, busy, ready, open, choose, submit, close };
}
