#!/usr/bin/env node
/**
 * Builds the screen (dist/renderer) only when its inputs changed since the last build: `npm run
 * web` and `npm test` start in a second instead of waiting for a Vite build every time.
 *
 * The inputs are hashed by content (not modification time, which a checkout or a copy changes):
 * every file under src/renderer and src/shared, the Vite config, and the lock file. The hash is
 * kept in dist/renderer/.inputs-sha256, written after a successful build only. `--force` rebuilds.
 * No tool we use caches whole Vite builds, and this is 60 lines.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'dist', 'renderer');
const stamp = path.join(outDir, '.inputs-sha256');
const inputs = ['src/renderer', 'src/shared', 'vite.renderer.config.ts', 'package-lock.json'];

function files(entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return [];
  if (!fs.statSync(full).isDirectory()) return [entry];
  return fs
    .readdirSync(full, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((d) => files(path.join(entry, d.name)));
}

function inputsHash() {
  const hash = crypto.createHash('sha256');
  for (const file of inputs.flatMap(files)) {
    hash.update(file.split(path.sep).join('/'));
    hash.update('\0');
    hash.update(fs.readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

const wanted = inputsHash();
const built = fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8').trim() : null;
const complete = fs.existsSync(path.join(outDir, 'index.html'));
if (!process.argv.includes('--force') && built === wanted && complete) {
  process.stdout.write('Screen is up to date (dist/renderer); no build needed.\n');
  process.exit(0);
}

const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const run = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.renderer.config.ts'], { cwd: root, stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);
fs.writeFileSync(stamp, `${wanted}\n`);
