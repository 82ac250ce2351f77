import type { Knex } from 'knex';
import type { DayInfo, LocalDate } from '../../engine/calendar/index.js';
import type { ArrangementStatus, ChinaCalendar } from './china-calendar.js';
import { chinaCalendar } from './china-calendar.js';
import { arrangementsRevision, enteredArrangements } from './arrangements.js';
import { CHINA_TIME } from './china-time.js';

/** Days whose answers a calendar keeps: some ten years. */
const KEPT_DAYS = 4000;

/**
 * The platform's working calendar: the China calendar over the arrangements entered in the
 * database. Every process (the api, each worker) holds one and calls `refresh()` at the start
 * of each unit of work that computes a date (a request, a job, a followed effect): one small
 * read tells whether another process entered an arrangement since, and the new one is loaded
 * then, so all of them count with the same calendar, not a copy taken at start. `dayInfo`
 * stays synchronous, as the engine's calendar port wants.
 */
export class PlatformCalendar implements ChinaCalendar {
  private calendar: ChinaCalendar = chinaCalendar();
  private revision = -1;
  readonly timeZone = CHINA_TIME;

  constructor(private readonly db: Knex) {}

  dayInfo(day: LocalDate): DayInfo {
    // Every inbox row counts its working days left day by day, and the China calendar's answer for a day is slow to
    // make (chinese-days formats dates): kept per day until the arrangements change.
    let info = this.days.get(day);
    if (!info) {
      info = this.calendar.dayInfo(day);
      if (this.days.size >= KEPT_DAYS) this.days.clear();
      this.days.set(day, info);
    }
    return info;
  }

  private days = new Map<LocalDate, DayInfo>();

  statusOf(year: number): ArrangementStatus {
    return this.calendar.statusOf(year);
  }

  /**
   * Loads the arrangements again when their revision moved (revisions only grow, so of two
   * loads racing, the newer wins). Units of work that ask while a look is on its way share it:
   * it started a round trip ago at most. Not pure: it reads the database.
   */
  refresh(): Promise<void> {
    this.looking ??= this.look().finally(() => { this.looking = undefined; });
    return this.looking;
  }

  private looking: Promise<void> | undefined;

  private async look(): Promise<void> {
    const revision = await arrangementsRevision(this.db);
    if (revision <= this.revision) return;
    const entered = await enteredArrangements(this.db);
    if (revision <= this.revision) return;
    this.calendar = chinaCalendar(entered);
    this.days = new Map();
    this.revision = revision;
  }

  /**
   * Refreshes every `ms` in the background, for what the engine counts on its own (timers in
   * working days); returns the function that stops it. Not pure.
   */
  keepFresh(ms = 5_000): () => void {
    const timer = setInterval(() => { this.refresh().catch(() => undefined); }, ms);
    timer.unref();
    return () => clearInterval(timer);
  }
}
