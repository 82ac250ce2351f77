import type { CaseDetail, CaseRecord } from '../api/types.js';
import type { Instant } from '../format/dates.js';

/** A notice of the case, as the page lists it. */
export interface NoticeEntry {
  id: string;
  kind: string;
  title: string;
  createdAt: Instant;
}

/** A line of the case log. */
export interface LogEntry {
  seq: number;
  at: Instant;
  actorId?: string;
  action: string;
  detail: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The case's notices, whatever else the API adds to each. Pure. */
export function noticesOf(detail: CaseDetail): NoticeEntry[] {
  return detail.notices.filter(isRecord).map((n) => ({ id: String(n.id), kind: String(n.kind), title: String(n.title), createdAt: n.createdAt as Instant }));
}

/** The case's log, oldest first. Pure. */
export function logOf(detail: CaseDetail): LogEntry[] {
  return detail.log.filter(isRecord).map((e) => ({
    seq: Number(e.seq), at: e.at as Instant, action: String(e.action), detail: isRecord(e.detail) ? e.detail : {},
    ...(typeof e.actorId === 'string' ? { actorId: e.actorId } : {}),
  }));
}

/** The open window step of a form (acceptance, correction), if the case has one. Pure. */
export function openStep(record: CaseRecord, formKey: string): CaseRecord['currentSteps'][number] | undefined {
  return record.currentSteps.find((s) => s.formKey === formKey);
}

/** The newest notice of a kind. Pure. */
export function latestNotice(notices: readonly NoticeEntry[], kind: string): NoticeEntry | undefined {
  return notices.filter((n) => n.kind === kind).at(-1);
}
