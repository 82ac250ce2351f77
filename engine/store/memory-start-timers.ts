import type { StartTimer, StartTimerStore } from './start-timers-and-messages.js';

/** The memory store's timer start events, keyed by definition key and start event. */
export class MemoryStartTimers implements StartTimerStore {
  private readonly rows = new Map<string, StartTimer>();

  async armStartTimers(processId: string, version: number, timers: readonly StartTimer[]): Promise<void> {
    const mine = [...this.rows.values()].filter((row) => row.processId === processId);
    if (mine.some((row) => row.version > version)) return;
    for (const row of mine) if (row.version < version) this.rows.delete(rowKey(row.definitionKey, row.startEvent));
    for (const timer of timers) {
      const key = rowKey(timer.definitionKey, timer.startEvent);
      if (!this.rows.has(key)) this.rows.set(key, { ...timer });
    }
  }

  async dueStartTimers(until: number): Promise<StartTimer[]> {
    return [...this.rows.values()].filter((row) => row.due !== null && row.due <= until)
      .sort((a, b) => a.due! - b.due!).map((row) => ({ ...row }));
  }

  async nextStartTimer(): Promise<number | undefined> {
    let next: number | undefined;
    for (const { due } of this.rows.values()) if (due !== null && (next === undefined || due < next)) next = due;
    return next;
  }

  async claimStartTimer(definitionKey: string, startEvent: string, due: number, next: { due: number | null; fired: number }): Promise<boolean> {
    const row = this.rows.get(rowKey(definitionKey, startEvent));
    if (row?.due !== due) return false;
    Object.assign(row, next);
    return true;
  }
}

function rowKey(definitionKey: string, startEvent: string): string {
  return `${definitionKey}\n${startEvent}`;
}
