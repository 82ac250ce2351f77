import { diff } from 'bpmn-js-differ';
import { diffDefinitions } from './semantic-diff.js';
import type { ElementChange } from './semantic-diff.js';
import type { ModdleLike } from './canonical.js';

/** What a diff view colours: element ids by kind of change, and the list beside the diagram. */
export interface VisualDiff {
  added: string[];
  removed: string[];
  changed: string[];
  /** Moved or resized only. */
  layoutChanged: string[];
  changes: ElementChange[];
}

/**
 * bpmn-js-differ's comparison of two diagrams, joined with the semantic diff that also sees
 * changes inside extension elements (a new candidate group, a time limit), which the differ
 * misses on its own. Pure.
 */
export function visualDiff(before: ModdleLike, after: ModdleLike): VisualDiff {
  const found = diff(before, after) as { _added: Record<string, unknown>; _removed: Record<string, unknown>; _changed: Record<string, unknown>; _layoutChanged: Record<string, unknown> };
  const changes = diffDefinitions(before, after);
  const ids = (kind: ElementChange['change']) => changes.filter((c) => c.change === kind).map((c) => c.elementId);
  const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
  return {
    added: union(Object.keys(found._added), ids('added')),
    removed: union(Object.keys(found._removed), ids('removed')),
    changed: union(Object.keys(found._changed), ids('changed')),
    layoutChanged: Object.keys(found._layoutChanged),
    changes,
  };
}
