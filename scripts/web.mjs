#!/usr/bin/env node
/**
 * `npm run web`: brings the screen (dist/renderer) and the host (.vite/cli/web.js) up to date —
 * a hash check each when nothing changed — then runs the built host in this same process, so the
 * studio is up a second or so after the command (no TypeScript compiled at start).
 * `npm run web:dev` runs the host from its sources through tsx instead.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildWhenChanged, root } from './build-when-changed.mjs';
import { CLI_BUILD } from './build-cli.mjs';
import { SCREEN_BUILD } from './build-screen.mjs';

for (const build of [SCREEN_BUILD, CLI_BUILD]) {
  const status = buildWhenChanged({ ...build, quiet: true });
  if (status !== 0) process.exit(status);
}
await import(pathToFileURL(path.join(root, '.vite', 'cli', 'web.js')).href);
