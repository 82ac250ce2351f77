import FormDesignProvider from './FormDesignProvider.js';

/** 设计表单 from a user task's form group in the properties panel. */
export default { __init__: ['ycFormDesignProvider'], ycFormDesignProvider: ['type', FormDesignProvider] };
