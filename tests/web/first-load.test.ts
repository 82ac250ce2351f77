import { describe, expect, test } from '@jest/globals';
import { firstLoadFiles, lazyOnlyOffenders } from '../../web/build/first-load.js';
import { moduleName } from '../../web/build/chunk-modules.js';

// A build in which the case page (lazy) brings bpmn-js, and a shared chunk is loaded by both.
const manifest = {
  'index.html': { file: 'assets/index-a.js', isEntry: true, imports: ['_vendor-b.js'], dynamicImports: ['src/cases/CasePage.vue'], css: ['assets/index.css'] },
  '_vendor-b.js': { file: 'assets/vendor-b.js', imports: ['_shared-e.js'] },
  '_shared-e.js': { file: 'assets/shared-e.js', imports: ['_vendor-b.js'] },
  'src/cases/CasePage.vue': { file: 'assets/CasePage-c.js', imports: ['_vendor-b.js', '_diagram-d.js'] },
  '_diagram-d.js': { file: 'assets/diagram-d.js' },
};

describe('the first load', () => {
  test('is the entry and what it imports statically, transitively; dynamic imports come later', () => {
    expect(firstLoadFiles(manifest)).toEqual(['assets/index-a.js', 'assets/shared-e.js', 'assets/vendor-b.js']);
  });

  test('holding bpmn-js or form-js code is named, file and package', () => {
    const modules = {
      'assets/index-a.js': ['vue', 'web/src/main.ts'],
      'assets/vendor-b.js': ['element-plus', 'bpmn-js', 'bpmn-moddle'],
      'assets/shared-e.js': ['@bpmn-io/form-js-viewer'],
      'assets/diagram-d.js': ['bpmn-js', 'diagram-js'],
    };
    expect(lazyOnlyOffenders(firstLoadFiles(manifest), modules)).toEqual(['assets/shared-e.js: @bpmn-io/form-js-viewer', 'assets/vendor-b.js: bpmn-js']);
  });

  test('with bpmn-js only in a lazy chunk, nothing is named', () => {
    expect(lazyOnlyOffenders(firstLoadFiles(manifest), { 'assets/vendor-b.js': ['vue'], 'assets/diagram-d.js': ['bpmn-js'] })).toEqual([]);
  });

  test('module ids are read as package names, or app paths', () => {
    expect(moduleName('/repo/node_modules/@bpmn-io/form-js-viewer/dist/index.es.js')).toBe('@bpmn-io/form-js-viewer');
    expect(moduleName('/repo/node_modules/.pnpm/x/node_modules/bpmn-js/lib/Viewer.js')).toBe('bpmn-js');
    expect(moduleName('/repo/web/src/inbox/InboxPage.vue?vue&type=style&index=0')).toBe('web/src/inbox/InboxPage.vue');
    expect(moduleName('\0vite/modulepreload-polyfill.js')).toBe('vite/modulepreload-polyfill.js');
  });
});
