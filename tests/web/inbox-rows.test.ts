import { describe, expect, test } from '@jest/globals';
import { byDueDate, toRow } from '../../web/src/inbox/rows.js';
import type { InboxTask } from '../../web/src/api/types.js';

const task = (over: Partial<InboxTask>): InboxTask => ({
  id: 't1', elementId: 'accept', name: '受理', caseId: 'c1', caseNo: '330324-ob-20260302-0001', itemName: '居住证核发',
  applicantName: '张丽华', candidateGroups: ['clerk'], createdAt: Date.UTC(2026, 2, 2, 1), instanceId: 'i1', ...over,
});

describe('inbox rows', () => {
  test('a row keeps what a person reads: case number, item, applicant, step and due date', () => {
    expect(toRow(task({ dueAt: Date.UTC(2026, 2, 9, 1) }))).toEqual({
      id: 't1', caseNo: '330324-ob-20260302-0001', itemName: '居住证核发', applicantName: '张丽华', stepName: '受理', dueAt: Date.UTC(2026, 2, 9, 1),
    });
  });

  test('a step the model left unnamed shows its element id', () => {
    expect(toRow(task({ name: undefined })).stepName).toBe('accept');
  });

  test('rows sort soonest due first, whether due dates are ISO strings or milliseconds, undated last', () => {
    const rows = [
      { ...toRow(task({ id: 'none' })) },
      { ...toRow(task({ id: 'late' })), dueAt: '2026-03-20T17:00:00+08:00' },
      { ...toRow(task({ id: 'soon', dueAt: Date.parse('2026-03-09T17:00:00+08:00') })) },
    ];
    expect(rows.sort(byDueDate).map((r) => r.id)).toEqual(['soon', 'late', 'none']);
  });
});
