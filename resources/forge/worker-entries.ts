import fs from 'node:fs';
import path from 'node:path';

/**
 * Modules that run in a worker thread or a child process, relative to src/main/services: every
 * *.worker.ts, the bootstraps (worker threads, job processes, ONNX children) and the ONNX children's mains. The Electron build emits each as
 * its own file beside main.js, named as src/main/services/jobs/worker-files.ts expects.
 */
export const PROCESS_ENTRIES = [
  'jobs/worker-bootstrap.mjs',
  'jobs/process-bootstrap.mjs',
  'tts/onnx-child-bootstrap.mjs',
  'tts/onnx-child-main.ts',
  'translation-engines/packs/mt-pack-child.ts',
];

export function workerSources(projectDir: string): string[] {
  const services = path.join(projectDir, 'src/main/services');
  const workers = (fs.readdirSync(services, { recursive: true }) as string[])
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file.endsWith('.worker.ts'))
    .sort();
  return [...PROCESS_ENTRIES, ...workers];
}

/** Rollup entries: build name (the file's base name, no extension) → absolute source path. */
export function workerEntries(projectDir: string): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const source of workerSources(projectDir)) {
    const name = path.posix.basename(source).replace(/\.[mc]?ts$|\.mjs$/, '');
    if (entries[name]) throw new Error(`two worker modules would both be built as ${name}.js: rename one`);
    entries[name] = path.join(projectDir, 'src/main/services', source);
  }
  return entries;
}
