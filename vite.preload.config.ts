import { defineConfig } from 'vite';
import { requestNames } from './src/shared/api/index.ts';

/**
 * Sandboxed preloads must be CommonJS and may require nothing but `electron`. The allowlist of
 * request names is put in at build time, so that the preload does not carry zod and every schema.
 */
export default defineConfig({
  define: { __STUDIO_REQUEST_NAMES__: JSON.stringify(requestNames) },
  build: {
    rollupOptions: {
      external: ['electron'],
      output: { format: 'cjs', entryFileNames: 'preload.cjs', inlineDynamicImports: true },
    },
  },
});
