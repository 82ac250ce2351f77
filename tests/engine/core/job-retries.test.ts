import { describe, expect, test } from '@jest/globals';
import { definitions, end, process, seq, serviceTask, start, userTask } from '../support/bpmn.js';
import { boundary, catchEvent, timerDef } from './elements.js';
import { drive, HOUR, MONDAY_9AM } from './driver.js';

const lookup = definitions(process('p', start(), serviceTask('lookup', 'lookup'), end(), seq('start', 'lookup', 'end')));

describe('job retries in the pure core', () => {
  test('a failure with a backoff hands the job out again, available only once the backoff has passed, and counts the failure', async () => {
    const d = await drive(lookup);
    d.start();
    expect(d.job('lookup')).not.toHaveProperty('availableAt');
    d.send({ type: 'fail', key: d.job('lookup').key, retries: 2, message: 'busy', backoffMs: 1_000 });
    expect(d.job('lookup')).toMatchObject({ retries: 2, availableAt: MONDAY_9AM + 1_000 });
    expect(d.state.items[d.job('lookup').key]?.job).toEqual({ type: 'lookup', retries: 2, failures: 1 });
    d.send({ type: 'fail', key: d.job('lookup').key, retries: 1, message: 'busy', backoffMs: 2_000 });
    expect(d.state.items[d.job('lookup').key]?.job).toEqual({ type: 'lookup', retries: 1, failures: 2 });
  });

  test('the last failure raises the incident and tells the store the job is held; resolving hands it out afresh', async () => {
    const d = await drive(lookup);
    d.start();
    d.send({ type: 'fail', key: d.job('lookup').key, retries: 0, message: 'registry down' });
    expect(d.effectsOf('job.failed')).toEqual([expect.objectContaining({ key: d.job('lookup').key, message: 'registry down' })]);
    expect(d.incidents()).toEqual([{ el: 'lookup', code: 'JOB_NO_RETRIES' }]);
    d.advance(HOUR);
    d.resolveIncident('lookup', 2);
    expect(d.job('lookup')).toMatchObject({ retries: 2, availableAt: MONDAY_9AM + HOUR });
    expect(d.state.items[d.job('lookup').key]?.job).toEqual({ type: 'lookup', retries: 2 });
  });

  test('a timer delivery for another instant than the armed one is refused as gone; the armed one fires', async () => {
    const d = await drive(definitions(process('p', start(), catchEvent('wait', timerDef('timeDuration', 'PT1H')), end(), seq('start', 'wait', 'end'))));
    d.start();
    const armed = d.timer('wait');
    d.advance(HOUR);
    expect(() => d.send({ type: 'trigger', key: armed.key, wait: armed.wait, due: armed.due! - 1 })).toThrow(expect.objectContaining({ code: 'WAIT_GONE' }));
    d.send({ type: 'trigger', key: armed.key, wait: armed.wait, due: armed.due });
    expect(d.status).toBe('completed');
  });

  test('a withdrawn timer says which instant it was armed for, so a queue can drop its delivery', async () => {
    const d = await drive(definitions(process('p', start(), userTask('review'), boundary('late', 'review', timerDef('timeDuration', 'P1D')), end(), end('e2'),
      seq('start', 'review', 'end'), seq('late', 'e2'))));
    d.start();
    const armed = d.timer('late');
    d.completeTask('review');
    expect(d.effectsOf('timer.cancelled')).toEqual([expect.objectContaining({ key: armed.key, wait: armed.wait, due: armed.due })]);
  });
});
