/**
 * Where the module of a worker thread or child process is on disk.
 *
 * From sources (tsx: `npm run web`, the CLI, the tests) it is the .ts/.mjs file itself under
 * src/main/services. In the Electron build every such module is its own Rollup entry, emitted flat
 * beside main.js as `<basename>.js` (see vite.main.config.ts), and kept outside the asar archive
 * (forge.config.ts), because worker threads and child processes open it by path.
 *
 * Call sites name the file relative to src/main/services: `workerUrl('audio/file-tools.worker.ts')`.
 * Not `new URL` of a string literal relative to import.meta.url: Vite rewrites that pattern into
 * an inlined `data:` URL, which a worker cannot be started from. The URLs below are built from variables so
 * that Vite leaves them alone.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';

/** This module runs from a .ts source under tsx and vitest, from a .js chunk in the build. */
const fromSources = /\.[mc]?ts$/.test(new URL(import.meta.url).pathname);

/** The file name a worker/bootstrap source gets in the build: `tts/onnx-child-main.ts` → `onnx-child-main.js`. */
export function builtWorkerName(sourcePath: string): string {
  const base = sourcePath.slice(sourcePath.lastIndexOf('/') + 1);
  return base.replace(/\.[mc]?[jt]s$/, '.js');
}

export function workerUrl(sourcePath: string): URL {
  if (fromSources) {
    const relative = `../${sourcePath}`;
    return new URL(relative, import.meta.url);
  }
  const built = builtWorkerName(sourcePath);
  const file = fileURLToPath(new URL(built, import.meta.url));
  // A packaged app's code is in resources/app.asar; the worker files sit in app.asar.unpacked.
  return pathToFileURL(file.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2'));
}

/** The same, as a path (worker_threads and child_process take either). */
export const workerPath = (sourcePath: string): string => fileURLToPath(workerUrl(sourcePath));
