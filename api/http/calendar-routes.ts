import { z } from 'zod';
import type { Knex } from 'knex';
import type { Engine } from '../../engine/index.js';
import { addDays, isLocalDate, localDate } from '../../engine/calendar/index.js';
import { route } from './routes.js';
import type { AnyRoute } from './routes.js';
import { enterArrangement } from '../calendar/enter.js';
import { enteredArrangements } from '../calendar/arrangements.js';
import { calendarWarnings } from '../calendar/warnings.js';
import { enterableYears } from '../calendar/arrangement-check.js';
import { timeContextOf } from '../time-limits/timed-update.js';
import { CHINA_TIME } from '../calendar/china-time.js';

const day = z.object({ date: z.string().max(10).refine(isLocalDate, '请写成 2027-01-01 这样的有效日期'), name: z.string().trim().min(1, '请写明节日名称').max(20) });
const arrangement = z.strictObject({
  holidays: z.array(day).max(60), workdays: z.array(day).max(20).default([]),
  source: z.string().trim().min(2, '请写明依据的文件（如 国办发明电〔2026〕X号）').max(200),
});
const yearParam = (value: string | undefined) => z.coerce.number().int().parse(value);

const status = z.enum(['entered', 'published', 'provisional']);
const yearSchema = z.object({ year: z.number(), status, source: z.string().optional(), enteredBy: z.string().optional(), enteredAt: z.number().optional() });
const warningSchema = z.object({ year: z.number(), message: z.string() });

/** The holiday calendar: what every limit is counted with, and the arrangements administrators enter. */
export function calendarRoutes(db: Knex, engine: Engine): AnyRoute[] {
  const time = () => timeContextOf(db, engine);
  const now = () => engine.clock.now();
  return [
    route({
      method: 'get', path: '/calendar', summary: '节假日安排：各年份的来源（已录入、已发布、暂定）及提醒', tags: ['calendar'], roles: 'any',
      response: z.object({ years: z.array(yearSchema), warnings: z.array(warningSchema) }),
      handler: async () => {
        const { calendar } = time();
        await calendar.refresh();
        const entered = await enteredArrangements(db);
        const [first, last] = enterableYears(localDate(CHINA_TIME, now()));
        const years = Array.from({ length: last - first + 1 }, (_, i) => first + i).map((year) => {
          const e = entered.find((a) => a.year === year);
          return { year, status: calendar.statusOf(year), ...(e ? { source: e.source, enteredBy: e.enteredBy, enteredAt: e.enteredAt } : {}) };
        });
        return { years, warnings: calendarWarnings(localDate(CHINA_TIME, now()), (y) => calendar.statusOf(y)) };
      },
    }),
    route({
      method: 'get', path: '/calendar/:year', summary: '某年的放假日和调休上班日（含来源）', tags: ['calendar'], roles: 'any',
      response: z.object({ year: z.number(), status, days: z.array(z.object({ date: z.string(), working: z.boolean(), name: z.string().optional(), source: z.string() })) }),
      handler: async ({ params }) => {
        const year = yearParam(params.year);
        const { calendar } = time();
        await calendar.refresh();
        const days = [];
        for (let d = `${year}-01-01`; d.startsWith(`${year}-`); d = addDays(d, 1)) {
          const info = calendar.dayInfo(d);
          if (info.source !== 'weekday') days.push(info);
        }
        return { year, status: calendar.statusOf(year), days };
      },
    }),
    route({
      method: 'put', path: '/calendar/:year', summary: '录入某年节假日安排（国务院办公厅通知），并重算在办办件的时限', tags: ['calendar'], roles: ['administrator'],
      body: arrangement, response: z.object({ year: z.number(), revision: z.number(), movedCases: z.array(z.string()) }),
      handler: async ({ params, body, staff }) => {
        const year = yearParam(params.year);
        return { year, ...(await enterArrangement(time(), staff!, year, body, now())) };
      },
    }),
  ];
}
