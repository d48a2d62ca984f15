import fs from 'node:fs';
import path from 'node:path';
import type { MakerNSISConfig } from '@felixrieseberg/electron-forge-maker-nsis/dist/cjs/config';
import type { ForgeMakeResult } from '@electron-forge/shared-types';
import { MANIFEST_FILE, parseLatestYml, stringifyLatestYml, verifyUpdateFolder } from '../../src/main/services/updates/index.ts';

/**
 * The Windows installer: NSIS through `@felixrieseberg/electron-forge-maker-nsis` (option names
 * read from its published source, dist/cjs/config.d.ts and makerNsis.js). Chosen over driving
 * electron-builder from Forge's hooks because it does the two things electron-updater needs —
 * `resources/app-update.yml` inside the package and `latest.yml` beside the installer — and
 * takes Forge's packaged folder as it is (fuses, native-module copy and rebuild untouched).
 * Squirrel.Windows is gone: electron-updater cannot update a Squirrel install.
 *
 * Set on the release machine (docs/release.md):
 *  - STUDIO_UPDATE_URL: the province's update server, the default source in app-update.yml;
 *  - STUDIO_PUBLISHER_NAME: the signing certificate's subject CN. electron-updater checks a
 *    downloaded installer's Authenticode signature only when app-update.yml names a publisher,
 *    so one is always written;
 *  - STUDIO_CERT_FILE / STUDIO_CERT_PASSWORD: the code-signing certificate (.pfx).
 */
export const DEFAULT_UPDATE_URL = 'https://capnhat.example.invalid/studio/';
export const DEFAULT_PUBLISHER_NAME = 'Studio contributors';

/** electron-builder `nsis` options (app-builder-lib 24.13, the version the maker installs). */
export const NSIS_OPTIONS = {
  // Assisted installer: the user sees what happens, in Vietnamese.
  oneClick: false,
  // Per-user, under the user's profile, no administrator rights (the install-mode page defaults to "only me").
  perMachine: false,
  allowElevation: false,
  installerLanguages: ['vi_VN'],
  // Windows LCID of Vietnamese (app-builder-lib/out/util/langs.js: vi_VN → 1066).
  language: '1066',
  multiLanguageInstaller: false,
  createStartMenuShortcut: true,
  createDesktopShortcut: true,
  shortcutName: 'Studio',
  // The library in %APPDATA%\Studio stays on uninstall; only `Uninstall Studio.exe --delete-app-data` removes it.
  deleteAppDataOnUninstall: false,
  // The .blockmap beside the installer: electron-updater's differential download reads it.
  differentialPackage: true,
} as const;

export function windowsInstallerConfig(env: NodeJS.ProcessEnv = process.env): MakerNSISConfig {
  const publisherName = env.STUDIO_PUBLISHER_NAME?.trim() || DEFAULT_PUBLISHER_NAME;
  return {
    ...(env.STUDIO_CERT_FILE ? { codesign: { certificateFile: env.STUDIO_CERT_FILE, certificatePassword: env.STUDIO_CERT_PASSWORD } } : {}),
    updater: { url: env.STUDIO_UPDATE_URL?.trim() || DEFAULT_UPDATE_URL, channel: 'latest', updaterCacheDirName: 'studio-updater', publisherName },
    getAppBuilderConfig: async () => ({ win: { publisherName: [publisherName] }, nsis: NSIS_OPTIONS }),
  };
}

/**
 * Forge's postMake hook: the maker's latest.yml carries no release notes, so the notes the release
 * manager wrote in `release-notes/<version>.md` are added (the screen shows them), and then the
 * installer folder is checked as a studio will check it (sha512, size, .blockmap), so a release
 * that a studio would refuse fails here, not in a district centre.
 */
export async function finishWindowsRelease(projectDir: string, results: ForgeMakeResult[]): Promise<ForgeMakeResult[]> {
  for (const result of results) {
    const manifestFile = result.artifacts.find((file) => path.basename(file) === MANIFEST_FILE);
    if (!manifestFile) continue;
    const notesFile = path.join(projectDir, 'release-notes', `${result.packageJSON.version}.md`);
    if (fs.existsSync(notesFile)) {
      const manifest = parseLatestYml(fs.readFileSync(manifestFile, 'utf8'));
      fs.writeFileSync(manifestFile, stringifyLatestYml({ ...manifest, releaseNotes: fs.readFileSync(notesFile, 'utf8').trim() }));
    }
    await verifyUpdateFolder(path.dirname(manifestFile), { currentVersion: '0.0.0', allowDowngrade: true });
  }
  return results;
}
