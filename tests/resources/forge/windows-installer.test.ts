/**
 * The Windows packaging as Forge loads it: forge.config.ts's makers, rebuild and fuses, and the
 * NSIS maker's own code writing app-update.yml (the installer itself is made on Windows only).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FuseV1Options } from '@electron/fuses';
import type { MakerBase } from '@electron-forge/maker-base';
import type { ForgeMakeResult } from '@electron-forge/shared-types';
import forgeConfig from '../../../forge.config.ts';
import { finishWindowsRelease, NSIS_OPTIONS, windowsInstallerConfig } from '../../../resources/forge/windows-installer.ts';
import { parseAppUpdateConfig, parseLatestYml } from '../../../src/main/services/updates/index.ts';
import { makeRelease } from '../../main/services/updates/release-fixture.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

type Maker = MakerBase<Record<string, unknown>> & { platformsToMakeOn?: string[]; createAppUpdateYml(options: unknown, outPath: string): Promise<void> };
const makers = (forgeConfig.makers ?? []) as unknown as Maker[];
const nsis = () => {
  const maker = makers.find((m) => m.name === 'nsis');
  if (!maker) throw new Error('no NSIS maker in forge.config.ts');
  return maker;
};
/** What Forge does before make(): resolves the maker's configuration for the target. */
const preparedNsis = async () => {
  const maker = nsis();
  await maker.prepareConfig('x64');
  return maker;
};

const temps: (() => void)[] = [];
afterEach(() => temps.splice(0).forEach((remove) => remove()));

describe('forge.config.ts: Windows packaging', () => {
  it('makes Windows installers with NSIS only (no Squirrel, which electron-updater cannot update)', () => {
    expect(nsis().platformsToMakeOn).toEqual(['win32']);
    expect(makers.map((m) => m.name)).not.toContain('squirrel');
    for (const maker of makers.filter((m) => m.name !== 'nsis')) expect(maker.platformsToMakeOn ?? []).not.toContain('win32');
  });

  it('installs per user in Vietnamese with a Start-menu shortcut and keeps the data folder on uninstall', async () => {
    const config = (await preparedNsis()).config as ReturnType<typeof windowsInstallerConfig>;
    const builder = (await config.getAppBuilderConfig!()) as { nsis: typeof NSIS_OPTIONS; win: { publisherName: string[] } };
    expect(builder.nsis).toMatchObject({
      perMachine: false,
      allowElevation: false,
      installerLanguages: ['vi_VN'],
      language: '1066',
      createStartMenuShortcut: true,
      deleteAppDataOnUninstall: false,
    });
    expect(builder.win.publisherName).toEqual([config.updater!.publisherName]);
  });

  it("writes an app-update.yml with a publisher name through the maker's own code", async () => {
    const { dir, remove } = makeTempDir('studio-nsis-');
    temps.push(remove);
    fs.mkdirSync(path.join(dir, 'resources'));
    await (await preparedNsis()).createAppUpdateYml({ appName: 'Studio' }, dir);
    const written = parseAppUpdateConfig(fs.readFileSync(path.join(dir, 'resources', 'app-update.yml'), 'utf8'));
    expect(written.provider).toBe('generic');
    expect(written.publisherName.length).toBe(1);
    expect(written.updaterCacheDirName).toBe('studio-updater');
  });

  it('takes the server and the publisher from the release machine', () => {
    const config = windowsInstallerConfig({ STUDIO_UPDATE_URL: 'https://capnhat.tinh.vn/studio/', STUDIO_PUBLISHER_NAME: 'Đài tỉnh', STUDIO_CERT_FILE: 'C:\\cert.pfx' });
    expect(config.updater).toMatchObject({ url: 'https://capnhat.tinh.vn/studio/', publisherName: 'Đài tỉnh' });
    expect(config.codesign).toMatchObject({ certificateFile: 'C:\\cert.pfx' });
    expect(windowsInstallerConfig({}).codesign).toBeUndefined();
  });

  it('rebuilds better-sqlite3 only; onnxruntime-node and serialport are copied as prebuilt', () => {
    expect(forgeConfig.rebuildConfig?.onlyModules).toEqual(['better-sqlite3']);
    expect(forgeConfig.rebuildConfig?.ignoreModules).toEqual(expect.arrayContaining(['onnxruntime-node', 'serialport']));
  });

  it('keeps the fuses locked down', () => {
    const fuses = forgeConfig.plugins?.find((p) => (p as { name?: string }).name === 'fuses') as unknown as { fusesConfig: Record<number, unknown> };
    expect(fuses.fusesConfig).toMatchObject({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
  });
});

describe('postMake: the release folder', () => {
  const result = (dir: string, version: string): ForgeMakeResult =>
    ({ artifacts: fs.readdirSync(dir).map((f) => path.join(dir, f)), packageJSON: { version }, platform: 'win32', arch: 'x64' }) as ForgeMakeResult;

  it('adds the release notes to latest.yml and checks the folder as a studio will', async () => {
    const { dir: project, remove } = makeTempDir('studio-release-');
    temps.push(remove);
    const out = path.join(project, 'out', 'make', 'nsis', 'x64');
    const release = makeRelease(out, '0.2.0', { notes: '' });
    fs.mkdirSync(path.join(project, 'release-notes'));
    fs.writeFileSync(path.join(project, 'release-notes', '0.2.0.md'), 'Sửa lỗi đọc số điện thoại.\n');
    await finishWindowsRelease(project, [result(out, '0.2.0')]);
    expect(parseLatestYml(fs.readFileSync(release.latestYml, 'utf8')).releaseNotes).toBe('Sửa lỗi đọc số điện thoại.');
  });

  it('fails the make when the installer has no .blockmap', async () => {
    const { dir: project, remove } = makeTempDir('studio-release-');
    temps.push(remove);
    const out = path.join(project, 'out');
    const release = makeRelease(out, '0.2.0');
    fs.rmSync(release.blockmap);
    await expect(finishWindowsRelease(project, [result(out, '0.2.0')])).rejects.toMatchObject({ code: 'update_missing_file', details: { reason: 'blockmap_missing' } });
  });
});
