import { describe, expect, it } from '@jest/globals';
import { parseDateTime } from '../../../engine/time/index.js';
import { CHINA } from '../support/china-time.js';

const at = (iso: string): number => Date.parse(iso);

describe('parseDateTime', () => {
  it('reads UTC and explicit offsets', () => {
    expect(parseDateTime('2026-10-01T01:00:00Z', CHINA)).toBe(at('2026-10-01T01:00:00Z'));
    expect(parseDateTime('2026-10-01T09:00:00+08:00', CHINA)).toBe(at('2026-10-01T01:00:00Z'));
    expect(parseDateTime('2026-10-01T09:00:00-05:00', CHINA)).toBe(at('2026-10-01T14:00:00Z'));
    expect(parseDateTime('2026-10-01T09:00:00+0530', CHINA)).toBe(at('2026-10-01T03:30:00Z'));
    expect(parseDateTime('2026-10-01T09:00+01', CHINA)).toBe(at('2026-10-01T08:00:00Z'));
  });

  it('reads a date-time without a zone as China time', () => {
    expect(parseDateTime('2026-10-01T09:00:00', CHINA)).toBe(at('2026-10-01T09:00:00+08:00'));
    expect(parseDateTime('2026-10-01T09:00', CHINA)).toBe(at('2026-10-01T09:00:00+08:00'));
  });

  it('reads a plain date as China midnight', () => {
    expect(parseDateTime('2026-10-01', CHINA)).toBe(at('2026-09-30T16:00:00Z'));
  });

  it('keeps fractions of a second to the millisecond', () => {
    expect(parseDateTime('2026-10-01T09:00:00.5Z', CHINA)).toBe(at('2026-10-01T09:00:00.500Z'));
    expect(parseDateTime('2026-10-01T09:00:00,123456789Z', CHINA)).toBe(at('2026-10-01T09:00:00.123Z'));
  });

  it('accepts a Camunda-style zone id after an offset, which alone fixes the instant', () => {
    expect(parseDateTime('2026-10-01T09:00:00+02:00[Europe/Berlin]', CHINA)).toBe(at('2026-10-01T07:00:00Z'));
    expect(parseDateTime('2026-10-01T09:00:00[Asia/Shanghai]', CHINA)).toBe(at('2026-10-01T01:00:00Z'));
  });

  it('refuses a zone id without an offset unless it is China time', () => {
    expect(() => parseDateTime('2026-10-01T09:00:00[Europe/Berlin]', CHINA)).toThrow(
      /names zone Europe\/Berlin without a UTC offset; add it, as in 2026-10-01T09:00:00\+02:00\[Europe\/Berlin\]/,
    );
  });

  it('refuses a day that does not exist', () => {
    expect(() => parseDateTime('2026-02-29T09:00', CHINA)).toThrow('date "2026-02-29T09:00" names no real day (2026-02-29); write an ISO 8601 date-time such as');
  });

  it.each([
    ['2026-10-01T24:00', /time of day out of range/],
    ['2026-10-01T09:60', /time of day out of range/],
    ['2026-10-01T09:00+19:00', /UTC offset out of range/],
    ['2026-10-01 09:00', /is not an ISO 8601 date-time/],
    ['tomorrow', /is not an ISO 8601 date-time/],
    ['2026-10-01Z', /is not an ISO 8601 date-time/],
  ])('refuses %j with a reason', (text, reason) => {
    expect(() => parseDateTime(text, CHINA)).toThrow(reason);
  });

  it('shows valid examples and carries the text and kind in the error', () => {
    expect(() => parseDateTime('1 Oct 2026', CHINA)).toThrow(expect.objectContaining({
      code: 'TIME_INVALID',
      message: expect.stringContaining('such as 2026-10-01T09:00:00+08:00'),
      details: { value: '1 Oct 2026', kind: 'date' },
    }));
  });
});
