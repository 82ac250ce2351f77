/** What run.ts asks of a worker process, and what the worker answers over IPC. */
import type { FlatResult } from './flat.js';
import type { RawSqliteResult } from './raw-sqlite.js';
import type { Row } from './report.js';

export const CONTENDERS = ['bpmn-engine memory', 'bpmn-engine recover', 'yichuang memory', 'yichuang sqlite', 'yichuang postgres'] as const;
export type ContenderName = (typeof CONTENDERS)[number];

export type Job =
  | {
    kind: 'contender'; name: ContenderName; instances: number; warmup: number; byteSamples: number; concurrency: number;
    /** Warm-up goes on, `warmup` instances at a time, until this much time has passed. */
    minWarmupMs: number;
    /** The timed phase goes on, `instances` at a time, until this much time has passed. */
    minPhaseMs: number;
  }
  | { kind: 'flat'; instances: number; every: number; concurrency: number; budgetMs: number }
  | { kind: 'raw-sqlite'; seconds: number };

export type WorkerMessage =
  | { type: 'phase'; label: string }
  | { type: 'progress'; steps: number }
  | { type: 'grow'; steps: number }
  | { type: 'rows'; rows: Row[]; notes: string[]; connections?: number }
  | { type: 'flat'; result: FlatResult; notes: string[] }
  | { type: 'raw-sqlite'; result: RawSqliteResult; notes: string[] }
  | { type: 'failed'; error: string; notes: string[] };
