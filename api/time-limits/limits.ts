import type { ServiceItem, SpecialProcedure, StepLimit } from '../../processes/catalog/types.js';
import type { Period } from './counting.js';

/**
 * 行政许可法 §45: the procedures whose time no limit counts, the statutory one included
 * (听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审); the applicant is told in writing how long
 * they take.
 */
export const STATUTORY_EXCLUSIONS = ['听证', '招标', '拍卖', '检验', '检测', '检疫', '鉴定', '专家评审'] as const;

/** Which of a case's limits a special procedure stops. */
export type StoppedLimits = 'both' | 'promised' | 'none';

/**
 * What a special procedure stops: nothing when the guide counts its days; both limits for a
 * procedure of §45; else only the promised one (公示, 现场勘察 … are the county's own promise,
 * the law's limit runs on). Pure.
 */
export function stoppedLimits(name: string, countsTowardLimit = false): StoppedLimits {
  if (countsTowardLimit) return 'none';
  return STATUTORY_EXCLUSIONS.some((kind) => name.includes(kind)) ? 'both' : 'promised';
}

/**
 * The limits a case keeps from its item as it was when the case was received, so a later
 * change to the catalog does not move what the applicant was promised.
 */
export interface CaseLimits {
  /** 承诺时限, working days from acceptance. */
  promisedDays: number;
  /** 法定时限, or null when the law sets none. */
  statutory: Period | null;
  specialProcedures: SpecialProcedure[];
  stepLimits: StepLimit[];
}

/** The limits of an item, as a case keeps them. Pure. */
export function limitsOf(item: Pick<ServiceItem, 'promisedDays' | 'statutoryDays' | 'statutoryUnit' | 'specialProcedures' | 'stepLimits'>): CaseLimits {
  return {
    promisedDays: item.promisedDays,
    statutory: item.statutoryDays === null ? null : { days: item.statutoryDays, unit: item.statutoryUnit ?? 'working-days' },
    specialProcedures: item.specialProcedures,
    stepLimits: item.stepLimits ?? [],
  };
}

/**
 * What is wrong with an item's limits, for the catalog to refuse it: a promise longer than the
 * law allows, or stages that cannot fit in the promise one after another. A stage in days is
 * counted as that many working days, the most it can hold, so what passes always fits. Pure.
 */
export function limitProblems(item: Pick<ServiceItem, 'name' | 'promisedDays' | 'statutoryDays' | 'statutoryUnit' | 'stepLimits'>): Array<{ field: string; problem: string }> {
  const problems: Array<{ field: string; problem: string }> = [];
  const statutory = item.statutoryDays;
  // A limit in days holds about 5 working days a week; over a long holiday fewer, and the promised date is then held to the statutory one when counted.
  const statutoryWorkingDays = statutory === null ? null : item.statutoryUnit === 'days' ? Math.floor((statutory * 5) / 7) : statutory;
  if (statutoryWorkingDays !== null && item.promisedDays > statutoryWorkingDays) {
    problems.push({ field: 'promisedDays', problem: `「${item.name}」承诺 ${item.promisedDays} 个工作日，超过法定时限 ${statutory}${item.statutoryUnit === 'days' ? '日' : '个工作日'}` });
  }
  const stages = item.stepLimits ?? [];
  const total = stages.reduce((sum, s) => sum + s.days, 0);
  if (total > item.promisedDays) {
    problems.push({ field: 'stepLimits', problem: `「${item.name}」各环节时限合计 ${total} 天（${stages.map((s) => `${s.name}${s.days}`).join('+')}），超出承诺时限 ${item.promisedDays} 个工作日` });
  }
  return problems;
}
