import { describe, expect, it } from '@jest/globals';
import { chinaCalendar } from '../../../api/calendar/china-calendar.js';
import { remedyDeadlines } from '../../../api/time-limits/remedies.js';

const at = (text: string) => Date.parse(`${text}+08:00`);
const endOf = (day: string) => at(`${day}T23:59:59.999`);

describe('remedy deadlines (复议 60 days, 诉讼 six months)', () => {
  const cal = chinaCalendar();

  it('counts 60 days from the day after delivery and six months to the corresponding day', () => {
    // Delivered Monday 2 March 2026: 60 days end Friday 1 May (劳动节, off) so Wednesday 6 May after the 1–5 May holiday; six months: Wednesday 2 September.
    expect(remedyDeadlines(cal, at('2026-03-02T10:00'))).toEqual({ review: endOf('2026-05-06'), lawsuit: endOf('2026-09-02') });
  });

  it('ends six months from 31 August on the last day of February, moved past the weekend', () => {
    // 2026-08-31 + 6 months: 28 February 2027 (no 31 February), a Sunday: Monday 1 March 2027.
    expect(remedyDeadlines(cal, at('2026-08-31T10:00')).lawsuit).toBe(endOf('2027-03-01'));
  });
});
