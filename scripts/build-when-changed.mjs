/**
 * Runs a Vite build only when its inputs changed since the last one, so that `npm run web`,
 * `npm test` and the `studio` command start in a second instead of waiting for a build each time.
 *
 * The inputs are hashed by content (not modification time, which a checkout or a copy changes),
 * with their paths. The hash is kept in `<outDir>/.inputs-sha256`, written after a successful
 * build only, so an interrupted build is redone. No tool we use caches whole Vite builds.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

function files(entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return [];
  if (!fs.statSync(full).isDirectory()) return [entry];
  return fs
    .readdirSync(full, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((d) => files(path.join(entry, d.name)));
}

export function inputsHash(inputs) {
  const hash = crypto.createHash('sha256');
  for (const file of inputs.flatMap(files)) {
    hash.update(file.split(path.sep).join('/'));
    hash.update('\0');
    hash.update(fs.readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/**
 * Builds `config` into `outDir` (relative to the repository) unless `<outDir>/<marker>` exists and
 * the stamp matches the inputs; `force` rebuilds. Returns the exit status (0 when up to date).
 */
export function buildWhenChanged({ what, config, outDir, marker, inputs, force = false, quiet = false }) {
  const out = path.join(root, outDir);
  const stamp = path.join(out, '.inputs-sha256');
  const wanted = inputsHash(inputs);
  const built = fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8').trim() : null;
  if (!force && built === wanted && fs.existsSync(path.join(out, marker))) {
    if (!quiet) process.stdout.write(`${what} is up to date (${outDir}); no build needed.\n`);
    return 0;
  }
  process.stderr.write(`Building ${what} into ${outDir}…\n`);
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const run = spawnSync(process.execPath, [vite, 'build', '--config', config], { cwd: root, stdio: ['ignore', quiet ? 2 : 1, 2] });
  if (run.status !== 0) return run.status ?? 1;
  fs.writeFileSync(stamp, `${wanted}\n`);
  return 0;
}
