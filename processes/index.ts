/**
 * The handling-mode processes (processes/*.bpmn): which file implements which mode, what a
 * case must pass when it starts one, and the job types and candidate groups the case server
 * serves for them. Pure data, except `processFileUrl`, which only builds a URL.
 */
import type { HandlingMode } from './catalog/types.js';

/** A handling mode, or a sub-process the modes call. */
export type ProcessPurpose = HandlingMode | 'one-time-notice' | 'rejection-filing' | 'time-limit-watch';

export interface ProcessFile {
  file: string;
  implements: ProcessPurpose;
  /** The processes the file deploys; a case starts the first. */
  processIds: readonly string[];
  /** Variables the started process reads; the case server passes them from the case and its item. */
  startVariables: readonly string[];
}

/** Every case passes these; caseId is the correlation key of every message. */
const CASE = ['caseId', 'caseNo', 'itemCode', 'itemName', 'applicant'] as const;

export const processFiles: readonly ProcessFile[] = [
  { file: 'direct.bpmn', implements: 'direct', processIds: ['direct'], startVariables: CASE },
  { file: 'promised.bpmn', implements: 'promised', processIds: ['promised'], startVariables: [...CASE, 'promisedDays'] },
  { file: 'joint.bpmn', implements: 'joint', processIds: ['joint'], startVariables: [...CASE, 'promisedDays', 'departments'] },
  { file: 'coordinate.bpmn', implements: 'coordinate', processIds: ['coordinate'], startVariables: [...CASE, 'promisedDays'] },
  { file: 'report-up.bpmn', implements: 'report-up', processIds: ['report-up-township', 'report-up-county'], startVariables: [...CASE, 'promisedDays'] },
  { file: 'one-time-notice.bpmn', implements: 'one-time-notice', processIds: ['one-time-notice'], startVariables: ['caseId', 'missingMaterials'] },
  { file: 'rejection-filing.bpmn', implements: 'rejection-filing', processIds: ['rejection-filing'], startVariables: ['caseId', 'refusalReason', 'legalBasis'] },
  { file: 'time-limit.bpmn', implements: 'time-limit-watch', processIds: ['time-limit-watch'], startVariables: ['caseId'] },
];

/** The process a case of each mode starts, unless its item names a variant. */
export const processIdForMode: Readonly<Record<HandlingMode, string>> = {
  direct: 'direct',
  promised: 'promised',
  joint: 'joint',
  coordinate: 'coordinate',
  'report-up': 'report-up-township',
};

/** Service-task job types and what the case server's handler does and returns. */
export const jobTypes: Readonly<Record<string, string>> = {
  'acceptance-notice': 'accepts the case unless it was accepted already (at the window, or by law) and prints the 受理通知书 with its dates; returns promisedDate',
  'one-time-notice': 'prints the 一次性告知书 listing every entry of missingMaterials with the 补正 period (correctionDays working days) and its end; returns correctionDueAt, the instant the period is over',
  'issue-result': 'numbers and issues the result at the window (出件), tells the applicant; returns resultNo',
  'refusal-notice': 'prints the 不予受理通知书 or the refusal the item type calls for (不予许可决定书, 不予给付决定书 …) in the deciding authority\'s name, with refusalReason, legalBasis, the remedies and the filing; stops with an incident when the reason or the basis is missing',
  'rejection-filing': 'writes the 否定报备登记表 and sends one copy up a level, before the written refusal; stops with an incident when the reason or the basis is missing',
  'rectification-order': 'records the supervisor\'s order to rectify an unfounded refusal (责任追究)',
  'time-limits': 'for the time-limit watch: the cards of the case (caseId) not raised yet and when each is due (armed: [{ rule, dueAt }]); watching false once the case has closed',
  'raise-card': 'raises card.rule\'s card on the case if it is still due at card.dueAt (README: Cards)',
  'extend-time-limit': 'applies the approved extension (extensionId): both limits grow by its days, the dates are derived again and the cards re-armed',
  'digitize-materials': 'scans the materials into the shared system for the county; returns archiveId',
};

/** User-task candidate groups; the case server narrows each to the case's org unit. */
export const candidateGroups: Readonly<Record<string, string>> = {
  clerk: 'window clerk (窗口工作人员): acceptance, correction, refusal notice, coordination, direct decisions',
  reviewer: 'the centre\'s reviewer: promised-mode review, report-up initial review, special procedures',
  'reviewer:<department>': 'a department\'s reviewers in a joint review, one group per department the item names',
  director: 'the deciding leader: promised-mode and county decisions',
  'authority-head': 'the head (负责人) of the case\'s deciding authority (实施机关), who approves extensions (延期, 行政许可法 §42); for a joint licence, the head of the government at its level',
  'county-reviewer': 'the county department\'s reviewer, in the county inbox',
  supervisor: '审管办 / 监察: reviews every filed refusal',
};

/** Where a process file lies, for reading it. */
export function processFileUrl(file: string): URL {
  return new URL(`./${file}`, import.meta.url);
}

/**
 * Messages the case server sends to a case's instance, correlated by caseId: the window's
 * extension request (with extensionId, extensionDays, extensionReason) opens the director's
 * approval in every mode with a time limit.
 */
export const caseMessages = {
  extensionRequested: 'extension-requested',
  /** The applicant withdraws while the case waits for corrected materials (one-time-notice.bpmn's 撤件). */
  withdrawn: 'case-withdrawn',
} as const;
