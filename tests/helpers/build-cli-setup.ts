/**
 * Vitest global setup: brings the built `studio` command and browser-mode host (.vite/cli) up to
 * date before any test file runs, because the CLI tests run bin/studio.js and the end-to-end tests
 * start .vite/cli/web.js, as a user does. A hash check when nothing changed; a build when a source did.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  const run = spawnSync(process.execPath, ['scripts/build-cli.mjs', '--quiet'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (run.status !== 0) throw new Error(`the studio command could not be built (exit ${run.status}): see the output above`);
}
