/** The rasteriser must bundle for the renderer: no Node APIs, fonts included as JSON. */
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('src/shared/led in the browser', () => {
  it('bundles for the browser platform with its fonts', async () => {
    const result = await build({
      entryPoints: [path.join(import.meta.dirname, '../../../src/shared/led/index.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0]!.text;
    expect(code).toContain('"efont-16"');
    expect(code).not.toMatch(/from ["']node:/);
  });
});
