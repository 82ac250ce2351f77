import KeptDiagramElements from './KeptDiagramElements.js';
import KeptPrefixedAttributes from './KeptPrefixedAttributes.js';

/** What a file had that bpmn-js alone would not save back, kept. */
export default {
  __init__: ['keptDiagramElements', 'keptPrefixedAttributes'],
  keptDiagramElements: ['type', KeptDiagramElements],
  keptPrefixedAttributes: ['type', KeptPrefixedAttributes],
};
