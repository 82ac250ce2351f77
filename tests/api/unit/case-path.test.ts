import { describe, expect, test } from '@jest/globals';
import { pathOf } from '../../../api/cases/diagram.js';
import { recordingsByFormat, storedEvents } from '../../engine/replay/recordings.js';

const byFormat = recordingsByFormat();
const pairs = [...byFormat.get(0)!].map((old) => [old.name, old, [...byFormat.values()].at(-1)!.find((r) => r.name === old.name)!] as const);

describe('a case\'s path on its diagram, read from its history in every format', () => {
  test.each(pairs)('%s: the histories recorded in format 0 and in today\'s give the same path', (_name, old, today) => {
    const path = pathOf(storedEvents(old), old.processId);
    expect(path.completed).toContain('accept');
    expect(path.taken.length).toBeGreaterThan(2);
    expect(pathOf(storedEvents(today), today.processId)).toEqual(path);
  });
});
