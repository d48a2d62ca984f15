/**
 * `npm run bench [name…]`: runs every bench/*.bench.ts (or those whose name contains one of the
 * arguments), prints each one's figures and keeps them in bench/results/latest.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = import.meta.dirname;
const filters = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((name) => f.includes(name)))
  .sort();

const results: Record<string, unknown> = {};
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '');
  // The machine may be shared: every bench's figures are read against the load they ran under.
  const load = () => os.loadavg().map((v) => v.toFixed(2)).join(' ');
  process.stdout.write(`\n=== ${name} === (load average ${load()})\n`);
  const started = Date.now();
  try {
    const bench = (await import(path.join(dir, file))) as { default: () => Promise<unknown> };
    const loadBefore = load();
    const figures = await bench.default();
    results[name] = { figures, loadAverage: { before: loadBefore, after: load() } };
  } catch (error) {
    results[name] = { error: error instanceof Error ? error.message : String(error) };
    process.stdout.write(`FAILED: ${String(error)}\n`);
    process.exitCode = 1;
  }
  process.stdout.write(`(${((Date.now() - started) / 1000).toFixed(1)} s; load average ${load()})\n`);
}

fs.mkdirSync(path.join(dir, 'results'), { recursive: true });
fs.writeFileSync(path.join(dir, 'results', 'latest.json'), `${JSON.stringify({ at: new Date().toISOString(), results }, null, 2)}\n`);
process.stdout.write(`\nFigures saved to bench/results/latest.json\n`);
