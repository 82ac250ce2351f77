import type { ModelProblem } from '../errors.js';
import type { ModdleElement } from './moddle.js';
import { idOf } from './moddle.js';

/** Collects every reason a definition cannot run, so an author sees them all at once. */
export class Problems {
  readonly list: ModelProblem[] = [];

  add(element: ModdleElement | undefined, rule: string, message: string): void {
    this.list.push({ elementId: idOf(element), elementType: typeName(element), rule, message });
  }

  /** Runs `fn`, turning a thrown EngineError (bad FEEL, bad timer) into a problem. */
  guard<T>(element: ModdleElement, rule: string, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (err) {
      this.add(element, rule, err instanceof Error ? err.message : String(err));
      return undefined;
    }
  }
}

export function typeName(element: ModdleElement | undefined): string {
  return element?.$type?.replace(/^bpmn:/, '') ?? 'unknown';
}
