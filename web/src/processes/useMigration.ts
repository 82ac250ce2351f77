import { computed, ref } from 'vue';
import { ApiFailure } from '../api/failure.js';
import { fetchVersionSteps, migrate, previewMigration } from './process-api.js';
import type { MigrationLine, StepMapping, VersionStep } from './process-api.js';

const words = (err: unknown, fallback: string) => (err instanceof ApiFailure ? err.message : fallback);

/**
 * Moving the running cases of an older version to the newest: the preview (which cases move,
 * which cannot and why), the mapping of old steps onto new ones where their ids differ (each
 * change previews again), then moving the ones that can.
 */
export function useMigration(processId: string, newest: () => number, afterMove: () => Promise<void>) {
  const from = ref<number>();
  const lines = ref<MigrationLine[]>([]);
  const mapping = ref<StepMapping>({});
  const newSteps = ref<VersionStep[]>([]);
  const failure = ref('');
  const moved = ref<number>();

  /** The old version's steps where its cases are, once each: the rows of the mapping editor. */
  const oldSteps = computed(() => [...new Map(lines.value.flatMap((l) => l.steps).map((s) => [s.elementId, s])).values()]);
  /** The new version's steps a step may map onto: the same kind only (the engine refuses any other). */
  const choicesFor = (step: VersionStep) => newSteps.value.filter((s) => s.kind === step.kind);
  /** Where a step goes now: mapped, else the step of the same id (when the new version has one). */
  const targetOf = (step: VersionStep) => mapping.value[step.elementId] ?? (newSteps.value.some((s) => s.elementId === step.elementId) ? step.elementId : undefined);

  async function ask(version: number): Promise<void> {
    failure.value = '';
    moved.value = undefined;
    try {
      from.value = version;
      mapping.value = {};
      [newSteps.value, lines.value] = await Promise.all([fetchVersionSteps(processId, newest()), previewMigration(processId, version, newest())]);
    } catch (err) {
      failure.value = words(err, '未能预览迁移');
    }
  }

  async function remap(oldId: string, newId: string): Promise<void> {
    const next = { ...mapping.value };
    if (newId === oldId) delete next[oldId];
    else next[oldId] = newId;
    mapping.value = next;
    try {
      lines.value = await previewMigration(processId, from.value!, newest(), next);
    } catch (err) {
      failure.value = words(err, '未能预览迁移');
    }
  }

  async function apply(): Promise<void> {
    try {
      lines.value = await migrate(processId, from.value!, newest(), mapping.value);
      moved.value = lines.value.filter((l) => l.moves).length;
      await afterMove();
    } catch (err) {
      failure.value = words(err, '未能迁移');
    }
  }

  return { from, lines, mapping, newSteps, oldSteps, failure, moved, choicesFor, targetOf, ask, remap, apply };
}
