import StepPalette from './StepPalette.js';

/** The platform's steps in the palette. */
export default { __init__: ['ycStepPalette'], ycStepPalette: ['type', StepPalette] };
