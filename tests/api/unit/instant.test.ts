import { describe, expect, test } from '@jest/globals';
import { z } from 'zod';
import { instant, isoInstant, recordWithInstants, withTimePrecision } from '../../../api/http/instant.js';

describe('the instant codec: ISO 8601 with offset outside, epoch ms inside', () => {
  test('encodes in China time to the second, or to the millisecond when asked', () => {
    const lastMoment = Date.UTC(2026, 2, 16, 15, 59, 59, 999);
    expect(isoInstant(lastMoment)).toBe('2026-03-16T23:59:59+08:00');
    expect(isoInstant(lastMoment, 'ms')).toBe('2026-03-16T23:59:59.999+08:00');
    expect(z.encode(instant, lastMoment)).toBe('2026-03-16T23:59:59+08:00');
    expect(withTimePrecision('ms', () => z.encode(instant, lastMoment))).toBe('2026-03-16T23:59:59.999+08:00');
  });

  test('decodes any offset, with or without fractions, and refuses a time without one', () => {
    expect(z.decode(instant, '2026-03-02T09:00:00+08:00')).toBe(Date.UTC(2026, 2, 2, 1, 0, 0));
    expect(z.decode(instant, '2026-03-02T01:00:00.5Z')).toBe(Date.UTC(2026, 2, 2, 1, 0, 0, 500));
    const local = instant.safeParse('2026-03-02T09:00:00');
    expect(local.success).toBe(false);
    expect(local.error?.issues[0]?.message).toContain('带时区');
  });

  test('a log detail\'s …At numbers are encoded; other fields pass untouched', () => {
    const detail = { dueAt: Date.UTC(2026, 2, 9, 15, 59, 59, 999), days: 5, from: 's-ob-clerk-a', variables: { approved: true } };
    expect(z.encode(recordWithInstants, detail)).toEqual({ dueAt: '2026-03-09T23:59:59+08:00', days: 5, from: 's-ob-clerk-a', variables: { approved: true } });
  });
});
