import { ref } from 'vue';
import type Modeler from 'bpmn-js/lib/Modeler';

interface ToggleMode { toggleMode(active?: boolean): void }
interface EventBus { on(event: string, callback: (event: { active: boolean }) => void): void }

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
    modeler()?.get<ToggleMode>('toggleMode').toggleMode(!simulating.value);
  }

  return { simulating, follow, toggle };
}
