import { zh } from './simulation-words.js';

interface EventBus { on(event: string, callback: () => void): void }
interface Canvas { getContainer(): HTMLElement }

/** The simulation's own parts of the page: its palette, log, notifications, context pads and token counts. */
const SIMULATION_PARTS = '[class^="bts-"], [class*=" bts-"]';

/**
 * Puts bpmn-js-token-simulation's texts and button titles into Chinese as they appear: it
 * writes English straight into the DOM, so this watches the canvas container (the whole
 * simulation lives there) and rewrites what it adds. Not pure: rewrites the DOM.
 */
export default class SimulationWords {
  static $inject = ['eventBus', 'canvas'];
  private readonly observer = new MutationObserver((records) => records.forEach((r) => this.rewrite(r.target)));

  constructor(eventBus: EventBus, canvas: Canvas) {
    eventBus.on('diagram.init', () => {
      const container = canvas.getContainer();
      this.rewrite(container);
      this.observer.observe(container, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['title'] });
    });
    eventBus.on('diagram.destroy', () => this.observer.disconnect());
  }

  private rewrite(node: Node): void {
    const root = node instanceof Element ? node : node.parentElement;
    if (!root) return;
    const parts = root.matches(SIMULATION_PARTS) ? [root, ...root.querySelectorAll(SIMULATION_PARTS)] : [...root.querySelectorAll(SIMULATION_PARTS)];
    for (const part of parts) this.rewriteElement(part);
  }

  private rewriteElement(element: Element): void {
    const title = element.getAttribute('title');
    if (title && zh(title) !== title) element.setAttribute('title', zh(title));
    for (const child of element.childNodes) {
      if (child.nodeType === Node.TEXT_NODE && child.textContent?.trim() && zh(child.textContent) !== child.textContent) child.textContent = zh(child.textContent);
    }
  }
}
