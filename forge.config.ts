import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import { MakerSquirrel } from '@electron-forge/maker-squirrel';
import { MakerZIP } from '@electron-forge/maker-zip';
import type { ForgeConfig } from '@electron-forge/shared-types';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { copyNativeModules } from './resources/forge/copy-native-modules.ts';
import { NATIVE_MODULES } from './resources/forge/native-modules.ts';

/** Packaging runs on a release machine with internet access (`npm run make`). */
const config: ForgeConfig = {
  packagerConfig: {
    name: 'Studio',
    executableName: 'studio',
    appCopyright: 'GPL-3.0-or-later',
    // Native addons cannot load from inside the asar archive.
    asar: { unpack: '**/*.{node,dll,so,dylib}' },
    extraResource: ['models'],
  },
  makers: [new MakerSquirrel({ name: 'studio', setupExe: 'StudioSetup.exe' }), new MakerZIP({}, ['win32', 'darwin', 'linux'])],
  hooks: {
    packageAfterCopy: async (_config, buildPath) => copyNativeModules(process.cwd(), buildPath, NATIVE_MODULES),
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
