import KeptDiagramElements from './KeptDiagramElements.js';

/** What a file had that bpmn-js alone would not save back, kept. */
export default { __init__: ['keptDiagramElements'], keptDiagramElements: ['type', KeptDiagramElements] };
