/** The rasteriser must bundle for the renderer: no Node APIs, fonts included as JSON. */
import path from 'node:path';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';

describe('src/shared/led in the browser', () => {
  it('bundles with Vite for the browser, fonts inside, nothing from Node', async () => {
    const output = (await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        minify: false,
        lib: { entry: path.join(import.meta.dirname, '../../../src/shared/led/index.ts'), formats: ['es'], fileName: 'led' },
      },
    })) as Rollup.RollupOutput[];
    const chunks = output.flatMap((o) => o.output).filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
    const code = chunks.map((c) => c.code).join('\n');
    expect(code).toContain('efont-16');
    expect(code).not.toContain('__vite-browser-external');
    expect(code).not.toMatch(/from ["']node:/);
    expect(chunks.flatMap((c) => c.imports)).toEqual([]);
  });
});
