import type { Tx } from './tx.js';
import type { InstanceState } from './state.js';
import { ROOT } from './state.js';

/** The scope chain of an item, innermost first: the item, its scopes, up to the root. */
export function scopeChain(tx: Tx, key: string): string[] {
  const chain: string[] = [];
  for (let at: string | undefined = key; at !== undefined; at = tx.item(at)?.parent) chain.push(at);
  return chain;
}

/** The variables visible to an item: every scope's, inner ones shadowing outer ones. */
export function visibleVariables(tx: Tx, key: string): Record<string, unknown> {
  return variablesAt(tx.state, key);
}

/** `visibleVariables` on a bare state, for readers outside a step (job workers, queries). Pure. */
export function variablesAt(state: InstanceState, key: string): Record<string, unknown> {
  const chain: string[] = [];
  for (let at: string | undefined = key; at !== undefined; at = state.items[at]?.parent) chain.push(at);
  const merged: Record<string, unknown> = {};
  for (let i = chain.length - 1; i >= 0; i--) Object.assign(merged, state.vars[chain[i]!]);
  return merged;
}

/** Sets variables on one scope, as given (local variables, input mappings). */
export function setLocal(tx: Tx, scope: string, values: Record<string, unknown>): void {
  if (Object.keys(values).length > 0) tx.emit({ t: 'vars', scope, values });
}

/** Sets variables on one scope from outside the model (an operator, by `by`): their own event, told apart from the process's. */
export function setFromOutside(tx: Tx, scope: string, values: Record<string, unknown>, by?: string): void {
  if (Object.keys(values).length > 0) tx.emit({ t: 'variablesSet', scope, values, ...(by ? { by } : {}) });
}

/**
 * Sets variables the Zeebe way: each goes to the nearest scope (from `from` outwards) that
 * already has a variable of that name, or else to the root.
 */
export function propagate(tx: Tx, from: string | undefined, values: Record<string, unknown>): void {
  const chain = from === undefined ? [ROOT] : scopeChain(tx, from);
  const byScope = new Map<string, Record<string, unknown>>();
  for (const [name, value] of Object.entries(values)) {
    const scope = chain.find((key) => tx.state.vars[key] && name in tx.state.vars[key]!) ?? ROOT;
    byScope.set(scope, { ...byScope.get(scope), [name]: value });
  }
  for (const [scope, scoped] of byScope) setLocal(tx, scope, scoped);
}
