import type { Period } from './counting.js';

/** A period as a notice or a guide prints it: 20个工作日, 15日. Pure. */
export function periodText(period: Period): string {
  return period.unit === 'days' ? `${period.days}日` : `${period.days}个工作日`;
}
