import { describe, expect, test } from '@jest/globals';
import { compactFilter, holderText, timeLeftText, timeMark } from '../../web/src/inbox/rows.js';

describe('an inbox row in words', () => {
  test('time left in working days, with its mark: yellow near the limit, red on or past it', () => {
    expect(timeLeftText({ workingDaysLeft: 3 })).toBe('剩余3个工作日');
    expect(timeLeftText({ workingDaysLeft: 0 })).toBe('今天到期');
    expect(timeLeftText({ workingDaysLeft: -2 })).toBe('已超期2个工作日');
    expect(timeLeftText({ workingDaysLeft: null })).toBe('未设期限');
    expect([timeMark({ timeState: 'normal' }), timeMark({ timeState: 'yellow' }), timeMark({ timeState: 'red' }), timeMark({ timeState: 'overdue' }), timeMark({ timeState: null })])
      .toEqual(['success', 'warning', 'danger', 'danger', 'info']);
  });

  test('who holds the step: a name, 代X办理 on a B post, 待认领 for a group\'s step', () => {
    const a = { id: 's-a', name: '王芳' };
    expect(holderText({ taskId: 't', holder: a, takenOverFrom: null })).toBe('王芳');
    expect(holderText({ taskId: 't', holder: null, takenOverFrom: a })).toBe('代王芳办理');
    expect(holderText({ taskId: 't', holder: null, takenOverFrom: null })).toBe('待认领');
    expect(holderText({ taskId: null, holder: null, takenOverFrom: null })).toBe('');
  });

  test('a filter keeps only what was chosen', () => {
    expect(compactFilter({ itemCode: '', applicant: '王', mode: undefined, sort: 'timeLeft' })).toEqual({ applicant: '王', sort: 'timeLeft' });
  });
});
