import type { Knex } from 'knex';
import { endOfLocalDay, localDate } from '../../engine/calendar/index.js';
import type { WorkingCalendar } from '../../engine/calendar/index.js';
import type { CaseRecord } from './types.js';
import { issueNotice, noticesOf } from '../notices/store.js';
import { noticeData, printedDate } from './notice-data.js';
import { periodEnd } from '../time-limits/counting.js';
import { periodText } from '../time-limits/wording.js';
import { CHINA_TIME } from '../calendar/china-time.js';

/**
 * 特别程序告知书 (行政许可法 §45: the applicant is told in writing how long it takes): for
 * each special procedure of the case that has none yet, what it is, how long it takes and
 * until when, which limits leave it out, and the dates as they now stand. A redelivered
 * effect finds the notice issued. Not pure.
 */
export async function specialProcedureNotices(db: Knex, cal: WorkingCalendar, c: CaseRecord, at: number): Promise<void> {
  const stops = (c.clockStops ?? []).filter((s) => s.kind === 'special-procedure');
  const issued = (await noticesOf(db, c.id)).filter((n) => n.kind === 'special-procedure').length;
  for (const stop of stops.slice(issued)) {
    const period = stop.days ? { days: stop.days, unit: stop.unit ?? 'working-days' as const } : undefined;
    const end = period && periodEnd(cal, localDate(CHINA_TIME, stop.from), period, undefined, false);
    await issueNotice(db, c.id, 'special-procedure', {
      ...(await noticeData(db, c, at)), procedureName: stop.name, startDate: printedDate(stop.from),
      length: period ? periodText(period) : '（尚未确定）', ...(end ? { endDate: printedDate(endOfLocalDay(CHINA_TIME, end)) } : {}),
      stopsStatutory: (stop.stops ?? 'both') === 'both',
      ...(c.dueAt ? { promisedDate: printedDate(c.dueAt) } : {}), ...(c.statutoryDueAt ? { statutoryDate: printedDate(c.statutoryDueAt) } : {}),
    }, at, { key: `special-procedure:${stop.from}` });
  }
}
