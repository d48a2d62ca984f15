import path from 'node:path';
import { defineConfig } from 'vite';

/** Sandboxed preloads must be CommonJS. */
export default defineConfig({
  build: {
    rollupOptions: {
      input: path.resolve('src/preload/preload.ts'),
      external: ['electron'],
      output: { format: 'cjs', entryFileNames: 'preload.cjs', inlineDynamicImports: true },
    },
  },
});
