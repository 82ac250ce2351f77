import { nameBack, renameClashing, undoRenames } from './same-namespace-attributes.js';
import type { Renamed } from './same-namespace-attributes.js';

interface EventBus { on(event: string, priority: number, callback: (event: { definitions?: unknown; xml?: string }) => unknown): void }

/**
 * Keeps `prefix:name` beside `name` on another vendor's elements when the diagram is saved
 * (see same-namespace-attributes.ts). Not pure: renames on the model while it is written.
 */
export default class KeptPrefixedAttributes {
  static $inject = ['eventBus'];
  private renamed: Renamed[] = [];

  constructor(eventBus: EventBus) {
    eventBus.on('saveXML.start', 1000, ({ definitions }) => { this.renamed = renameClashing(definitions); });
    eventBus.on('saveXML.serialized', 1000, ({ xml }) => (this.renamed.length > 0 && xml !== undefined ? nameBack(xml, this.renamed) : undefined));
    eventBus.on('saveXML.done', 1000, () => {
      undoRenames(this.renamed);
      this.renamed = [];
    });
  }
}
