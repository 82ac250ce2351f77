import type { ErrorBody } from './types.js';

/** A call that did not succeed, with a message a person can act on (in Chinese). */
export class ApiFailure extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly fields: ErrorBody['error']['fields'] = [],
  ) {
    super(message);
  }
}

const byStatus: Record<number, string> = {
  401: '登录已过期，请重新登录',
  403: '您没有办理此事项的权限',
  404: '要找的内容不存在或已被删除',
  413: '提交的内容过大',
  429: '操作过于频繁，请稍后再试',
};

function isErrorBody(body: unknown): body is ErrorBody {
  const error = (body as ErrorBody | undefined)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

/**
 * The failure of an answer that was not OK: the server's own message when it sent one (they
 * are written for people, in Chinese), else a plain sentence by status. Pure.
 */
export function failureOf(status: number, body: unknown): ApiFailure {
  if (isErrorBody(body)) return new ApiFailure(body.error.message, status, body.error.code, body.error.fields ?? []);
  const message = byStatus[status] ?? (status >= 500 ? '服务器暂时无法处理，请稍后再试' : `请求未成功（代码 ${status}）`);
  return new ApiFailure(message, status, `HTTP_${status}`);
}

/** The server could not be reached at all (network down, server stopped). Pure. */
export function unreachable(): ApiFailure {
  return new ApiFailure('无法连接服务器，请检查网络后重试', 0, 'UNREACHABLE');
}
