import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const projectDir = path.dirname(fileURLToPath(import.meta.url));

/**
 * The screen, built for browser mode (`npm run build:renderer` → dist/renderer) and, through
 * Forge's Vite plugin, for the Electron shell: .vite/renderer/<name>, where Forge packages it and
 * the studio:// protocol serves it from.
 */
export default defineConfig((env) => {
  const forgeRenderer = (env as { forgeConfigSelf?: { name?: string } }).forgeConfigSelf;
  const outDir = forgeRenderer ? path.join(projectDir, '.vite/renderer', forgeRenderer.name ?? 'main_window') : path.join(projectDir, 'dist/renderer');
  return {
    root: path.join(projectDir, 'src/renderer'),
    base: './',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  };
});
