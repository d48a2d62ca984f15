import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import MakerNSIS from '@felixrieseberg/electron-forge-maker-nsis';
import { MakerZIP } from '@electron-forge/maker-zip';
import type { ForgeConfig } from '@electron-forge/shared-types';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { copyNativeModules } from './resources/forge/copy-native-modules.ts';
import { NATIVE_MODULES, PREBUILT_NATIVE_MODULES, REBUILT_NATIVE_MODULES } from './resources/forge/native-modules.ts';
import { finishWindowsRelease, windowsInstallerConfig } from './resources/forge/windows-installer.ts';

/**
 * What stays outside app.asar: native addons and their libraries (they cannot load from inside
 * it), and the whole main-process build, because worker threads and child processes open their
 * modules by path (and those import the chunks beside them) and espeak-ng reads its data file.
 * `unpack` is matched against each file's path, `unpackDir` against folders relative to the app.
 */
export const ASAR_OPTIONS = {
  unpack: '{**/*.node,**/*.dll,**/*.so,**/*.so.*,**/*.dylib}',
  unpackDir: '.vite/build',
};

/** Packaging runs on a release machine with internet access (`npm run make`). */
const config: ForgeConfig = {
  packagerConfig: {
    name: 'Studio',
    executableName: 'studio',
    appCopyright: 'GPL-3.0-or-later',
    asar: ASAR_OPTIONS,
    extraResource: ['models'],
  },
  // Only better-sqlite3 is compiled for Electron's ABI; onnxruntime-node and serialport ship
  // N-API prebuilds that run on any ABI and are copied as they are (a rebuild would need their
  // sources and a compiler, and gain nothing).
  rebuildConfig: { onlyModules: [...REBUILT_NATIVE_MODULES], ignoreModules: [...PREBUILT_NATIVE_MODULES] },
  // Windows: an NSIS installer electron-updater can update (resources/forge/windows-installer.ts).
  makers: [new MakerNSIS(windowsInstallerConfig(), ['win32']), new MakerZIP({}, ['darwin', 'linux'])],
  hooks: {
    packageAfterCopy: async (_config, buildPath) => copyNativeModules(process.cwd(), buildPath, NATIVE_MODULES),
    postMake: async (_config, results) => finishWindowsRelease(process.cwd(), results),
  },
  plugins: [
    new VitePlugin({
      build: [
        { entry: 'src/main/app/main.ts', config: 'vite.main.config.ts', target: 'main' },
        { entry: 'src/preload/preload.ts', config: 'vite.preload.config.ts', target: 'preload' },
      ],
      renderer: [{ name: 'main_window', config: 'vite.renderer.config.ts' }],
    }),
    // Lock the binary down: no ELECTRON_RUN_AS_NODE, no --inspect, no NODE_OPTIONS, asar only,
    // and the app code's integrity checked at load.
    new FusesPlugin({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    }),
  ],
};

export default config;
