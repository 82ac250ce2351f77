import { ApiError } from './errors.js';

/**
 * Where the first NUL character (U+0000) sits in a parsed value, a string or a key, as a
 * dotted path (`applicant.name`); undefined when there is none. Walks without recursion, so
 * a body nested twenty thousand deep cannot exhaust the stack. Pure.
 */
export function nulPath(value: unknown, root = ''): string | undefined {
  const pending: Array<[unknown, string]> = [[value, root]];
  while (pending.length > 0) {
    const [current, path] = pending.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return path;
    } else if (current !== null && typeof current === 'object') {
      for (const [key, inner] of Object.entries(current)) {
        const at = path ? `${path}.${key}` : key;
        if (key.includes('\u0000')) return at;
        pending.push([inner, at]);
      }
    }
  }
  return undefined;
}

/**
 * Refuses a request whose body, query or path carries a NUL character: PostgreSQL stores no
 * such text and would answer with an error, and no name, number or note ever contains one.
 */
export function refuseNul(parts: { body?: unknown; query?: unknown; params?: unknown }): void {
  for (const [where, value] of Object.entries(parts)) {
    const path = nulPath(value);
    if (path === undefined) continue;
    const field = path.split('\u0000').join('\\0') || `(${where})`;
    const problem = '含有空字符（\\0），请删除后重新填写';
    throw new ApiError(400, 'NUL_CHARACTER', `请求中的「${field}」${problem}`, [{ field, problem }]);
  }
}
