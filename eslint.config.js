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

/**
 * The runtime is a pure step function: no I/O, no clock, no randomness may reach it, nor any
 * code it imports. These are the folders (and the one file, errors.ts) that engine/runtime/
 * reaches through its imports; tests/engine/structure/purity.test.ts walks the import graph and
 * fails when the step reaches a folder not listed here.
 */
const PURE_CORE = ['engine/runtime/**/*.ts', 'engine/model/**/*.ts', 'engine/expressions/**/*.ts', 'engine/time/**/*.ts', 'engine/calendar/**/*.ts', 'engine/errors.ts'];

const runtimePurity = {
  files: PURE_CORE,
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [
        { group: ['node:*', 'fs', 'path', 'crypto', 'http', 'https', 'net', 'child_process', 'os', 'worker_threads'],
          message: 'the step and what it imports are pure: I/O belongs in an adapter.' },
        { group: ['**/store/**', '**/queue/**', '**/clock/**', '**/calendar/chinese*'],
          message: 'the step and what it imports use no adapter; ports arrive through ctx.' },
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

/** Checks the pages run too (api/validation): pure, and importing nothing of the server, so the web build can take them. */
const sharedValidation = {
  files: ['api/validation/**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [{ group: ['node:*', '../*', 'knex', 'express', 'zod'], message: 'api/validation is imported by the pages too: only pure code of its own folder.' }],
    }],
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
  sharedValidation,
);
