import type { ProcessDef } from '../model/graph.js';
import type { Tx } from './tx.js';

/** Per process: element id -> flow ids reachable from it. A pure memo of the graph. */
const memo = new WeakMap<ProcessDef, Map<string, Set<string>>>();

/**
 * Whether a token still alive in the scope (a live item or one waiting at another join)
 * could reach `flow` into the join `target` without passing through the join itself.
 * This is the inclusive join's rule: wait for every branch that can still come.
 */
export function canStillArrive(tx: Tx, target: string, flow: string, scope: string): boolean {
  const sources = [
    ...tx.children(scope).map((key) => tx.item(key)!.el),
    ...Object.keys(tx.state.joins[scope] ?? {}).filter((el) => el !== target),
  ];
  return sources.some((el) => reachableFlows(tx.ctx.definition, el, target).has(flow));
}

function reachableFlows(process: ProcessDef, from: string, stopAt: string): Set<string> {
  let byElement = memo.get(process);
  if (!byElement) memo.set(process, (byElement = new Map()));
  const cacheKey = `${from}>${stopAt}`;
  const known = byElement.get(cacheKey);
  if (known) return known;
  const reached = new Set<string>();
  const queue = [from];
  const seen = new Set<string>([from]);
  while (queue.length > 0) {
    const element = process.elements[queue.shift()!];
    if (!element) continue;
    const exits = [...element.outgoing, ...element.boundaries.flatMap((b) => process.elements[b]?.outgoing ?? [])];
    for (const flowId of exits) {
      reached.add(flowId);
      const next = process.flows[flowId]?.target;
      if (next && next !== stopAt && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  byElement.set(cacheKey, reached);
  return reached;
}
