interface ModdleElement { $type: string; id?: string; get(name: string): unknown; set(name: string, value: unknown): void }
interface Shape { di?: ModdleElement }
interface EventBus { on(event: string, priority: number, callback: () => void): void }
interface ElementRegistry { getAll(): Shape[] }
interface BpmnJs { getDefinitions(): ModdleElement | undefined }

/** After bpmn-js orders the diagram (BpmnDiOrdering, at 2000), before the file is written. */
const AFTER_ORDERING = 1500;

/**
 * Keeps the diagram elements bpmn-js does not draw. On saving, bpmn-js writes each plane
 * anew from what it drew, so the shapes of a process no pool shows, or an edge between two
 * shapes that names no BPMN element, would be dropped from a file that had them (MIWG B.1.0,
 * B.2.0, C.7.0). They cannot be edited (nothing shows them), so they go back unchanged; an
 * edge whose end was deleted in the meantime is let go. Not pure: rewrites the planes.
 */
export default class KeptDiagramElements {
  static $inject = ['eventBus', 'elementRegistry', 'bpmnjs'];
  private kept = new Map<ModdleElement, ModdleElement[]>();

  constructor(eventBus: EventBus, private readonly registry: ElementRegistry, private readonly bpmnjs: BpmnJs) {
    eventBus.on('import.done', AFTER_ORDERING, () => this.remember());
    eventBus.on('saveXML.start', AFTER_ORDERING, () => this.restore());
  }

  private planes(): ModdleElement[] {
    const diagrams = (this.bpmnjs.getDefinitions()?.get('diagrams') ?? []) as ModdleElement[];
    return diagrams.map((d) => d.get('plane') as ModdleElement | undefined).filter((p): p is ModdleElement => Boolean(p));
  }

  private remember(): void {
    const drawn = new Set(this.registry.getAll().map((e) => e.di));
    this.kept = new Map(this.planes().map((plane) => [plane, ((plane.get('planeElement') ?? []) as ModdleElement[]).filter((di) => !drawn.has(di))]));
  }

  private restore(): void {
    for (const [plane, undrawn] of this.kept) {
      const present = (plane.get('planeElement') ?? []) as ModdleElement[];
      const onPlane = new Set([...present, ...undrawn]);
      const missing = undrawn.filter((di) => !present.includes(di) && endsOnPlane(di, onPlane));
      if (missing.length > 0) plane.set('planeElement', [...present, ...missing]);
    }
  }
}

/** An edge's source and target shapes (when it names them) are still in the diagram. */
function endsOnPlane(di: ModdleElement, onPlane: Set<ModdleElement>): boolean {
  return ['sourceElement', 'targetElement'].every((end) => {
    const shape = di.get(end) as ModdleElement | undefined;
    return !shape || onPlane.has(shape);
  });
}
