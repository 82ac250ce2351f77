import { z } from 'zod';
import type { Engine } from '../../engine/index.js';
import type { CaseRecord } from '../cases/types.js';
import { statusNames } from '../cases/status-names.js';
import { timeLeft } from '../time-limits/time-left.js';
import type { LiveCalendar } from '../time-limits/timed-update.js';

/** What GET /cases/:id adds for the case page to read as it stands: the status in words and the working days left. */
export const caseReadingSchema = z.object({
  statusName: z.string(),
  timeLeft: z.object({ acceptanceDueAt: z.number().int(), dueAt: z.number().int(), statutoryDueAt: z.number().int() }).partial()
    .describe('剩余工作日：今天之后到各期限当日（含）的工作日数；期限当日为 0，已超期为负数；办结的办件为空'),
});

/** The status's words and the working days left, with the platform's calendar as it is now. Not pure: reads the clock and refreshes the calendar. */
export async function caseReading(engine: Engine, record: CaseRecord): Promise<z.infer<typeof caseReadingSchema>> {
  const calendar = engine.calendar as LiveCalendar;
  await calendar.refresh();
  return { statusName: statusNames[record.status], timeLeft: timeLeft(record, engine.clock.now(), calendar) };
}
