import type { CaseLogEntry } from '../cases/types.js';
import type { StoredNotice } from '../notices/store.js';

/** A due date that moved after the case began, why, and whether a notice already printed the old one. */
export interface DateChange {
  at: number;
  field: 'acceptanceDueAt' | 'dueAt' | 'statutoryDueAt';
  from: number | null;
  to: number | null;
  reason: string;
  /** Notices issued before the change that printed the old date: they are not rewritten, the case page says so. */
  printedOn: string[];
}

/** Which notice kinds print which date. */
const PRINTS: Record<DateChange['field'], string[]> = { dueAt: ['acceptance'], statutoryDueAt: ['acceptance'], acceptanceDueAt: [] };

/** The case's moved dates from its log, each with the notices that still show the old date. Pure. */
export function dateChanges(log: readonly CaseLogEntry[], notices: readonly StoredNotice[]): DateChange[] {
  return log.filter((e) => e.action === 'dates-recomputed').flatMap((e) => {
    const changes = (e.detail.changes as Array<Omit<DateChange, 'at' | 'reason' | 'printedOn'>> | undefined) ?? [];
    return changes.map((change) => ({
      ...change, at: e.at, reason: String(e.detail.reason ?? ''),
      printedOn: notices.filter((n) => n.createdAt <= e.at && PRINTS[change.field].includes(n.kind)).map((n) => n.title),
    }));
  });
}
