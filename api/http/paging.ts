import type { Request, Response } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { ApiError } from './errors.js';

/**
 * Cursor paging (keyset): a page is read from where the last one stopped, by the sort's own
 * columns and a unique last one, so a page costs the same at row 10 and at row 100,000 and a
 * row added meanwhile neither repeats nor hides one. The cursor is opaque to clients.
 */
export interface SortKey {
  /** SQL expression of the column (e.g. `coalesce(t.due_at, 9007199254740991)`). */
  sql: string;
  desc?: boolean;
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

/** The number of rows a page holds, `fallback` when not asked. */
export const limitSchema = (fallback: number) => z.coerce.number().int('每页条数应为整数').min(1, '每页至少 1 条').max(MAX_LIMIT, `每页最多 ${MAX_LIMIT} 条`).default(fallback);

/** The paging parameters every list takes. */
export const pageQuery = {
  cursor: z.string().max(500).optional().meta({ description: '上一页返回的 nextCursor（不填为第一页）' }),
  limit: limitSchema(DEFAULT_LIMIT),
};

type KeyValue = string | number;

export function encodeCursor(values: readonly KeyValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** The key values a cursor holds; a cursor not made by us (or for another sort) is a 400, not a 500. */
export function decodeCursor(cursor: string, keys: readonly SortKey[]): KeyValue[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === keys.length && values.every((v) => typeof v === 'string' || typeof v === 'number')) return values as KeyValue[];
  } catch { /* answered below */ }
  throw new ApiError(400, 'CURSOR_INVALID', '分页位置无效，请从第一页重新查询', [{ field: 'cursor', problem: '无效的分页位置' }]);
}

/** Orders by the keys and, with a cursor, starts after it: (k1 > v1) or (k1 = v1 and k2 > v2) … */
export function applyKeyset(q: Knex.QueryBuilder, keys: readonly SortKey[], cursor: string | undefined): Knex.QueryBuilder {
  for (const key of keys) q.orderByRaw(`${key.sql} ${key.desc ? 'desc' : 'asc'}`);
  if (!cursor) return q;
  const values = decodeCursor(cursor, keys);
  return q.where((outer) => {
    keys.forEach((key, i) => {
      outer.orWhere((inner) => {
        for (let j = 0; j < i; j++) inner.whereRaw(`${keys[j]!.sql} = ?`, [values[j]!]);
        inner.whereRaw(`${key.sql} ${key.desc ? '<' : '>'} ?`, [values[i]!]);
      });
    });
  });
}

/** A page of a list: its rows, the total the list holds, the cursor of the next page (null on the last). */
export interface Paged<R> { rows: R[]; total: number; nextCursor: string | null }

/**
 * One page of a query: `limit` rows and the cursor after the last (null on the last page),
 * with the total the query matches. `keyOf` gives a row's key values in the keys' order.
 */
export async function page<R>(db: Knex, q: Knex.QueryBuilder, keys: readonly SortKey[], options: { cursor?: string; limit: number }, keyOf: (row: R) => KeyValue[]): Promise<Paged<R>> {
  const counted = q.clone().clearSelect().clearOrder().select(db.raw('1 as one'));
  const total = Number((await db.count({ n: '*' }).from(counted.as('matched')).first())?.n ?? 0);
  const rows = (await applyKeyset(q, keys, options.cursor).limit(options.limit + 1)) as R[];
  const more = rows.length > options.limit;
  const shown = more ? rows.slice(0, options.limit) : rows;
  return { rows: shown, total, nextCursor: more ? encodeCursor(keyOf(shown[shown.length - 1]!)) : null };
}

/**
 * Paging on a list that answers an array (as it did before it paged, so its clients go on
 * working): the total and the next page in headers (X-Total-Count, X-Next-Cursor, Link).
 * Returns the rows.
 */
export function paged<R>(req: Request, query: Record<string, unknown>, got: Paged<R>): R[] {
  pageHeaders(req.res, `${req.baseUrl}${req.path}`, query, got.total, got.nextCursor);
  return got.rows;
}

function pageHeaders(res: Response | undefined, path: string, query: Record<string, unknown>, total: number, nextCursor: string | null): void {
  if (!res) return;
  res.setHeader('X-Total-Count', String(total));
  if (!nextCursor) return;
  res.setHeader('X-Next-Cursor', nextCursor);
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && k !== 'cursor') params.set(k, String(v));
  params.set('cursor', nextCursor);
  res.setHeader('Link', `<${path}?${params}>; rel="next"`);
}
