import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import { chunkModules } from './build/chunk-modules.js';

/**
 * The pages' build. Element Plus components are imported where a template uses them (with
 * their own CSS), not the whole library, so the first load stays small. `npm run web:dev`
 * serves the pages with hot reload and passes /api to a running `npm start` (YC_API_URL to
 * point elsewhere).
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [
    vue(),
    components({ dirs: [], dts: false, resolvers: [ElementPlusResolver({ importStyle: 'css' })] }),
    chunkModules(),
  ],
  // One preact for every bpmn.io part: form-js's editor pins an older one beside it, and the
  // properties panel it draws (hooks included) must share the editor's copy.
  resolve: { dedupe: ['preact'] },
  build: { outDir: 'dist', manifest: true, emptyOutDir: true, chunkSizeWarningLimit: 600 },
  server: { port: 5173, proxy: { '/api': { target: process.env.YC_API_URL ?? 'http://localhost:3000', changeOrigin: true } } },
});
