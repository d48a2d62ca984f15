import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { sameSha512, sha512OfFile } from './file-digest.ts';
import { MANIFEST_FILE, parseLatestYml, type UpdateFile, type UpdateManifest } from './latest-yml.ts';
import { updateError } from './update-error.ts';
import { assertInstallable, type VersionRelation } from './version.ts';

export interface VerifyOptions {
  /** The running studio's version. */
  currentVersion: string;
  /** A technician's explicit choice to install an older or the same version. */
  allowDowngrade?: boolean;
  signal?: AbortSignal;
}

export interface VerifiedUpdate {
  folder: string;
  manifest: UpdateManifest;
  relation: VersionRelation;
  /** The NSIS installer entry electron-updater will download (its first `.exe`). */
  installer: UpdateFile;
  /** Every file name the folder may serve: latest.yml, each listed file, each separate block map. */
  servedFiles: string[];
}

export const blockmapName = (url: string): string => `${url}.blockmap`;

/**
 * A separate `<installer>.blockmap` is what electron-updater fetches for a differential download
 * of an NSIS installer; electron-builder writes it beside every `.exe`. Only an entry that says
 * its block map is embedded (`blockMapSize`) needs none.
 */
export const needsSeparateBlockmap = (file: UpdateFile): boolean => /\.exe$/i.test(file.url) && file.blockMapSize === undefined;

/**
 * Checks an update folder (USB stick, LAN share) before anything is served or installed:
 * latest.yml parses, the version may be installed, every listed file is present beside it with
 * the listed size and sha512, and each required block map is present and describes its file.
 * Cheap checks come first, so a downgrade or a missing file is refused without hashing 150 MB.
 */
export async function verifyUpdateFolder(folder: string, options: VerifyOptions): Promise<VerifiedUpdate> {
  const manifestPath = path.join(folder, MANIFEST_FILE);
  let text: string;
  try {
    text = fs.readFileSync(manifestPath, 'utf8');
  } catch {
    throw updateError('update_missing_file', 'manifest_missing', { folder, file: MANIFEST_FILE });
  }
  const manifest = parseLatestYml(text);
  for (const file of manifest.files) assertPlainName(file.url);
  const installer = manifest.files.find((f) => /\.exe$/i.test(f.url));
  if (!installer) throw updateError('update_invalid_manifest', 'no_installer', { files: manifest.files.map((f) => f.url) });
  const relation = assertInstallable(options.currentVersion, manifest.version, { allowDowngrade: options.allowDowngrade });

  const served = [MANIFEST_FILE];
  for (const file of manifest.files) {
    const size = fileSize(folder, file.url, 'file_missing');
    if (file.size !== undefined && size !== file.size) {
      throw updateError('update_file_altered', 'size_mismatch', { file: file.url, expected: file.size, actual: size });
    }
    served.push(file.url);
    if (needsSeparateBlockmap(file)) {
      fileSize(folder, blockmapName(file.url), 'blockmap_missing');
      checkBlockmap(path.join(folder, blockmapName(file.url)), size);
      served.push(blockmapName(file.url));
    }
  }
  for (const file of manifest.files) {
    const actual = await sha512OfFile(path.join(folder, file.url), options.signal);
    if (!sameSha512(file.sha512, actual)) {
      throw updateError('update_file_altered', 'sha512_mismatch', { file: file.url, expected: file.sha512, actual });
    }
  }
  return { folder, manifest, relation, installer, servedFiles: served };
}

function assertPlainName(url: string): void {
  // A folder serves only its own files: no sub-paths, no absolute or remote URLs.
  if (url !== path.basename(url) || url.includes('\\') || url === '.' || url === '..' || /^[a-z][a-z0-9+.-]*:/i.test(url)) {
    throw updateError('update_invalid_manifest', 'url_outside_folder', { url });
  }
}

function fileSize(folder: string, name: string, reason: 'file_missing' | 'blockmap_missing'): number {
  try {
    const stat = fs.statSync(path.join(folder, name));
    if (stat.isFile()) return stat.size;
  } catch {
    // reported below
  }
  throw updateError('update_missing_file', reason, { folder, file: name });
}

/** A block map is gzipped JSON whose chunks add up to the file it describes. */
function checkBlockmap(file: string, installerSize: number): void {
  const name = path.basename(file);
  let map: { version?: unknown; files?: { offset?: unknown; sizes?: unknown; checksums?: unknown }[] };
  try {
    map = JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8'));
  } catch (error) {
    throw updateError('update_file_altered', 'blockmap_invalid', { file: name, cause: (error as Error).message });
  }
  const [entry] = Array.isArray(map.files) ? map.files : [];
  const sizes = entry?.sizes;
  const valid =
    (map.version === '1' || map.version === '2') &&
    entry !== undefined &&
    typeof entry.offset === 'number' &&
    Array.isArray(sizes) &&
    Array.isArray(entry.checksums) &&
    entry.checksums.length === sizes.length &&
    entry.offset + (sizes as number[]).reduce((sum, s) => sum + s, 0) === installerSize;
  if (!valid) throw updateError('update_file_altered', 'blockmap_invalid', { file: name });
}
