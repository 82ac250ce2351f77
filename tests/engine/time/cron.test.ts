import { describe, expect, test } from '@jest/globals';
import { timerDue } from '../../../engine/time/index.js';
import { createEngine, VirtualClock, weekdayCalendar } from '../../../engine/index.js';
import { definitions, end, process, seq, userTask } from '../support/bpmn.js';
import { timerDef } from '../core/elements.js';
import { CHINA } from '../support/china-time.js';

const at = (iso: string) => Date.parse(iso);
const cycle = (value: string) => ({ kind: 'cycle' as const, value });

describe('cron time cycles (Camunda 8 reads them beside ISO 8601 intervals)', () => {
  test('six fields from the seconds, read on the engine\'s wall clock: 09:00 China time on working days', () => {
    // Saturday 2026-12-05: the next firing is Monday 09:00 in Shanghai, 01:00 UTC.
    expect(timerDue(cycle('0 0 9 * * MON-FRI'), { zone: CHINA, from: at('2026-12-05T02:00:00Z'), fired: 0 })).toBe(at('2026-12-07T01:00:00Z'));
    // Each firing counts from the previous due time: Tuesday next.
    expect(timerDue(cycle('0 0 9 * * MON-FRI'), { zone: CHINA, from: at('2026-12-07T01:00:00Z'), fired: 1 })).toBe(at('2026-12-08T01:00:00Z'));
  });

  test('a macro and five fields are read too', () => {
    expect(timerDue(cycle('@daily'), { zone: CHINA, from: at('2026-12-05T02:00:00Z'), fired: 0 })).toBe(at('2026-12-05T16:00:00Z'));
    expect(timerDue(cycle('30 8 * * *'), { zone: CHINA, from: at('2026-12-05T02:00:00Z'), fired: 0 })).toBe(at('2026-12-06T00:30:00Z'));
  });

  test('a cron expression out of range is refused with what is wrong; working days do not apply to it', () => {
    expect(() => timerDue(cycle('0 0 25 * * *'), { zone: CHINA, from: 0, fired: 0 })).toThrow(expect.objectContaining({ code: 'TIME_INVALID' }));
    expect(() => timerDue(cycle('0 0 25 * * *'), { zone: CHINA, from: 0, fired: 0 })).toThrow(/expected range 0-23/);
    expect(() => timerDue(cycle('0 0 9 * * *'), { zone: CHINA, from: 0, fired: 0, workingDays: true, calendar: weekdayCalendar([], CHINA) }))
      .toThrow(/names its days itself/);
  });

  test('a timer start event with a cron cycle starts an instance at each firing', async () => {
    const clock = new VirtualClock(at('2026-12-05T02:00:00Z'));
    const engine = createEngine({ clock, timeZone: 'Asia/Shanghai' });
    try {
      await engine.deploy(definitions(process('p', `<bpmn:startEvent id="morning">${timerDef('timeCycle', '0 0 9 * * MON-FRI')}</bpmn:startEvent>`,
        userTask('t'), end(), seq('morning', 't', 'end'))));
      await engine.advanceTime(at('2026-12-07T00:59:00Z') - clock.now());
      expect(await engine.tasks()).toHaveLength(0);
      await engine.advanceTime(at('2026-12-08T01:00:00Z') - clock.now());
      expect((await engine.tasks()).map((t) => t.createdAt).sort()).toEqual([at('2026-12-07T01:00:00Z'), at('2026-12-08T01:00:00Z')]);
    } finally {
      await engine.close();
    }
  });
});
