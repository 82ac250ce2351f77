import { ref } from 'vue';
import { ElMessage } from 'element-plus';
import { ApiFailure } from '../api/failure.js';
import { claimTask, handOnTargets, handOnTask, unclaimTask } from './inbox-api.js';
import type { InboxRow } from './inbox-api.js';

const words = (err: unknown, fallback: string) => (err instanceof ApiFailure ? err.message : fallback);

/** Claiming, giving back and handing on a step from the inbox; `done` re-reads the list after each. */
export function useTaskHolding(done: () => Promise<void>) {
  const handing = ref<InboxRow>();
  const colleagues = ref<Array<{ id: string; name: string }>>([]);
  const failure = ref('');

  async function act(work: () => Promise<unknown>, said: string): Promise<boolean> {
    failure.value = '';
    try {
      await work();
      ElMessage.success(said);
      await done();
      return true;
    } catch (err) {
      failure.value = words(err, '未能完成，请稍后再试');
      ElMessage.error(failure.value);
      return false;
    }
  }

  const claim = (row: InboxRow) => act(() => claimTask(row.taskId!), `已认领：${row.caseNo}`);
  const unclaim = (row: InboxRow) => act(() => unclaimTask(row.taskId!), `已退回本岗：${row.caseNo}`);

  /** Opens the hand-on dialog for a row, with the colleagues who may take it. */
  async function startHandOn(row: InboxRow): Promise<void> {
    failure.value = '';
    colleagues.value = await handOnTargets(row.taskId!).catch((err: unknown) => {
      failure.value = words(err, '未能读取可转交的同事');
      return [];
    });
    handing.value = row;
  }

  async function handOn(toStaffId: string, reason: string): Promise<void> {
    const row = handing.value;
    if (!row) return;
    const name = colleagues.value.find((c) => c.id === toStaffId)?.name ?? '同事';
    if (await act(() => handOnTask(row.taskId!, toStaffId, reason), `已转交${name}：${row.caseNo}`)) handing.value = undefined;
  }

  return { handing, colleagues, failure, claim, unclaim, startHandOn, handOn };
}
