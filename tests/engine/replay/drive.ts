import * as crypto from 'node:crypto';
import { ed25519Sealer } from '../../../engine/index.js';
import type { Command, HistoryEvent, InstanceState } from '../../../engine/index.js';
import { chain, GENESIS } from '../../../engine/history/chain.js';
import { sealMessage } from '../../../engine/history/seals.js';
import type { Act, Recording, Scenario } from './scenarios.js';
import { definitionOf, emptyInstance, rerun } from './recordings.js';

/** Monday 2026-03-02 09:00 Shanghai; each command comes an hour after the one before. */
const T0 = Date.UTC(2026, 2, 2, 1, 0, 0);
const HOUR = 3_600_000;

/**
 * Drives a scenario through the pure step alone and records commands, events and the final
 * state, then chains the events as a store does and seals the head halfway and at the end.
 */
export async function record(scenario: Scenario, format: number): Promise<Recording> {
  const definition = await definitionOf(scenario);
  let state = emptyInstance(scenario.name);
  const commands: Recording['commands'] = [];
  const events: HistoryEvent[] = [];
  let clock = T0;
  const run = (at: number, command: Command) => {
    const now = (clock = Math.max(clock, at));
    const result = rerun(definition, state, [{ now, command }]);
    state = result.state;
    commands.push({ now, command });
    events.push(...result.events);
  };
  run(T0, { type: 'start', processId: scenario.processId, definitionKey: `${scenario.processId}:1`, variables: scenario.variables });
  for (const act of scenario.acts) commandFor(state, act, clock + HOUR, run);
  return { name: scenario.name, format, file: scenario.file, processId: scenario.processId, commands, events, final: state, stored: stored(scenario.name, events, clock) };
}

function stored(instanceId: string, events: readonly HistoryEvent[], sealedAt: number): Recording['stored'] {
  const hashes = chain(GENESIS, events).map((r) => r.hash);
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const sealer = ed25519Sealer(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  const seals = [...new Set([Math.floor(hashes.length / 2), hashes.length - 1])].map((seq) => ({
    instanceId, seq, hash: hashes[seq]!, keyId: sealer.keyId, signature: sealer.sign(sealMessage(instanceId, seq, hashes[seq]!)), sealedAt,
  }));
  return { hashes, publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(), seals };
}

type Run = (now: number, command: Command) => void;

function commandFor(state: InstanceState, act: Act, now: number, run: Run): void {
  if ('fireTimerOf' in act) return fire(state, act.fireTimerOf, now, run);
  const by = 'by' in act && act.by ? { by: act.by } : {};
  if ('setVariables' in act) return run(now, { type: 'setVariables', variables: act.setVariables, ...by });
  if ('migrate' in act) return run(now, { type: 'migrate', definitionKey: act.migrate, renames: {}, ...by });
  if ('resolve' in act) return run(now, { type: 'resolveIncident', key: keyAt(state, act.resolve, (item) => item.incident !== undefined), retries: act.retries, ...by });
  const el = 'complete' in act ? act.complete : 'claim' in act ? act.claim : 'unclaim' in act ? act.unclaim : 'fail' in act ? act.fail : act.handOn;
  const key = keyAt(state, el, (item) => (item.waits ?? []).some((w) => w && (w.k === 'job' || w.k === 'task')));
  if ('complete' in act) return run(now, { type: 'complete', key, variables: act.variables ?? {} });
  if ('claim' in act) return run(now, { type: 'claim', key, assignee: act.assignee });
  if ('unclaim' in act) return run(now, { type: 'unclaim', key });
  if ('fail' in act) return run(now, { type: 'fail', key, retries: act.retries, message: act.message, ...(act.backoffMs ? { backoffMs: act.backoffMs } : {}) });
  run(now, { type: 'handOn', key, to: act.to, by: act.by, reason: act.reason });
}

function keyAt(state: InstanceState, el: string, fits: (item: InstanceState['items'][string]) => boolean): string {
  const entry = Object.entries(state.items).find(([, item]) => item.el === el && fits(item));
  if (!entry) throw new Error(`no open item at ${el}`);
  return entry[0];
}

function fire(state: InstanceState, el: string, now: number, run: Run): void {
  const key = keyAt(state, el, (item) => (item.waits ?? []).some((w) => w?.k === 'timer'));
  const waits = state.items[key]!.waits!;
  const wait = waits.findIndex((w) => w?.k === 'timer');
  run(Math.max(now, (waits[wait] as { due: number }).due), { type: 'trigger', key, wait });
}
