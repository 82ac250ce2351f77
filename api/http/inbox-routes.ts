import { z } from 'zod';
import type { Knex } from 'knex';
import type { Engine } from '../../engine/index.js';
import { isLocalDate } from '../../engine/calendar/index.js';
import { route } from './routes.js';
import type { AnyRoute } from './routes.js';
import { instant } from './schemas.js';
import { pageQuery } from './paging.js';
import { INBOX_TABS, listInbox } from '../inbox/list.js';
import { TIME_STATES } from '../inbox/time-state.js';
import { viewerOf } from '../inbox/viewer.js';

const person = z.object({ id: z.string(), name: z.string() });
const day = z.string().refine(isLocalDate, '日期格式应为 YYYY-MM-DD，例如 2026-03-02');

/** One row of the inbox page (a step, or a case on the tabs of cases), everything it shows in one answer. */
export const inboxRowSchema = z.object({
  taskId: z.string().nullable().meta({ description: '待办、已办：环节（任务）id；我受理的：该件当前第一个环节；办结：null' }),
  caseId: z.string(), caseNo: z.string(), itemCode: z.string(), itemName: z.string(), applicantName: z.string(),
  mode: z.string().meta({ description: '办理模式：direct 即办、promised 承诺、joint 联办、coordinate 协办、report-up 上报' }),
  stepName: z.string().nullable(), formKey: z.string().nullable(),
  holder: person.nullable().meta({ description: '待办：领办人（指派人，或窗口环节的首问责任人）；其余各页：首问责任人' }),
  candidateGroups: z.array(z.string()),
  takenOverFrom: person.nullable().meta({ description: 'AB岗：本人作为 B 岗代办的缺岗 A 岗人员（已办：当时代其办理的人）' }),
  receivedAt: instant, dueAt: instant.nullable(),
  workingDaysLeft: z.number().int().nullable().meta({ description: '剩余工作日：到期当日为 0，已超期为负数；已办结或无时限为 null' }),
  timeState: z.enum(TIME_STATES).nullable().meta({ description: 'normal 正常；yellow 临近时限（剩一个工作日或当日到期，黄牌）；red 超过承诺时限（红牌）；overdue 超过法定时限' }),
  status: z.enum(['received', 'correcting', 'handling', 'suspended', 'refused', 'completed', 'withdrawn']),
  extension: z.object({ id: z.string(), days: z.number(), reason: z.string(), requestedBy: z.string(), requestedAt: instant }).optional(),
});

const inboxQuery = z.object({
  tab: z.enum(INBOX_TABS).default('todo').meta({ description: 'todo 待办（本人及所在岗位组）；done 已办；mine 我受理的；closed 办结（本单位及下属单位）' }),
  itemCode: z.string().max(40).optional(), mode: z.enum(['direct', 'promised', 'joint', 'coordinate', 'report-up']).optional(),
  applicant: z.string().trim().max(100).optional().meta({ description: '申请人姓名或名称（包含即可）' }),
  caseNo: z.string().trim().max(40).optional(),
  from: day.optional().meta({ description: '收件日期起（含）' }), to: day.optional().meta({ description: '收件日期止（含）' }),
  timeState: z.enum(TIME_STATES).optional(),
  sort: z.enum(['timeLeft', 'receivedAt']).default('timeLeft').meta({ description: 'timeLeft 剩余时限少的在前（无时限的在后）；receivedAt 收件时间新的在前' }),
  ...pageQuery,
});

const workers = ['clerk', 'reviewer', 'director', 'supervisor', 'authority-head'] as const;

/** 我的待办 as its page reads it: four tabs, filters, sort by time left, cursor paging with a total. */
export function inboxRoutes(db: Knex, engine: Engine): AnyRoute[] {
  return [
    route({
      method: 'get', path: '/inbox', summary: '我的待办（待办、已办、我受理的、办结；可筛选、按剩余时限排序、分页）', tags: ['tasks'], roles: workers,
      query: inboxQuery, response: z.object({ rows: z.array(inboxRowSchema), total: z.number().int(), nextCursor: z.string().nullable() }),
      handler: async ({ staff, query }) => listInbox(db, await viewerOf(db, staff!), query, engine.calendar, engine.clock.now()),
    }),
  ];
}
