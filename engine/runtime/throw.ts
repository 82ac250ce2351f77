import type { ElementDef } from '../model/graph.js';
import type { Tx } from './tx.js';
import { ROOT } from './state.js';
import { scopeChain } from './variables.js';
import { eventSubProcessStarts, startEventSubProcess } from './behaviours/start-events.js';
import { triggerBoundary } from './behaviours/boundary-events.js';
import { terminateInstance } from './lifecycle.js';
import { behaviourOf } from './behaviours/index.js';

/**
 * Propagates a BPMN error or escalation from the item that throws it, outwards: at each
 * scope first its event sub-processes, then the boundary events of the activity. A BPMN
 * error nobody catches is an incident (or goes to the calling process); an uncaught
 * escalation is recorded and the flow goes on.
 */
export function throwEvent(tx: Tx, throwerKey: string, kind: 'error' | 'escalation', code?: string, variables: Record<string, unknown> = {}): boolean {
  const thrower = tx.item(throwerKey)!;
  const throwerIsActivity = behaviourOf(tx.element(thrower.el).kind).node !== 'event';
  for (const key of scopeChain(tx, throwerKey)) {
    const item = tx.item(key)!;
    const element = key === ROOT ? undefined : tx.element(item.el);
    if (key !== throwerKey) {
      const start = matchingStart(tx, key, element, kind, code);
      if (start) return caught(tx, throwerKey, kind, code, () => startEventSubProcess(tx, key, start, variables));
    }
    if (element && item.iteration === undefined && (key !== throwerKey || throwerIsActivity)) {
      const boundary = bestMatch(element.boundaries.map((id) => tx.element(id)), kind, code);
      if (boundary) return caught(tx, throwerKey, kind, code, () => triggerBoundary(tx, key, boundary.id, variables));
    }
  }
  // A called process's escalation goes on to the call activity, whose boundaries and scopes may catch it (§10.5.6).
  if (kind === 'escalation' && tx.state.parent) {
    tx.emit({ t: 'thrown', key: throwerKey, kind, ...(code ? { code } : {}), caught: false });
    tx.effect({ type: 'parent.escalated', parent: tx.state.parent, ...(code ? { code } : {}), variables });
    return false;
  }
  tx.emit({ t: 'thrown', key: throwerKey, kind, ...(code ? { code } : {}), caught: false });
  if (kind === 'error') uncaughtError(tx, throwerKey, code, variables);
  return false;
}

function caught(tx: Tx, key: string, kind: 'error' | 'escalation', code: string | undefined, handle: () => void): boolean {
  tx.emit({ t: 'thrown', key, kind, ...(code ? { code } : {}), caught: true });
  handle();
  return true;
}

function matchingStart(tx: Tx, key: string, element: ElementDef | undefined, kind: string, code?: string): string | undefined {
  const scope = key === ROOT ? tx.ctx.definition.scope : element?.scope;
  if (!scope) return undefined;
  return bestMatch(eventSubProcessStarts(tx, scope), kind, code)?.id;
}

/** A catcher with the same code wins over a catch-all (one without a code). */
function bestMatch(candidates: ElementDef[], kind: string, code?: string): ElementDef | undefined {
  const catching = candidates.filter((c) => c.events.some((e) => e.kind === kind));
  const codeOf = (c: ElementDef) => {
    const event = c.events.find((e) => e.kind === kind);
    return event && 'code' in event ? event.code : undefined;
  };
  return catching.find((c) => code !== undefined && codeOf(c) === code) ?? catching.find((c) => codeOf(c) === undefined);
}

function uncaughtError(tx: Tx, throwerKey: string, code: string | undefined, variables: Record<string, unknown>): void {
  const message = `BPMN error${code ? ` "${code}"` : ''} thrown by "${tx.item(throwerKey)!.el}" was not caught`;
  if (tx.state.parent) {
    tx.effect({ type: 'parent.errored', parent: tx.state.parent, ...(code ? { code } : {}), message, variables });
    terminateInstance(tx);
    return;
  }
  tx.emit({ t: 'incident', key: throwerKey, code: 'UNHANDLED_ERROR', message });
}
