import type { Knex } from 'knex';
import type { Authority } from '../org/authorities.js';
import { nextInSeries } from '../counters/counters.js';
import { localDate } from '../../engine/calendar/local-date.js';
import { CHINA_TIME } from '../calendar/china-time.js';

/** 发文字号 as printed: 永综执〔2026〕3号. Pure. */
export function documentNumber(docCode: string, year: number, n: number): string {
  return `${docCode}〔${year}〕${n}号`;
}

/**
 * The next document number of an authority in the year of `at` (China time): N counts the
 * authority's documents of that year, from 1, taken from its counter inside the caller's
 * transaction, so concurrent notices never share a number and one rolled back leaves no gap.
 * Not pure.
 */
export async function nextDocumentNumber(trx: Knex.Transaction, authority: Authority, at: number): Promise<string> {
  const year = Number(localDate(CHINA_TIME, at).slice(0, 4));
  return documentNumber(authority.docCode, year, await nextInSeries(trx, `document:${authority.id}`, String(year)));
}
