interface Registry { registerProvider(...args: unknown[]): void }

/** Palette entries for what the engine does not run (data objects and stores carry no data in it; groups are only drawing). */
const PALETTE_HIDDEN = ['create.data-object', 'create.data-store', 'create.group'];
/** Replace-menu targets the engine refuses or ignores. */
const REPLACE_HIDDEN = /data-object|data-store|conditional-flow-never|compensation-activity-never/;

/**
 * Keeps the palette and the replace menu to what the engine runs: an administrator cannot
 * draw an element the deployment would then refuse or silently ignore.
 */
export default class EngineScope {
  static $inject = ['palette', 'popupMenu'];

  constructor(palette: Registry, popupMenu: Registry) {
    palette.registerProvider(100, this);
    popupMenu.registerProvider('bpmn-replace', 100, this);
  }

  getPaletteEntries() {
    return (entries: Record<string, unknown>) => {
      for (const key of PALETTE_HIDDEN) delete entries[key];
      return entries;
    };
  }

  getPopupMenuEntries() {
    return (entries: Record<string, unknown>) => Object.fromEntries(Object.entries(entries).filter(([id]) => !REPLACE_HIDDEN.test(id)));
  }
}
