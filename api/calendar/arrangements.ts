import type { Knex } from 'knex';
import type { EnteredArrangement } from './china-calendar.js';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The revision of the entered arrangements: raised by every change, 0 before the first. */
export async function arrangementsRevision(db: Knex): Promise<number> {
  const row = await db('yc_calendar_years').max({ revision: 'revision' }).first();
  return Number(row?.revision ?? 0);
}

/** Every entered arrangement, with who entered it, when and from which notice. */
export async function enteredArrangements(db: Knex): Promise<Array<EnteredArrangement & { source: string; revision: number }>> {
  const years = await db('yc_calendar_years').orderBy('year');
  const days = await db('yc_calendar_days').orderBy('date');
  return years.map((y: Row) => {
    const of = (working: boolean) => days.filter((d: Row) => d.year === y.year && Boolean(d.working) === working).map((d: Row) => ({ date: d.date as string, name: d.name as string }));
    return {
      year: y.year, holidays: of(false), workdays: of(true), source: y.source, revision: y.revision,
      enteredBy: y.entered_by, enteredAt: Number(y.entered_at),
    };
  });
}

/**
 * Replaces a year's arrangement in the caller's transaction and raises the revision, so every
 * process reads the new one at its next unit of work. Two administrators entering at once: the
 * revision is unique, so one of them fails and nothing of theirs is written. Not pure.
 */
export async function saveArrangement(trx: Knex.Transaction, a: EnteredArrangement & { source: string; enteredBy: string; enteredAt: number }): Promise<number> {
  const revision = (await arrangementsRevision(trx)) + 1;
  await trx('yc_calendar_days').where({ year: a.year }).delete();
  await trx('yc_calendar_years').where({ year: a.year }).delete();
  await trx('yc_calendar_years').insert({ year: a.year, revision, source: a.source, entered_by: a.enteredBy, entered_at: a.enteredAt });
  const rows = [...a.holidays.map((d) => ({ ...d, working: false })), ...a.workdays.map((d) => ({ ...d, working: true }))];
  if (rows.length > 0) await trx('yc_calendar_days').insert(rows.map((d) => ({ date: d.date, year: a.year, working: d.working, name: d.name })));
  return revision;
}
