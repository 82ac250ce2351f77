import { ref } from 'vue';
import type Modeler from 'bpmn-js/lib/Modeler';

interface ToggleMode { toggleMode(active?: boolean): void }
interface EventBus { on(event: string, callback: (event: { active: boolean }) => void): void }
interface Shape { type: string; parent?: { parent?: unknown } }
interface Canvas { zoom(): number; zoom(level: number): void; scrollToElement(element: Shape, padding?: number): void }
interface ElementRegistry { filter(fn: (element: Shape) => boolean): Shape[] }

/** The simulation's ▶ buttons show only from this zoom up (bpmn-js-token-simulation hides them below 0.5). */
const SIMULATION_ZOOM = 0.8;

/**
 * 模拟运行 on the draft: bpmn-js-token-simulation's mode, switched by the page's own button
 * (the module's English switch on the canvas is hidden). While it runs the diagram cannot be
 * edited, and nothing is saved: the simulation colours the diagram for as long as it runs.
 */
export function useSimulation(modeler: () => Modeler | undefined) {
  const simulating = ref(false);

  /** Follows the mode however it changes (the button, or the module's own keyboard shortcut). */
  function follow(opened: Modeler): void {
    opened.get<EventBus>('eventBus').on('tokenSimulation.toggleMode', ({ active }) => { simulating.value = active; });
  }

  function toggle(): void {
    const opened = modeler();
    if (!opened) return;
    opened.get<ToggleMode>('toggleMode').toggleMode(!simulating.value);
    if (simulating.value) showStart(opened);
  }

  return { simulating, follow, toggle };
}

/** A whole flow fitted to the screen is too small for the ▶ buttons: zoom in where the flow starts. */
function showStart(opened: Modeler): void {
  const canvas = opened.get<Canvas>('canvas');
  if (canvas.zoom() >= SIMULATION_ZOOM) return;
  canvas.zoom(SIMULATION_ZOOM);
  // The process's own start (not one inside a sub-process): its parent is the root, whose parent is none.
  const [start] = opened.get<ElementRegistry>('elementRegistry').filter((e) => e.type === 'bpmn:StartEvent' && !e.parent?.parent);
  if (start) canvas.scrollToElement(start, 120);
}
