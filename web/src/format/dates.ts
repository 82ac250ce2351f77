/**
 * How pages write dates: 2026年10月30日, always as the calendar in China reads it (the
 * service centres' time, whatever the browser's own zone). The one place dates are formatted.
 */

/** An instant as the API gives it: an ISO 8601 string (2026-10-30T09:00:00+08:00) or, for now, epoch milliseconds. */
export type Instant = string | number;

const CHINA = 'Asia/Shanghai';
const dateParts = new Intl.DateTimeFormat('en-US', { timeZone: CHINA, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Epoch milliseconds of an instant, or undefined for a value that is not one. Pure. */
export function toEpochMs(value: Instant | null | undefined): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const ms = typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

function partsOf(ms: number): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const parts = Object.fromEntries(dateParts.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return { year: parts.year ?? '', month: parts.month ?? '', day: parts.day ?? '', hour: parts.hour ?? '', minute: parts.minute ?? '' };
}

/** `2026年10月30日` (China's calendar date); `empty` when there is no date. Pure. */
export function formatDate(value: Instant | null | undefined, empty = '—'): string {
  const ms = toEpochMs(value);
  if (ms === undefined) return empty;
  const { year, month, day } = partsOf(ms);
  return `${year}年${month}月${day}日`;
}

/** `2026年10月30日 09:05` (China's wall-clock time); `empty` when there is no date. Pure. */
export function formatDateTime(value: Instant | null | undefined, empty = '—'): string {
  const ms = toEpochMs(value);
  if (ms === undefined) return empty;
  const { hour, minute } = partsOf(ms);
  return `${formatDate(ms)} ${hour}:${minute}`;
}
