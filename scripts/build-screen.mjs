#!/usr/bin/env node
/**
 * Builds the screen (dist/renderer) only when its inputs changed since the last build
 * (build-when-changed.mjs): every file under src/renderer and src/shared, the Vite config, and the
 * lock file. `--force` rebuilds.
 */
import { fileURLToPath } from 'node:url';
import { buildWhenChanged } from './build-when-changed.mjs';

export const SCREEN_BUILD = {
  what: 'Screen',
  config: 'vite.renderer.config.ts',
  outDir: 'dist/renderer',
  marker: 'index.html',
  inputs: ['src/renderer', 'src/shared', 'vite.renderer.config.ts', 'package-lock.json'],
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = buildWhenChanged({ ...SCREEN_BUILD, force: process.argv.includes('--force') });
}
