/** What a case (办件) is, as the server keeps and shows it. */
export type CaseStatus =
  | 'received' // 收件：已收件，待受理
  | 'correcting' // 补正：一次性告知后等待补正，时限暂停
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
  dueAt?: number;
  /** A correction or special procedure: the time limit does not run while it is open. */
  stopsClock?: boolean;
}

/** A stretch of time not counted toward the limit: a correction (补正) or a special procedure (特别程序). */
export interface ClockStop {
  kind: 'correction' | 'special-procedure';
  name: string;
  /** Working days the applicant was told it takes, if known. */
  days?: number;
  from: number;
  to?: number;
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
  /** 首问责任人: the clerk who received the case owns it until it is handed on. */
  ownerId?: string;
  applicant: Applicant;
  materials: CaseMaterial[];
  receivedAt: number;
  acceptedAt?: number;
  /** 承诺办结日期: the end of the promised working day, once accepted (moved by stops and extensions). */
  dueAt?: number;
  /** 法定办结日期: the end of the statutory limit, when the law sets one in working days. */
  statutoryDueAt?: number;
  /** Working days of approved extensions (延期), at most the statutory maximum. */
  extendedDays?: number;
  /** Where the case is now: the open steps of its process (and the processes it called). */
  currentSteps: CaseStep[];
  /** When the clock stopped for a special procedure or a correction, if it is stopped. */
  clockStoppedAt?: number;
  /** Every time the clock stopped, with why; shown to the applicant. */
  clockStops?: ClockStop[];
  cards: Array<{ colour: 'yellow' | 'red'; at: number }>;
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
