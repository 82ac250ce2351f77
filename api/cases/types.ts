/** What a case (办件) is, as the server keeps and shows it. */
export type CaseStatus =
  | 'received' // 收件：已收件，待受理
  | 'correcting' // 补正：一次性告知后等待补正，时限暂停
  | 'handling' // 办理中
  | 'suspended' // 特别程序，时限暂停
  | 'refused' // 不予受理 / 不予许可（已报备）
  | 'completed' // 办结
  | 'withdrawn'; // 撤件

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
}

export interface CaseRecord {
  id: string;
  caseNo: string;
  itemCode: string;
  itemName: string;
  orgUnitId: string;
  windowId?: string;
  status: CaseStatus;
  instanceId?: string;
  /** 首问责任人: the clerk who received the case owns it until it is handed on. */
  ownerId?: string;
  applicant: Applicant;
  materials: CaseMaterial[];
  receivedAt: number;
  acceptedAt?: number;
  /** 承诺办结日期: the end of the promised working day, once accepted. */
  dueAt?: number;
  /** Where the case is now: the open steps of its process (and the processes it called). */
  currentSteps: Array<{ taskId: string; name: string }>;
  /** When the clock stopped for a special procedure or a correction, if it is stopped. */
  clockStoppedAt?: number;
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
