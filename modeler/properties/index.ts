import YichuangPropertiesProvider from './YichuangPropertiesProvider.js';

export default { __init__: ['ycPropertiesProvider'], ycPropertiesProvider: ['type', YichuangPropertiesProvider] };
