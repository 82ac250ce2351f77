import { watchWords } from '../words/watch-words.js';
import { zh } from './simulation-words.js';

interface EventBus { on(event: string, callback: () => void): void }
interface Canvas { getContainer(): HTMLElement }

/** The simulation's own parts of the page: its palette, log, notifications, context pads and token counts. */
const SIMULATION_PARTS = '[class^="bts-"], [class*=" bts-"]';

/**
 * Puts bpmn-js-token-simulation's texts and button titles into Chinese as they appear: it
 * writes English straight into the DOM, and the whole simulation lives in the canvas
 * container. Not pure: rewrites the DOM.
 */
export default class SimulationWords {
  static $inject = ['eventBus', 'canvas'];

  constructor(eventBus: EventBus, canvas: Canvas) {
    let stop = () => {};
    eventBus.on('diagram.init', () => { stop = watchWords(canvas.getContainer(), zh, SIMULATION_PARTS); });
    eventBus.on('diagram.destroy', () => stop());
  }
}
