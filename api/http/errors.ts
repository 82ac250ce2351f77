import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { EngineError } from '../../engine/index.js';

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

/** Engine refusals the API passes on, with the status that fits each. */
const engineStatus: Record<string, number> = {
  TASK_NOT_FOUND: 404, TASK_ALREADY_COMPLETED: 409, CONFLICT: 409, VARIABLES_INVALID: 400,
  MODEL_INVALID: 422, PROCESS_NOT_FOUND: 404, INSTANCE_NOT_FOUND: 404, MESSAGE_NOT_CORRELATED: 404,
  JOB_NOT_FOUND: 404, NOT_WAITING: 409, INSTANCE_ENDED: 409,
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
  if (err instanceof EngineError) return new ApiError(engineStatus[err.code] ?? 400, err.code, err.message);
  if (isBodyTooLarge(err)) return new ApiError(413, 'PAYLOAD_TOO_LARGE', `请求体过大，上限为 ${sizeText((err as { limit?: number }).limit)}`);
  if (isUnsupportedCharset(err)) return new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', `不支持的字符集「${(err as { charset?: string }).charset ?? ''}」：请求体请用 UTF-8 编码（Content-Type: application/json; charset=utf-8）`);
  if (isUnsupportedEncoding(err)) return new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', `不支持的内容编码「${(err as { encoding?: string }).encoding ?? ''}」：请求体请不压缩发送，或用 gzip、deflate、br 压缩`);
  if (isBadJson(err)) return new ApiError(400, 'MALFORMED_JSON', '请求体不是有效的 JSON');
  if (err instanceof URIError) return new ApiError(400, 'MALFORMED_PATH', '地址中有无效的 % 转义（% 后应为两位十六进制数字），请核对地址中的编号');
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
