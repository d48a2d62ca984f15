#!/usr/bin/env node
/**
 * Builds the `studio` command and the browser-mode host (.vite/cli, vite.cli.config.ts) only when
 * their inputs changed since the last build (build-when-changed.mjs): every file under src/main and
 * src/shared, the build config and what it reads, and the lock file. `--force` rebuilds; `--quiet`
 * prints nothing when up to date and keeps stdout clean (bin/studio.js builds a missing build).
 * `npm run setup` (npm install's prepare step) and `npm test` run it.
 */
import { fileURLToPath } from 'node:url';
import { buildWhenChanged } from './build-when-changed.mjs';

export const CLI_BUILD = {
  what: 'The studio command and browser-mode host',
  config: 'vite.cli.config.ts',
  outDir: '.vite/cli',
  marker: 'cli.js',
  inputs: [
    'src/main',
    'src/shared',
    'vite.cli.config.ts',
    'resources/forge/native-modules.ts',
    'resources/forge/worker-entries.ts',
    'package.json',
    'package-lock.json',
  ],
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = buildWhenChanged({ ...CLI_BUILD, force: process.argv.includes('--force'), quiet: process.argv.includes('--quiet') });
}
