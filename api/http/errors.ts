import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { EngineError } from '../../engine/index.js';
import type { EngineErrorCode } from '../../engine/index.js';

/** An error the API answers with: a stable code, an HTTP status, and the fields to fix. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Array<{ field: string; problem: string }> = [],
  ) {
    super(message);
  }
}

/**
 * Every engine refusal with the status the API answers it with: a table over the engine's
 * closed list of codes, so a code the engine adds does not compile until it has a status here.
 * 4xx where the caller can fix the request; 500 where only the platform's own code or setup can
 * be wrong (the case server builds those inputs itself, a client never names them).
 */
export const ENGINE_ERROR_STATUS: Readonly<Record<EngineErrorCode, number>> = {
  MODEL_INVALID: 422, EXPRESSION_INVALID: 422, TIME_INVALID: 422, NO_START_EVENT: 422, NO_FLOW_HOLDS: 422,
  PROCESS_NOT_FOUND: 404, DEFINITION_NOT_FOUND: 404,
  INSTANCE_ID_INVALID: 400, INSTANCE_NOT_FOUND: 404, INSTANCE_EXISTS: 409, INSTANCE_ENDED: 409, CONFLICT: 409,
  ELEMENT_UNKNOWN: 400, FLOW_UNKNOWN: 400, ELEMENT_INSTANCE_NOT_FOUND: 404, NOT_WAITING: 409, WAIT_GONE: 409,
  NO_INCIDENT: 409, VARIABLES_INVALID: 400,
  TASK_NOT_FOUND: 404, TASK_ALREADY_COMPLETED: 409, TASK_CLAIMED: 409, JOB_NOT_FOUND: 404,
  MESSAGE_NOT_CORRELATED: 404, MESSAGE_ALREADY_PUBLISHED: 409, MESSAGE_TAKEN: 409, MESSAGE_TTL_INVALID: 400,
  CALENDAR_COUNT_INVALID: 400, CALENDAR_DATE_INVALID: 400, CALENDAR_INSTANT_INVALID: 400, CALENDAR_OVERRIDE_INVALID: 422,
  CLOCK_NOT_VIRTUAL: 500, TIME_ZONE_INVALID: 500, TIMER_STORM: 500, CALENDAR_NO_WORKING_DAY: 500, EFFECT_TYPE_UNKNOWN: 500, HISTORY_HASH_INVALID: 500, HISTORY_FORMAT_UNKNOWN: 500, WORKER_MODULE_EMPTY: 500,
};

/** The body of every error answer, as the OpenAPI document describes it. */
export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), fields: z.array(z.object({ field: z.string(), problem: z.string() })) }),
});

/** Turns any error into `{ error: { code, message, fields } }`; never leaks a stack. */
export function errorHandler(err: unknown, _req: Request, res: Response, _next: NextFunction): void {
  const body = toApiError(err);
  // The request log (pino-http) writes a 5xx with this error's stack and the request id; the client sees neither.
  if (body.status >= 500) res.err = err instanceof Error ? err : new Error(String(err));
  res.status(body.status).json({ error: { code: body.code, message: body.message, fields: body.fields } });
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof z.ZodError) {
    const fields = err.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', problem: issue.message }));
    return new ApiError(400, 'VALIDATION_FAILED', `请求数据有误：${fields.map((f) => `${f.field}: ${f.problem}`).join('; ')}`, fields);
  }
  if (err instanceof EngineError) {
    const status = ENGINE_ERROR_STATUS[err.code];
    // The platform's own fault: logged with its code and stack, told to the client only as such.
    return status >= 500 ? internalError() : new ApiError(status, err.code, err.message);
  }
  if (isBodyTooLarge(err)) return new ApiError(413, 'PAYLOAD_TOO_LARGE', `请求体过大，上限为 ${sizeText((err as { limit?: number }).limit)}`);
  if (isUnsupportedCharset(err)) return new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', `不支持的字符集「${(err as { charset?: string }).charset ?? ''}」：请求体请用 UTF-8 编码（Content-Type: application/json; charset=utf-8）`);
  if (isUnsupportedEncoding(err)) return new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', `不支持的内容编码「${(err as { encoding?: string }).encoding ?? ''}」：请求体请不压缩发送，或用 gzip、deflate、br 压缩`);
  if (isBadJson(err)) return new ApiError(400, 'MALFORMED_JSON', '请求体不是有效的 JSON');
  if (err instanceof URIError) return new ApiError(400, 'MALFORMED_PATH', '地址中有无效的 % 转义（% 后应为两位十六进制数字），请核对地址中的编号');
  return internalError();
}

function internalError(): ApiError {
  return new ApiError(500, 'INTERNAL', '服务器内部错误，请稍后再试');
}

function isBodyTooLarge(err: unknown): boolean {
  return (err as { type?: string } | undefined)?.type === 'entity.too.large';
}

function isUnsupportedCharset(err: unknown): boolean {
  return (err as { type?: string } | undefined)?.type === 'charset.unsupported';
}

function isUnsupportedEncoding(err: unknown): boolean {
  return (err as { type?: string } | undefined)?.type === 'encoding.unsupported';
}

function sizeText(bytes: number | undefined): string {
  if (bytes === undefined) return '规定大小';
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

function isBadJson(err: unknown): boolean {
  return (err as { type?: string } | undefined)?.type === 'entity.parse.failed';
}

export const notFound = (what: string) => new ApiError(404, 'NOT_FOUND', `${what}不存在`);
export const forbidden = (why = '无权执行此操作') => new ApiError(403, 'FORBIDDEN', why);

/** A one-time password (first start, or reset by an administrator) is in use: the person must change it before anything else. */
export const passwordChangeRequired = () => new ApiError(403, 'PASSWORD_CHANGE_REQUIRED', '请先修改密码：初始密码或管理员重置的密码只能用来设置新密码');
