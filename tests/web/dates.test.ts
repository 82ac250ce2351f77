import { afterEach, describe, expect, test } from '@jest/globals';
import { formatDate, formatDateTime, toEpochMs } from '../../web/src/format/dates.js';

const zone = process.env.TZ;
afterEach(() => {
  process.env.TZ = zone;
});

describe('dates as the pages write them', () => {
  test('an ISO instant with +08:00 is written 2026年10月30日', () => {
    expect(formatDate('2026-10-30T09:00:00+08:00')).toBe('2026年10月30日');
  });

  test('epoch milliseconds (the API today) give the same text as the ISO string (the API to come)', () => {
    expect(formatDate(Date.UTC(2026, 9, 30, 1, 0))).toBe('2026年10月30日');
  });

  test('the date is China\'s calendar date, whatever zone the browser is in', () => {
    process.env.TZ = 'America/Los_Angeles';
    // 16:30 UTC on 29 October is 00:30 on 30 October in China.
    expect(formatDate('2026-10-29T16:30:00Z')).toBe('2026年10月30日');
    expect(formatDate('2026-10-30T23:59:00+08:00')).toBe('2026年10月30日');
  });

  test('a date with time reads 2026年3月2日 09:05, in China\'s wall-clock time', () => {
    expect(formatDateTime('2026-03-02T01:05:00Z')).toBe('2026年3月2日 09:05');
    expect(formatDateTime('2026-03-02T00:00:00+08:00')).toBe('2026年3月2日 00:00');
  });

  test('no date, or one that is not a date, is written as a dash or the words given', () => {
    expect(formatDate(undefined)).toBe('—');
    expect(formatDate(null, '未设期限')).toBe('未设期限');
    expect(formatDate('not a date')).toBe('—');
    expect(toEpochMs('')).toBeUndefined();
  });
});
