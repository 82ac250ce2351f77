import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import pluginVue from 'eslint-plugin-vue';

/** The pages: Vue single-file components with TypeScript, running in the browser. */
const pages = [
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['web/src/**/*.{ts,vue}'],
    languageOptions: { globals: { ...globals.browser }, parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
    rules: { 'vue/max-attributes-per-line': 'off', 'vue/singleline-html-element-content-newline': 'off' },
  },
];

/** The runtime is a pure step function: no I/O, no clock, no randomness may reach it. */
const runtimePurity = {
  files: ['engine/runtime/**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [
        { group: ['node:*', 'fs', 'path', 'crypto', 'http', 'https', 'net', 'child_process', 'os', 'worker_threads'],
          message: 'engine/runtime is pure: I/O belongs in an adapter.' },
        { group: ['**/store/**', '**/queue/**', '**/clock/**', '**/calendar/chinese*'],
          message: 'engine/runtime imports no adapter; ports arrive through ctx.' },
      ],
    }],
    'no-restricted-globals': ['error',
      { name: 'setTimeout', message: 'time comes from ctx.now' },
      { name: 'setInterval', message: 'time comes from ctx.now' },
      { name: 'fetch', message: 'no I/O in the runtime' },
      { name: 'process', message: 'no environment in the runtime' },
    ],
    'no-restricted-properties': ['error',
      { object: 'Date', property: 'now', message: 'time comes from ctx.now' },
      { object: 'Math', property: 'random', message: 'ids come from ctx' },
      { object: 'crypto', property: 'randomUUID', message: 'ids come from ctx' },
    ],
    'no-restricted-syntax': ['error',
      { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'time comes from ctx.now' },
      { selector: "CallExpression[callee.name='eval']", message: 'never eval model text' },
      { selector: "NewExpression[callee.name='Function']", message: 'never eval model text' },
    ],
  },
};

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'modeler/dist', 'web/dist', 'web/.dist-*', 'coverage', 'scratch', 'tests/e2e/screenshots', 'tests/e2e/output'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  ...pages,
  runtimePurity,
);
