import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { NATIVE_MODULES } from './resources/forge/native-modules.ts';
import { workerEntries } from './resources/forge/worker-entries.ts';

const projectDir = path.dirname(fileURLToPath(import.meta.url));

/** Where `npm run setup` builds the `studio` command and the browser-mode host (scripts/build-cli.mjs). */
export const CLI_BUILD_DIR = path.join(projectDir, '.vite', 'cli');

/**
 * Packages loaded from node_modules at run time rather than bundled: the native ones (as in the
 * Electron build), espeak-ng (it reads its data file from beside its own script), ws (it tries its
 * optional native helpers in a try/require, which a bundle turns into a throw at load) and tsx (only
 * the bootstraps of .ts sources import it, which a build never runs).
 */
const UNBUNDLED = [...NATIVE_MODULES, '@echogarden/espeak-ng-emscripten', 'ws', 'tsx'];
const unbundled = (id: string): boolean => UNBUNDLED.some((name) => id === name || id.startsWith(`${name}/`));

/**
 * The `studio` command (cli.js) and the browser-mode host (web.js) as plain JavaScript, so that a
 * command starts without compiling TypeScript (tsx stays for development). Built like the
 * Electron main process (vite.main.config.ts): an ES module, every worker and child-process module
 * its own entry, flat in one folder, so that jobs/worker-files.ts finds them beside the chunks.
 * Pure JavaScript packages are bundled too: zod alone is 95 files, a third of a second to load
 * one by one. Both run from the repository, so the unbundled ones load from its node_modules.
 */
export default defineConfig({
  build: {
    target: 'node20',
    outDir: CLI_BUILD_DIR,
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: {
      entry: {
        cli: path.join(projectDir, 'src/main/cli/main.ts'),
        web: path.join(projectDir, 'src/main/bridge/start.ts'),
        ...workerEntries(projectDir),
      },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rollupOptions: {
      external: (id) => unbundled(id) || builtinModules.includes(id) || id.startsWith('node:'),
      output: { chunkFileNames: '[name]-[hash].js' },
      // zod's sources carry comments Rollup reads as misplaced annotations; harmless, and noise.
      onwarn(warning, warn) {
        if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
      },
    },
  },
  // Node's entry points, never a package's "browser" field (@eshaz/web-worker, which the audio
  // decoders use, would otherwise resolve to its Web Worker version: "Worker is not defined").
  // Forge sets the same for the Electron main build.
  resolve: { conditions: ['node'], mainFields: ['module', 'jsnext:main', 'jsnext', 'main'] },
  logLevel: 'warn',
});
