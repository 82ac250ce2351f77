import { describe, expect, test } from '@jest/globals';
import { createEngine, VirtualClock, weekdayCalendar } from '../../../engine/index.js';
import { timeZone } from '../../../engine/calendar/index.js';
import { definitions, end, flow, process, seq, start, userTask } from '../support/bpmn.js';
import { catchEvent, gateway, timerDef } from '../core/elements.js';

/** A timer at 09:00 on 1 October with no offset, then a step; and FEEL's today() deciding which step. */
const nineOClock = definitions(process('p', start(), catchEvent('wait', timerDef('timeDate', '2026-10-01T09:00')), userTask('after'), end(),
  seq('start', 'wait', 'after', 'end')));
const whichDay = definitions(process('d', start(), gateway('exclusive', 'gw', 'default="other"'), userTask('first'), userTask('notFirst'), end(), end('e2'),
  seq('start', 'gw'), flow('first-flow', 'gw', 'first', '=today() = date("2026-10-01")'), flow('other', 'gw', 'notFirst'), seq('first', 'end'), seq('notFirst', 'e2')));

/** When the 09:00 timer fires on an engine made with `options`: the first minute its step is open. */
async function firing(options: { timeZone?: string }): Promise<string> {
  const clock = new VirtualClock(Date.parse('2026-09-30T12:00:00Z'));
  const engine = createEngine({ clock, ...options });
  try {
    await engine.deploy(nineOClock);
    await engine.start('p');
    for (let minute = 0; minute < 48 * 60; minute += 30) {
      await engine.advanceTime(30 * 60_000);
      if ((await engine.tasks()).length > 0) return new Date(clock.now()).toISOString();
    }
    return 'never';
  } finally {
    await engine.close();
  }
}

async function stepTakenAt(instant: string, options: { timeZone?: string }): Promise<string | undefined> {
  const engine = createEngine({ clock: new VirtualClock(Date.parse(instant)), ...options });
  try {
    await engine.deploy(whichDay);
    await engine.start('d');
    return (await engine.tasks())[0]?.elementId;
  } finally {
    await engine.close();
  }
}

describe('the engine reads wall clocks in the zone it is told, never the host\'s', () => {
  test('a date without an offset is 09:00 in the engine\'s zone: Europe/Berlin (CEST), Asia/Shanghai, and UTC by default', async () => {
    // The suite runs with TZ=Asia/Shanghai: the default would be 01:00Z if the host's zone leaked in.
    expect(await firing({ timeZone: 'Europe/Berlin' })).toBe('2026-10-01T07:00:00.000Z');
    expect(await firing({ timeZone: 'Asia/Shanghai' })).toBe('2026-10-01T01:00:00.000Z');
    expect(await firing({})).toBe('2026-10-01T09:00:00.000Z');
  });

  test('FEEL\'s today() is the day in the engine\'s zone', async () => {
    expect(await stepTakenAt('2026-09-30T23:30:00Z', { timeZone: 'Europe/Berlin' })).toBe('first');
    expect(await stepTakenAt('2026-09-30T23:30:00Z', {})).toBe('notFirst');
    expect(await stepTakenAt('2026-09-30T16:30:00Z', { timeZone: 'Asia/Shanghai' })).toBe('first');
  });

  test('the engine takes the zone of the calendar it is given, and refuses a timeZone that differs from it', async () => {
    const shanghaiDays = weekdayCalendar([], timeZone('Asia/Shanghai'));
    const engine = createEngine({ clock: new VirtualClock(), calendar: shanghaiDays });
    expect(engine.calendar.timeZone.id).toBe('Asia/Shanghai');
    await engine.close();
    expect(() => createEngine({ calendar: shanghaiDays, timeZone: 'Europe/Berlin' })).toThrow(expect.objectContaining({ code: 'TIME_ZONE_INVALID' }));
    expect(() => createEngine({ timeZone: 'Asia/Beijing' })).toThrow(/not an IANA time zone/);
  });
});
