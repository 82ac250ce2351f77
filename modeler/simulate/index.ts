import TokenSimulationModule from 'bpmn-js-token-simulation';
import SimulationWords from './SimulationWords.js';

/** Token simulation on the draft (bpmn-js-token-simulation), its texts in Chinese. */
export default { __depends__: [TokenSimulationModule], __init__: ['simulationWords'], simulationWords: ['type', SimulationWords] };
