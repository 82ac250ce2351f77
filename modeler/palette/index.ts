import EngineScope from './EngineScope.js';

export default { __init__: ['ycEngineScope'], ycEngineScope: ['type', EngineScope] };
