import type { CaseLimits } from '../time-limits/limits.js';

/** What a case (办件) is, as the server keeps and shows it. */
export type CaseStatus =
  | 'received' // 收件：已收件，待受理
  | 'correcting' // 补正：一次性告知后等待补正（尚未受理，不计时）
  | 'handling' // 办理中
  | 'suspended' // 特别程序，时限暂停
  | 'refused' // 不予受理 / 不予许可（已报备）
  | 'completed' // 办结
  | 'withdrawn'; // 撤件

/** A case in one of these is over: nothing more is done to it at the window. */
export const CLOSED_STATUSES: readonly CaseStatus[] = ['completed', 'refused', 'withdrawn'];

export interface Applicant {
  kind: 'person' | 'company';
  name: string;
  idNumber?: string;
  creditCode?: string;
  phone: string;
  address?: string;
}

export interface CaseMaterial {
  name: string;
  required: boolean;
  provided: boolean;
  /** The latest scan or electronic copy uploaded for it (the bytes are in yc_materials). */
  file?: { id: string; contentType: string; size: number; uploadedAt: number };
}

/** An open step of the case's process, with the time it is due. */
export interface CaseStep {
  taskId: string;
  name: string;
  /** The process element, and its form, for the rules that give a step its own due date. */
  elementId?: string;
  formKey?: string;
  openedAt?: number;
  /** The step's own limit: its process's (yc:timeLimitDays, working days) or the item's stage limit. */
  limit?: { days: number; unit: 'working-days' | 'days' };
  dueAt?: number;
  /** A correction or special procedure: the case waits on the applicant or on the procedure. */
  stopsClock?: boolean;
  /** Who the step is for, as the process says (the inbox's read model is written from them): its groups, its assignee, its process. */
  candidateGroups?: string[];
  assignee?: string;
  processId?: string;
}

/**
 * A special procedure (特别程序) whose time a limit does not count: §45's stop both limits,
 * the item's own (公示, 现场勘察) only the promised one. Records made before limits had units
 * may say kind 'correction' (a correction is no clock stop: no limit runs before acceptance).
 */
export interface ClockStop {
  kind: 'correction' | 'special-procedure';
  name: string;
  /** The length the applicant was told it takes, if known, in `unit` (working days when absent). */
  days?: number;
  unit?: 'working-days' | 'days';
  /** Which limits it stops (both when absent: what every stop did before). */
  stops?: 'both' | 'promised';
  from: number;
  to?: number;
}

/** A card (红黄牌) raised by a time-limit rule, once per rule and due time. */
export interface Card {
  colour: 'yellow' | 'red';
  at: number;
  /** The rule that raised it (README: Cards) and the due time it watched. */
  rule?: string;
  dueAt?: number;
}

export interface CaseRecord {
  id: string;
  caseNo: string;
  itemCode: string;
  itemName: string;
  orgUnitId: string;
  windowId?: string;
  /** 实施机关: the authority deciding the case, fixed at intake; its notices go out in its name. */
  authorityId?: string;
  status: CaseStatus;
  instanceId?: string;
  /** 首问责任人: the clerk who received the case owns it until it is handed on (a forwarded case: the handling centre's clerk who first takes it up). */
  ownerId?: string;
  /** 查询码: with the case number, the applicant's key to the public tracking page (a column of its own, unique). */
  trackingCode?: string;
  /** 代办后上报: the centre that took the case in for the applicant and gets the result back (a village, for its township). */
  agency?: { unitId: string; clerkId: string; at: number };
  applicant: Applicant;
  materials: CaseMaterial[];
  receivedAt: number;
  /** The limits the case keeps from its item (absent on cases received before they were kept: read from the item). */
  limits?: CaseLimits;
  /** When the last missing material was brought (补正): acceptance is counted from then. */
  materialsCompleteAt?: number;
  /** §32: by when the window must accept or ask once for corrections; past it, the case is accepted by law. */
  acceptanceDueAt?: number;
  /** The 补正 period the one-time notice gave, and when it ends. */
  correction?: { noticeAt: number; days: number; dueAt: number };
  /** 受理: the instant the time limits count from (the day after). */
  acceptedAt?: number;
  /** 'deemed': accepted by law (行政许可法 §32) because no one-time notice came within 5 working days; at: when that was found. */
  acceptance?: { kind: 'deemed'; at: number };
  /** 承诺办结日期: the end of the promised limit, once accepted (moved by stops and extensions, never after the statutory one); absent while stopped without a known end. */
  dueAt?: number;
  /** 法定办结日期: the end of the statutory limit, when the law sets one. */
  statutoryDueAt?: number;
  /** When the approving decision (准予) was made: §44 wants the certificate issued within 10 working days. */
  decidedAt?: number;
  /** Working days of approved extensions (延期), at most the statutory maximum. */
  extendedDays?: number;
  /** Where the case is now: the open steps of its process (and the processes it called). */
  currentSteps: CaseStep[];
  /** When the clock stopped for a special procedure or a correction, if it is stopped. */
  clockStoppedAt?: number;
  /** Every time the clock stopped, with why; shown to the applicant. */
  clockStops?: ClockStop[];
  cards: Card[];
  /** 跑动次数: the applicant's visits to the window for this case. */
  visits: number;
  resultNo?: string;
  version: number;
}

export interface CaseLogEntry {
  seq: number;
  at: number;
  actorId?: string;
  action: string;
  detail: Record<string, unknown>;
}
