import type { Request } from 'express';
import { z } from 'zod';
import { ApiError } from './errors.js';
import { withTimePrecision } from './instant.js';
import type { TimePrecision } from './instant.js';

/** The query parameter by which a client asks for times to the millisecond. */
export const TIME_PRECISION_PARAM = 'timePrecision';

const precisionSchema = z.enum(['s', 'ms'], { message: 'timePrecision 只能是 s（秒，默认）或 ms（毫秒）' }).default('s');

/**
 * Splits the query into the precision a client asked for (seconds by default) and the
 * route's own parameters. A value other than `s` or `ms` is refused. Pure.
 */
export function precisionOf(req: Pick<Request, 'query'>): { precision: TimePrecision; query: Record<string, unknown> } {
  const { [TIME_PRECISION_PARAM]: asked, ...query } = req.query as Record<string, unknown>;
  const parsed = precisionSchema.safeParse(asked);
  if (!parsed.success) throw new ApiError(400, 'VALIDATION_FAILED', parsed.error.issues[0]!.message, [{ field: TIME_PRECISION_PARAM, problem: parsed.error.issues[0]!.message }]);
  return { precision: parsed.data, query };
}

/**
 * A handler's result as the JSON the route promises: encoded through its response schema, so
 * every instant leaves as ISO 8601 and nothing the schema does not name leaks out. A result
 * that does not fit its schema is our bug, answered 500 (and logged), never blamed on the client.
 */
export function encodeAnswer(schema: z.ZodType, result: unknown, precision: TimePrecision): unknown {
  try {
    return withTimePrecision(precision, () => z.encode(schema, result));
  } catch (err) {
    if (err instanceof z.ZodError) throw new Error(`an answer does not fit its response schema: ${JSON.stringify(err.issues)}`, { cause: err });
    throw err;
  }
}
