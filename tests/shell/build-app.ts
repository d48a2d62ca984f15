/**
 * Builds the three Electron targets the way `electron-forge package` does (Forge 7.11's Vite
 * plugin: its ViteConfigGenerator merges each target's config with Forge's defaults, then
 * `vite.build` runs with `configFile: false`), but into a temporary folder instead of .vite/, and
 * writes the package.json Forge writes beside it. The folder then looks like the app's resources/app.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { build, type InlineConfig } from 'vite';
import type { VitePlugin } from '@electron-forge/plugin-vite';
import forgeConfig from '../../forge.config.ts';

const require = createRequire(import.meta.url);
type Generator = { getBuildConfigs(): Promise<InlineConfig[]>; getRendererConfig(): Promise<InlineConfig[]> };
const ViteConfigGenerator = (require('@electron-forge/plugin-vite/dist/ViteConfig') as { default: new (config: unknown, dir: string, isProd: boolean) => Generator }).default;

export const projectDir = path.resolve(import.meta.dirname, '../..');

export function vitePlugin(): VitePlugin {
  const plugin = forgeConfig.plugins?.find((p) => (p as { name?: string }).name === 'vite');
  if (!plugin) throw new Error('forge.config.ts has no Vite plugin');
  return plugin as VitePlugin;
}

/** Forge writes to <project>/.vite/…; the same relative place under `appDir`. */
function rebase(config: InlineConfig, appDir: string): InlineConfig {
  const root = config.root ? path.resolve(projectDir, config.root) : projectDir;
  const outDir = path.resolve(root, config.build?.outDir ?? 'dist');
  const relative = path.relative(projectDir, outDir);
  if (!relative.startsWith('.vite')) throw new Error(`a target builds outside .vite/ (${relative}): Forge would not package it`);
  return { ...config, build: { ...config.build, outDir: path.join(appDir, relative) } };
}

export async function buildApp(appDir: string): Promise<void> {
  const plugin = vitePlugin();
  const generator = new ViteConfigGenerator((plugin as unknown as { config: unknown }).config, projectDir, true);
  const configs = [...(await generator.getBuildConfigs()), ...(await generator.getRendererConfig())];
  // One at a time: the CI machine has two cores.
  for (const config of configs) await build({ configFile: false, logLevel: 'silent', ...rebase(config, appDir) });
  // Forge's packageAfterCopy hook: the package.json that goes into the app.
  (plugin as unknown as { setDirectories(dir: string): void }).setDirectories(projectDir);
  await (plugin as unknown as { packageAfterCopy(config: unknown, buildPath: string): Promise<void> }).packageAfterCopy(forgeConfig, appDir);
}

if (process.argv[1] === import.meta.filename) {
  const dir = process.argv[2] ?? fs.mkdtempSync('/tmp/studio-app-');
  const started = Date.now();
  await buildApp(dir);
  console.log(dir, `${Date.now() - started} ms`);
}
