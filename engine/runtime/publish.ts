import type { EventDefinition } from '../model/graph.js';
import type { Tx } from './tx.js';
import { valueIn } from './evaluate.js';

/** What a thrown message or signal carries: the thrower's input mappings (Zeebe's rule). */
function payload(tx: Tx, key: string): Record<string, unknown> {
  return { ...tx.state.vars[key] };
}

/**
 * Throws a message: the engine correlates it after the step commits. The correlation key is
 * the message's zeebe:subscription expression, evaluated where the message is thrown.
 */
export function publishMessage(tx: Tx, key: string, events: readonly EventDefinition[]): boolean {
  const message = events.find((e) => e.kind === 'message');
  if (message?.kind !== 'message') return false;
  const ck = message.correlationKey ? valueIn(tx, key, message.correlationKey) : undefined;
  tx.effect({
    type: 'message.published', name: message.name,
    ...(ck === undefined || ck === null ? {} : { correlationKey: String(ck) }),
    variables: payload(tx, key),
  });
  return true;
}

export function broadcastSignal(tx: Tx, key: string, name: string): void {
  tx.effect({ type: 'signal.broadcast', name, variables: payload(tx, key) });
}
