import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vite';
import { NATIVE_MODULES } from './resources/forge/native-modules.ts';

/**
 * The Electron main process for packaging. Every *.worker.ts becomes its own file next to
 * main.js, where the job manager looks for it when the .ts source is not there.
 */
const workers = Object.fromEntries(
  (fs.readdirSync('src/main', { recursive: true }) as string[])
    .filter((file) => file.endsWith('.worker.ts'))
    .map((file) => [path.basename(file, '.ts'), path.resolve('src/main', file)]),
);

export default defineConfig({
  build: {
    target: 'node22',
    sourcemap: true,
    rollupOptions: {
      input: { main: path.resolve('src/main/app/main.ts'), ...workers },
      external: [...NATIVE_MODULES, /^node:/],
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
  resolve: { conditions: ['node'] },
});
