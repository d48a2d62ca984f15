import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { NATIVE_MODULES } from './resources/forge/native-modules.ts';
import { workerEntries } from './resources/forge/worker-entries.ts';

const projectDir = path.dirname(fileURLToPath(import.meta.url));

/**
 * espeak-ng's WebAssembly build reads `espeak-ng.data` from beside the script that loads it
 * (its own import.meta.url). Bundled, that script is a chunk here: put the data beside it.
 */
function espeakData(): Plugin {
  const data = path.join(projectDir, 'node_modules/@echogarden/espeak-ng-emscripten/espeak-ng.data');
  return {
    name: 'studio:espeak-data',
    generateBundle(_options, bundle) {
      const dirs = new Set<string>();
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.moduleIds.some((id) => id.includes('espeak-ng-emscripten'))) dirs.add(path.posix.dirname(chunk.fileName));
      }
      for (const dir of dirs) this.emitFile({ type: 'asset', fileName: path.posix.join(dir, 'espeak-ng.data'), source: fs.readFileSync(data) });
    },
  };
}

/**
 * The Electron main process, built by Forge's Vite plugin into .vite/build. An ES module, as the
 * package declares ("type": "module"): `build.lib` is set so that Forge does not inject its
 * CommonJS default. Every worker and child-process module is its own entry (worker-entries.ts), and
 * all files are flat in one folder so that relative imports between them hold.
 */
export default defineConfig({
  build: {
    target: 'node22',
    sourcemap: true,
    lib: {
      entry: { main: path.join(projectDir, 'src/main/app/main.ts'), ...workerEntries(projectDir) },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rollupOptions: {
      // tsx is only imported by the bootstraps for .ts sources, which a build never has.
      external: ['electron', 'tsx/esm/api', ...NATIVE_MODULES, ...builtinModules, /^node:/],
      output: { chunkFileNames: '[name]-[hash].js' },
    },
  },
  plugins: [espeakData()],
  resolve: { conditions: ['node'] },
});
