import type { LoopDef } from '../model/graph.js';
import type { LoopBody } from './state.js';
import type { Tx } from './tx.js';
import { evaluateCollection, evaluateInteger } from '../expressions/index.js';
import { conditionIn, guarded } from './evaluate.js';
import { visibleVariables, propagate, setLocal } from './variables.js';
import { activate, leave, terminate } from './lifecycle.js';
import { throwBehaviorEvents } from './behavior-events.js';

/**
 * A looped activity runs as a body item wrapping one item per iteration: standard loops
 * (do-while, or while with testBefore) and multi-instance, sequential or parallel.
 */
export function startBody(tx: Tx, key: string): void {
  const loop = tx.element(tx.item(key)!.el).loop!;
  if (loop.kind === 'standard') return startStandardLoop(tx, key, loop);
  const items = guarded(tx, key, () => inputItems(tx, key, loop));
  if (!items) return;
  const body: LoopBody = { total: items.length, started: 0, done: 0, ...(loop.outputCollection ? { out: items.map(() => null) } : {}) };
  if (loop.sequential && loop.collection) body.items = items;
  tx.emit({ t: 'changed', key, data: { body } });
  if (items.length === 0) return finishBody(tx, key);
  const first = loop.sequential ? 1 : items.length;
  for (let i = 0; i < first; i++) startIteration(tx, key, i, items[i]);
}

function inputItems(tx: Tx, key: string, loop: Extract<LoopDef, { kind: 'multi' }>): unknown[] {
  const ctx = { now: tx.ctx.now, timeZone: tx.ctx.zone.id };
  if (loop.collection) return evaluateCollection(loop.collection, visibleVariables(tx, key), ctx);
  const n = evaluateInteger(loop.cardinality!, visibleVariables(tx, key), ctx);
  if (n < 0) throw new Error(`loopCardinality evaluated to ${n}; it must be zero or more`);
  return Array.from({ length: n }, (_, i) => i + 1);
}

function startIteration(tx: Tx, bodyKey: string, index: number, element?: unknown): void {
  const body = tx.item(bodyKey)!.body!;
  tx.emit({ t: 'changed', key: bodyKey, data: { body: { ...body, started: body.started + 1 } } });
  const loop = tx.element(tx.item(bodyKey)!.el).loop!;
  const key = activate(tx, tx.item(bodyKey)!.el, bodyKey, undefined, { iteration: index });
  const local: Record<string, unknown> = { loopCounter: index + 1 };
  if (loop.kind === 'multi' && loop.elementVariable) local[loop.elementVariable] = element ?? null;
  // Zeebe creates a plain output element variable in each instance, so instances never overwrite each other.
  const outputName = loop.kind === 'multi' ? loop.outputElement?.text.match(/^[A-Za-z_][A-Za-z0-9_]*$/)?.[0] : undefined;
  if (outputName && !(outputName in local)) local[outputName] = null;
  setLocal(tx, key, local);
}

function startStandardLoop(tx: Tx, key: string, loop: Extract<LoopDef, { kind: 'standard' }>): void {
  tx.emit({ t: 'changed', key, data: { body: { total: -1, started: 0, done: 0 } } });
  if (loop.testBefore && !loopContinues(tx, key, loop)) return finishBody(tx, key);
  startIteration(tx, key, 0);
}

function loopContinues(tx: Tx, key: string, loop: Extract<LoopDef, { kind: 'standard' }>): boolean {
  const body = tx.item(key)!.body!;
  const extra = { loopCounter: body.done };
  if (loop.maximum) {
    const max = evaluateInteger(loop.maximum, visibleVariables(tx, key), { now: tx.ctx.now, timeZone: tx.ctx.zone.id });
    if (max < 0) throw new Error(`loopMaximum evaluated to ${max}; it must be zero or more`);
    if (body.done >= max) return false;
  }
  return loop.condition ? conditionIn(tx, key, loop.condition, extra) : false;
}

/** One iteration finished: collect its output, then start the next, or end the body. */
export function iterationDone(tx: Tx, bodyKey: string, index: number, output: unknown): void {
  const item = tx.item(bodyKey);
  if (!item?.body) return;
  const body: LoopBody = { ...item.body, done: item.body.done + 1 };
  if (body.out) body.out = body.out.map((value, i) => (i === index ? output ?? null : value));
  tx.emit({ t: 'changed', key: bodyKey, data: { body } });
  const loop = tx.element(item.el).loop!;
  if (loop.kind === 'standard') {
    const again = guarded(tx, bodyKey, () => loopContinues(tx, bodyKey, loop));
    if (again === undefined) return;
    return again ? startIteration(tx, bodyKey, body.done) : finishBody(tx, bodyKey);
  }
  const active = tx.children(bodyKey).length;
  const extra = {
    numberOfInstances: body.total, numberOfCompletedInstances: body.done, numberOfActiveInstances: active,
    nrOfInstances: body.total, nrOfCompletedInstances: body.done, nrOfActiveInstances: active,
  };
  const complexDone = throwBehaviorEvents(tx, bodyKey, body, extra);
  if (!tx.item(bodyKey)) return;
  const enough = complexDone || (loop.completionCondition
    ? guarded(tx, bodyKey, () => conditionIn(tx, bodyKey, loop.completionCondition!, extra))
    : false);
  if (enough === undefined) return;
  if (enough || body.done >= body.total) {
    for (const child of tx.children(bodyKey)) terminate(tx, child);
    return finishBody(tx, bodyKey);
  }
  if (loop.sequential && body.started < body.total) startIteration(tx, bodyKey, body.started, body.items?.[body.started]);
}

function finishBody(tx: Tx, key: string): void {
  const item = tx.item(key)!;
  const loop = tx.element(item.el).loop;
  if (loop?.kind === 'multi' && loop.outputCollection) propagate(tx, item.parent, { [loop.outputCollection]: item.body?.out ?? [] });
  tx.emit({ t: 'changed', key, data: { body: undefined } });
  leave(tx, key);
}
