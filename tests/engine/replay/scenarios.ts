import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command, HistorySeal } from '../../../engine/index.js';

/**
 * One recorded run: a process, the commands given at which times, and what came of them, as the
 * engine of one history format (`format`) wrote it. `stored` is the history as a store keeps it:
 * each event's hash (chained from GENESIS, SHA-256), and seals over chain heads signed by a key
 * made for the recording, whose public half is kept beside them.
 */
export interface Recording {
  name: string;
  format: number;
  file: string;
  processId: string;
  commands: Array<{ now: number; command: Command }>;
  events: unknown[];
  final: unknown;
  stored: { hashes: string[]; publicKey: string; seals: HistorySeal[] };
}

/** A step of a scenario: act on the open item at an element, or fire its first timer. */
export type Act =
  | { complete: string; variables?: Record<string, unknown> }
  | { fireTimerOf: string }
  | { claim: string; assignee: string }
  | { unclaim: string }
  | { handOn: string; to: string; by: string; reason: string }
  /** A worker gives up on the job at an element, leaving it `retries` more tries. */
  | { fail: string; retries: number; message: string; backoffMs?: number }
  /** An operator resolves the incident at an element. */
  | { resolve: string; retries?: number; by?: string }
  /** An operator sets variables on the instance. */
  | { setVariables: Record<string, unknown>; by?: string }
  /** The instance moves to another version of its process (same elements here). */
  | { migrate: string; by?: string };

export interface Scenario {
  name: string;
  file: string;
  processId: string;
  variables: Record<string, unknown>;
  acts: Act[];
}

const root = fileURLToPath(new URL('../../../', import.meta.url));
export const readProcess = (file: string) => readFileSync(`${root}${file}`, 'utf8');

/** The scenarios whose histories are recorded and must replay identically forever after. */
export const scenarios: Scenario[] = [
  {
    name: 'direct-approved', file: 'tests/engine/replay/direct.bpmn', processId: 'direct',
    variables: { caseNo: '2026-0001', applicant: '王芳' },
    acts: [{ complete: 'accept', variables: { accepted: true } }, { complete: 'decide', variables: { approved: true } }, { complete: 'issue', variables: { resultNo: 'R-1' } }],
  },
  {
    name: 'direct-refused', file: 'tests/engine/replay/direct.bpmn', processId: 'direct',
    variables: { caseNo: '2026-0002', applicant: '李明' },
    acts: [{ complete: 'accept', variables: { accepted: true } }, { complete: 'decide', variables: { approved: false, reason: '材料不符合法定形式' } }, { complete: 'notify_refusal' }],
  },
  {
    name: 'joint-with-reminder', file: 'tests/engine/replay/joint.bpmn', processId: 'joint',
    variables: { departments: ['自然资源', '农业农村', '住建'] },
    acts: [
      { complete: 'accept' }, { fireTimerOf: 'review' },
      { complete: 'review', variables: { opinion: 'ok-1' } }, { complete: 'review', variables: { opinion: 'ok-2' } },
      { complete: 'review', variables: { opinion: 'ok-3' } }, { complete: 'remind' }, { complete: 'issue' },
    ],
  },
  {
    name: 'direct-claimed-and-handed-on', file: 'tests/engine/replay/direct.bpmn', processId: 'direct',
    variables: { caseNo: '2026-0003', applicant: '赵敏' },
    acts: [
      { claim: 'accept', assignee: 'clerk-a' }, { unclaim: 'accept' }, { claim: 'accept', assignee: 'clerk-b' },
      { handOn: 'accept', to: 'clerk-c', by: 'clerk-b', reason: '临时外出' }, { complete: 'accept', variables: { accepted: true } },
      { complete: 'decide', variables: { approved: true } }, { complete: 'issue', variables: { resultNo: 'R-3' } },
    ],
  },
  {
    name: 'direct-operated', file: 'tests/engine/replay/direct.bpmn', processId: 'direct',
    variables: { caseNo: '2026-0004', applicant: '孙丽' },
    acts: [
      { complete: 'accept', variables: { accepted: true } }, { complete: 'decide', variables: { approved: true } },
      { fail: 'issue', retries: 1, message: '证照库超时', backoffMs: 60_000 }, { fail: 'issue', retries: 0, message: '证照库不可用' },
      { resolve: 'issue', retries: 2, by: 'ops-1' }, { setVariables: { resultNo: 'R-4', note: '人工补录文号' }, by: 'ops-1' },
      { migrate: 'direct:2', by: 'admin-1' }, { complete: 'issue' },
    ],
  },
];
