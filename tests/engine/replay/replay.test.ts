import { describe, expect, test } from '@jest/globals';
import { ed25519Verifier, formatOf, HISTORY_FORMAT as FORMAT, replay, verifyChain } from '../../../engine/index.js';
import type { HistoryEvent, InstanceState } from '../../../engine/index.js';
import { chain } from '../../../engine/history/chain.js';
import { checkSeals } from '../../../engine/history/seals.js';
import type { Recording } from './scenarios.js';
import { definitionOf, emptyInstance, recordingsByFormat, rerun, storedEvents } from './recordings.js';

const byFormat = recordingsByFormat();
const all = [...byFormat.values()].flat().map((r) => [`v${r.format} ${r.name}`, r] as const);
const current = (byFormat.get(FORMAT) ?? []).map((r) => [r.name, r] as const);
const older = all.filter(([, r]) => r.format < FORMAT);

describe('recorded histories, kept per format version', () => {
  test('every format version up to today\'s has its recordings', () => {
    expect([...byFormat.keys()].sort()).toEqual(Array.from({ length: FORMAT + 1 }, (_, v) => v));
    for (const recordings of byFormat.values()) expect(recordings.length).toBeGreaterThanOrEqual(4);
  });

  test('an event in a format newer than this engine reads is refused, not replayed into a wrong state', () => {
    const events = byFormat.get(FORMAT)![0]!.events as HistoryEvent[];
    const newer = events.map((e, i) => (i === 1 ? { ...e, v: FORMAT + 1 } : e));
    expect(() => replay(newer)).toThrow(expect.objectContaining({ code: 'HISTORY_FORMAT_UNKNOWN' }));
  });

  test.each(all)('%s: every event carries the format it was recorded in', (_name, recording) => {
    expect(recording.events.map((e) => formatOf(e as object))).toEqual(recording.events.map(() => recording.format));
  });

  test.each(all)('%s: the stored chain and its seals still verify', (_name, recording) => {
    const stored = storedEvents(recording);
    expect(verifyChain(stored)).toEqual({ ok: true });
    const seals = checkSeals(recording.name, stored, recording.stored.seals, ed25519Verifier([recording.stored.publicKey]));
    expect(seals).toEqual({ ok: true, sealedThrough: stored.length - 1 });
  });

  test.each(all)('%s: an event changed in the stored chain is caught', (_name, recording) => {
    const stored = storedEvents(recording);
    const changed = stored.map((e, i) => (i === 1 ? { ...e, at: e.at + 1 } : e));
    expect(verifyChain(changed)).toMatchObject({ ok: false, brokenAt: 1 });
  });

  test.each(all)('%s: replaying the recorded events rebuilds the recorded final state', (_name, recording) => {
    expect(replay(recording.events as HistoryEvent[], recording.name)).toEqual(recording.final);
  });

  test.each(current)('%s: the same commands give exactly the recorded events today', async (_name, recording) => {
    const { state, events } = rerun(await definitionOf(recording), emptyInstance(recording.name), recording.commands);
    expect(events).toEqual(recording.events);
    expect(state).toEqual(recording.final);
  });

  if (older.length > 0) {
    test.each(older)('%s: today the same commands reach the same final state (only the count of events may differ)', async (_name, recording) => {
      const { state } = rerun(await definitionOf(recording), emptyInstance(recording.name), recording.commands);
      expect(withoutSeq(state)).toEqual(withoutSeq(recording.final as InstanceState));
    });

    test.each(older)('%s: a history begun in its format and continued by today\'s engine verifies and replays', async (_name, recording) => continued(recording));
  }
});

function withoutSeq(state: InstanceState): Omit<InstanceState, 'seq'> {
  const { seq: _seq, ...rest } = state;
  return rest;
}

/** The first half of the commands as recorded (its events and hashes), the rest run by today's step and chained on. */
async function continued(recording: Recording): Promise<void> {
  const half = Math.ceil(recording.commands.length / 2);
  const until = recording.commands[half]!.now;
  const kept = storedEvents(recording).filter((e) => e.at < until);
  const { state, events } = rerun(await definitionOf(recording), replay(kept, recording.name), recording.commands.slice(half));
  const added = chain(kept.at(-1)!.hash, events).map((r, i) => ({ ...events[i]!, prev: r.prev, hash: r.hash }));
  expect(events.every((e) => formatOf(e) === FORMAT)).toBe(true);
  expect(verifyChain([...kept, ...added])).toEqual({ ok: true });
  expect(replay([...kept, ...added], recording.name)).toEqual(state);
  expect(withoutSeq(state)).toEqual(withoutSeq(recording.final as InstanceState));
}
