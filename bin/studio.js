#!/usr/bin/env node
// The `studio` command. Runs the built JavaScript in .vite/cli (vite.cli.config.ts), which
// `npm run setup` makes, so that a command starts in a fraction of a second; a missing build is
// made first (once, about half a minute). STUDIO_FROM_SOURCES=1 runs the TypeScript sources through
// tsx instead, for development without rebuilding.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, '.vite', 'cli', 'cli.js');

if (process.env.STUDIO_FROM_SOURCES === '1') {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.join(root, 'src', 'main', 'cli', 'main.ts')).href);
} else {
  if (!fs.existsSync(built)) {
    process.stderr.write('Đang dựng lệnh studio lần đầu… / Building the studio command (first run)…\n');
    const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-cli.mjs'), '--quiet'], { cwd: root, stdio: ['ignore', 2, 2] });
    if (run.status !== 0 || !fs.existsSync(built)) {
      process.stderr.write('Lỗi: không dựng được lệnh studio; chạy `npm run setup` trong thư mục Studio.\nError: the studio command could not be built; run `npm run setup` in the Studio folder.\n');
      process.exit(1);
    }
  }
  await import(pathToFileURL(built).href);
}
