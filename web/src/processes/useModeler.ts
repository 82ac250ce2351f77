import { ref, shallowRef } from 'vue';
import type Modeler from 'bpmn-js/lib/Modeler';
import { ApiFailure } from '../api/failure.js';
import { createProcessModeler } from '../../../modeler/create-modeler.js';
import { deployedWords } from './words.js';
import { deployDraft, fetchDraft, fetchProcesses, fetchVersionXml, saveDraft } from './process-api.js';
import type { ProcessDraft } from './process-api.js';

interface LintIssue { id: string; message: string; category: string }
interface EventBus { on(event: string, callback: (event: { issues: Record<string, LintIssue[]> }) => void): void }

const words = (err: unknown, fallback: string) => (err instanceof ApiFailure ? [err.message, ...err.fields.map((f) => `${f.field}：${f.problem}`)].join('\n') : fallback);

/**
 * The modeler page's state: the process opened (its draft if one is kept, else the newest
 * version), the lint problems shown on the diagram, saving the draft and deploying it. Deploy
 * is blocked while lint reports an error; the server checks again.
 */
export function useModeler(processId: string) {
  const modeler = shallowRef<Modeler>();
  const draft = ref<ProcessDraft>();
  const baseVersion = ref(0);
  const problems = ref<Array<{ elementId: string; message: string }>>([]);
  const busy = ref(false);
  /** Until the diagram is imported and linted once, nothing may be saved or deployed (the checks have not run). */
  const ready = ref(false);
  const message = ref('');
  const failure = ref('');

  async function open(canvas: HTMLElement, panel: HTMLElement): Promise<void> {
    modeler.value = createProcessModeler(canvas, panel);
    modeler.value.get<EventBus>('eventBus').on('linting.completed', ({ issues }) => {
      ready.value = true;
      problems.value = Object.entries(issues).flatMap(([elementId, list]) => list.filter((i) => i.category === 'error').map((i) => ({ elementId, message: i.message })));
    });
    try {
      const process = (await fetchProcesses()).find((p) => p.processId === processId);
      baseVersion.value = process?.versions[0]?.version ?? 0;
      draft.value = process?.draft ? await fetchDraft(processId) : undefined;
      const xml = draft.value?.xml ?? await fetchVersionXml(processId, baseVersion.value);
      await modeler.value.importXML(xml);
      (modeler.value.get('canvas') as { zoom(level: string): void }).zoom('fit-viewport');
    } catch (err) {
      failure.value = words(err, '流程未能打开');
    }
  }

  async function currentXml(): Promise<string> {
    return (await modeler.value!.saveXML({ format: true })).xml ?? '';
  }

  async function save(): Promise<boolean> {
    if (!ready.value) return false;
    busy.value = true;
    failure.value = '';
    try {
      draft.value = await saveDraft(processId, await currentXml());
      message.value = '草稿已保存（尚未发布）';
      return true;
    } catch (err) {
      failure.value = words(err, '草稿未能保存');
      return false;
    } finally {
      busy.value = false;
    }
  }

  async function deploy(): Promise<void> {
    if (!ready.value) return;
    if (problems.value.length > 0) {
      failure.value = `还有 ${problems.value.length} 处错误，改正后才能发布`;
      return;
    }
    if (!(await save())) return;
    busy.value = true;
    try {
      const deployed = await deployDraft(processId);
      baseVersion.value = deployed.version;
      draft.value = undefined;
      message.value = deployedWords(deployed);
    } catch (err) {
      failure.value = words(err, '未能发布');
    } finally {
      busy.value = false;
    }
  }

  /** Opens a BPMN file from this computer (drawn in Camunda Modeler, say) in place of what is open; nothing is saved yet. */
  async function importFile(file: File): Promise<void> {
    failure.value = '';
    try {
      await modeler.value!.importXML(await file.text());
      message.value = `已打开文件 ${file.name}（尚未保存）`;
    } catch (err) {
      failure.value = `文件不是可读的 BPMN：${(err as Error).message}`;
    }
  }

  /** The diagram as it stands, as a .bpmn file to keep or open elsewhere. */
  async function download(): Promise<void> {
    const url = URL.createObjectURL(new Blob([await currentXml()], { type: 'application/xml' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: `${processId}.bpmn` });
    link.click();
    URL.revokeObjectURL(url);
  }

  const destroy = () => modeler.value?.destroy();
  return { modeler, draft, baseVersion, problems, busy, ready, message, failure, open, save, deploy, importFile, download, destroy };
}
