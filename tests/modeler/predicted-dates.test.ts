import { describe, expect, test } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { parseBpmn, weekdayCalendar } from '../../engine/index.js';
import { predictedDates } from '../../modeler/predict/predicted-dates.js';
import type { Node } from '../../modeler/lint/model.js';

const processOf = async (file: string, id: string) => {
  const { definitions } = await parseBpmn(await readFile(new URL(`../../processes/${file}`, import.meta.url), 'utf8'));
  return (definitions.rootElements as Node[]).find((e) => e.id === id)!;
};

describe('predicted dates (预计日期): each step\'s due date along the longest path, in working days', () => {
  test('the promised process: review then decision, 20 statutory and the item\'s promise counted from acceptance over a holiday', async () => {
    // 2026-10-01..07 off (国庆), 2026-10-10 (Saturday) worked.
    const holidays = ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'].map((date) => ({ date, working: false }));
    const calendar = weekdayCalendar([...holidays, { date: '2026-10-10', working: true }]);
    const predicted = predictedDates(await processOf('promised.bpmn', 'promised'), '2026-09-29', calendar, 10);
    const decide = predicted.steps.find((s) => s.elementId === 'decide')!;
    expect(decide.days).toBe(1);
    expect(decide.dueDate).toBe('2026-09-30');
    expect(predicted.promisedDate).toBe('2026-10-19');
    expect(predicted.statutoryDate).toBe('2026-11-02');
    expect(predicted.longestPathDays).toBeGreaterThanOrEqual(1);
  });

  test('report-up: the initial review takes its 20 working days and is due on the statutory date', async () => {
    const predicted = predictedDates(await processOf('report-up.bpmn', 'report-up-township'), '2026-03-02', weekdayCalendar());
    const review = predicted.steps.find((s) => s.elementId === 'initial_review')!;
    expect(review).toMatchObject({ days: 20, dueDate: '2026-03-30' });
    expect(predicted.statutoryDate).toBe('2026-03-30');
  });
});

describe('predicted dates inside a sub-process', () => {
  test('the joint process: the reviews inside the timed sub-process are walked, even when its start event carries an empty list of definitions (as bpmn-js keeps it)', async () => {
    const process = await processOf('joint.bpmn', 'joint');
    const handle = (process.flowElements as Node[]).find((e) => e.id === 'handle')!;
    const start = (handle.flowElements as Node[]).find((e) => e.id === 'handle_start')!;
    start.eventDefinitions = [];
    const review = (handle.flowElements as Node[]).find((e) => e.id === 'joint_review')!;
    (review as unknown as { set(k: string, v: unknown): void }).set('yc:timeLimitDays', 4);
    const predicted = predictedDates(process, '2026-03-06', weekdayCalendar());
    expect(predicted.steps.find((s) => s.elementId === 'joint_review')).toMatchObject({ days: 4, dueDate: '2026-03-12' });
    expect(predicted.longestPathDays).toBe(4);
  });
});
