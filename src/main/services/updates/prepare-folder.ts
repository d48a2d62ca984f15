import fs from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE } from './latest-yml.ts';
import { updateError } from './update-error.ts';
import { verifyUpdateFolder, type VerifiedUpdate } from './verify-folder.ts';

export interface PrepareOptions {
  /** The NSIS installer of a release, with electron-builder's latest.yml (and its .blockmap) beside it. */
  installer: string;
  /** The folder to fill: a USB stick or a LAN share. Created if needed. */
  out: string;
  signal?: AbortSignal;
}

/** Checks that pass whatever version runs here: preparing a folder installs nothing. */
const ANY_VERSION = { currentVersion: '0.0.0', allowDowngrade: true } as const;

/**
 * Builds an update folder from a release (`studio update prepare-folder --installer FILE --out DIR`):
 * the release is verified where it lies, each file is copied under a temporary name, flushed to
 * the stick and renamed, latest.yml last (a folder without it is no update, so a pulled stick
 * never holds a half-written one), then the copy is verified again as a studio will read it.
 */
export async function prepareUpdateFolder(options: PrepareOptions): Promise<VerifiedUpdate> {
  const installer = path.resolve(options.installer);
  const out = path.resolve(options.out);
  const release = path.dirname(installer);
  if (!fs.existsSync(installer)) throw updateError('update_missing_file', 'file_missing', { folder: release, file: path.basename(installer) });
  if (out === release) throw updateError('invalid_argument', 'output_inside_source', { out, release });

  const source = await verifyUpdateFolder(release, { ...ANY_VERSION, signal: options.signal });
  if (!source.manifest.files.some((f) => f.url === path.basename(installer))) {
    throw updateError('update_invalid_manifest', 'not_an_installer', { file: path.basename(installer), files: source.manifest.files.map((f) => f.url) });
  }

  fs.mkdirSync(out, { recursive: true });
  const order = [...source.servedFiles.filter((f) => f !== MANIFEST_FILE), MANIFEST_FILE];
  const temps: string[] = [];
  try {
    for (const name of order) {
      if (options.signal?.aborted) throw updateError('cancelled', 'cancelled', { file: name });
      const temp = path.join(out, `.${name}.part`);
      temps.push(temp);
      await fs.promises.copyFile(path.join(release, name), temp);
      await flush(temp);
      await fs.promises.rename(temp, path.join(out, name));
    }
  } catch (error) {
    for (const temp of temps) fs.rmSync(temp, { force: true });
    throw error;
  }
  return verifyUpdateFolder(out, { ...ANY_VERSION, signal: options.signal });
}

/** Removable sticks cache writes; fsync before the rename makes "renamed" mean "on the stick". */
async function flush(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
