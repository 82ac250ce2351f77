import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { createEngine, weekdayCalendar } from '../../../engine/index.js';
import { KnexStore } from '../../../engine/store/knex/store.js';
import { definitions, end, process as bpmnProcess, seq, start, userTask } from '../support/bpmn.js';
import { catchEvent, timerDef } from '../core/elements.js';

/** Embedded engines keep no outbox row for a timer (HandOut.onlyNudges): the store's timer rows are what fires it. */
describe('an embedded timer left by an engine that stopped', () => {
  test('fires in the next engine on the database: its scheduler finds it in the store, with no outbox row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yc-timer-'));
    const filename = join(dir, 'engine.sqlite');
    const reminder = definitions(bpmnProcess('r', start(), catchEvent('wait', timerDef('timeDuration', 'PT1S')), userTask('call'), end(), seq('start', 'wait', 'call', 'end')));
    try {
      const first = createEngine({ store: new KnexStore({ filename }), calendar: weekdayCalendar() });
      await first.deploy(reminder);
      const { id } = await first.start('r');
      await first.close();
      const next = createEngine({ store: new KnexStore({ filename }), calendar: weekdayCalendar() });
      try {
        expect(await next.tasks({ instanceId: id })).toEqual([]);
        const started = Date.now();
        while ((await next.tasks({ instanceId: id })).length === 0 && Date.now() - started < 5_000) await new Promise((resolve) => setTimeout(resolve, 50));
        expect((await next.tasks({ instanceId: id })).map((task) => task.elementId)).toEqual(['call']);
      } finally {
        await next.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
