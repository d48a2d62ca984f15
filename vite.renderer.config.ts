import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The screen, built once for both the Electron shell (studio:// protocol) and browser mode. */
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
});
