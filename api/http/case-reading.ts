import { z } from 'zod';
import type { Knex } from 'knex';
import type { Engine } from '../../engine/index.js';
import type { CaseLogEntry, CaseRecord } from '../cases/types.js';
import { statusNames } from '../cases/status-names.js';
import { extensionsOf } from '../cases/extension-store.js';
import { findStaff } from '../org/staff.js';
import { timeLeft } from '../time-limits/time-left.js';
import type { LiveCalendar } from '../time-limits/timed-update.js';
import { extensionSchema } from './schemas.js';

/** What GET /cases/:id adds for the case page to read as it stands. */
export const caseReadingSchema = z.object({
  statusName: z.string(),
  timeLeft: z.object({ acceptanceDueAt: z.number().int(), dueAt: z.number().int(), statutoryDueAt: z.number().int() }).partial()
    .describe('剩余工作日：今天之后到各期限当日（含）的工作日数；期限当日为 0，已超期为负数；办结的办件为空'),
  extensions: z.array(extensionSchema),
  names: z.record(z.string(), z.string()).describe('办理记录、首问责任人和延期申请中出现的工作人员：编号 → 姓名'),
});
export type CaseReading = z.infer<typeof caseReadingSchema>;

/** The staff a case's page names: its owner, whoever acted in its log, asked for or decided an extension. Not pure: reads. */
async function namesOf(db: Knex, ids: ReadonlyArray<string | undefined>): Promise<Record<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const found = await Promise.all(wanted.map(async (id) => [id, (await findStaff(db, id))?.name] as const));
  return Object.fromEntries(found.filter((pair): pair is readonly [string, string] => pair[1] !== undefined));
}

/**
 * The status in words, the working days left (with the platform's calendar as it is now), the
 * extension requests and the names of the staff involved. Not pure: reads the clock, the
 * calendar and the tables.
 */
export async function caseReading(db: Knex, engine: Engine, record: CaseRecord, log: readonly CaseLogEntry[]): Promise<CaseReading> {
  const calendar = engine.calendar as LiveCalendar;
  await calendar.refresh();
  const extensions = await extensionsOf(db, record.id);
  const names = await namesOf(db, [record.ownerId, ...log.map((e) => e.actorId), ...extensions.flatMap((e) => [e.requestedBy, e.decidedBy])]);
  return { statusName: statusNames[record.status], timeLeft: timeLeft(record, engine.clock.now(), calendar), extensions, names };
}
