import { z } from 'zod';

/**
 * The inbox's filters and order, as GET /inbox takes them in its query and a saved view keeps
 * them: every field optional, dates as China's calendar dates.
 */
export const inboxFilterSchema = z.strictObject({
  tab: z.enum(['todo', 'done', 'mine', 'closed']).optional(),
  itemCode: z.string().max(40).optional(),
  mode: z.enum(['direct', 'promised', 'joint', 'coordinate', 'report-up']).optional(),
  applicant: z.string().max(100).optional(),
  caseNo: z.string().max(60).optional(),
  from: z.string().regex(/^\d{4}-\d\d-\d\d$/, '日期应为 YYYY-MM-DD').optional(),
  to: z.string().regex(/^\d{4}-\d\d-\d\d$/, '日期应为 YYYY-MM-DD').optional(),
  timeState: z.enum(['normal', 'yellow', 'red', 'overdue']).optional(),
  sort: z.enum(['timeLeft', 'receivedAt']).optional(),
});

export type InboxFilter = z.infer<typeof inboxFilterSchema>;
