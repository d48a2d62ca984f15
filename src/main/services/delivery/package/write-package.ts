import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { StudioError } from '../../../../shared/errors.ts';
import { foldForSearch } from '../../library/index.ts';
import type { PackageSource } from './describe-bulletin.ts';
import { copyHashing, fsyncDir, writeFileDurably, type StreamOptions } from './hash-copy.ts';
import { MANIFEST_FILE, PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION, PackageManifest, sealOf } from './manifest.ts';
import { signSeal, type SigningKey } from './package-signing.ts';
import { verifyPackage } from './verify-package.ts';
import { mediaType } from '../../media/index.ts';

export interface WritePackageInput {
  source: PackageSource;
  /** The folder (a USB stick's root, a shared folder) the package folder is created in. */
  destDir: string;
  generator: string;
  /** Fixes the package id (the outbox's idempotency key), so a retried write is the same package. */
  packageId?: string;
  /** This studio's key: the package's seal is signed with it. */
  signer?: SigningKey;
}

export interface WrittenPackage {
  folder: string;
  manifest: PackageManifest;
}

/** A title as a folder name's part: ASCII letters, digits and dashes, readable on any file system. */
export function folderSlug(title: string, maxLength: number): string {
  return foldForSearch(title)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}

/** `ban-tin-thoi-tiet-12-20261122`: readable on any stick and any file system. */
export function packageFolderName(title: string, bulletinId: number, date = new Date()): string {
  const day = date.toISOString().slice(0, 10).replace(/-/g, '');
  return `${folderSlug(title, 60) || 'ban-tin'}-${bulletinId}-${day}`;
}

function freeName(destDir: string, base: string): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    if (!fs.existsSync(path.join(destDir, name))) return name;
  }
}

/** Moves a package folder, built and verified under `temp`, to a free name in `destDir`, durably. */
export function placePackageFolder(temp: string, destDir: string, base: string): string {
  const folder = path.join(destDir, freeName(destDir, base));
  fs.renameSync(temp, folder);
  fsyncDir(destDir);
  return folder;
}

/** A package write that failed leaves no `.part` folder behind and says why. */
export function packageWriteFailed(temp: string, error: unknown): never {
  fs.rmSync(temp, { recursive: true, force: true });
  if (error instanceof StudioError) throw error;
  throw new StudioError('io_error', `writing the package failed: ${(error as Error).message}`, { reason: 'package_write_failed', error: (error as Error).message });
}

/**
 * Writes a package folder: the audio (copied while hashing, and checked against the library's
 * sha256 so a damaged library file is never sent on), then manifest.json, both flushed; the folder
 * is built under a hidden temporary name, read back and verified, and only then renamed into place.
 * A stick pulled out half-way leaves a `.part` folder that no import accepts, never a package.
 */
export async function writePackage(input: WritePackageInput, options: StreamOptions = {}): Promise<WrittenPackage> {
  const { source, destDir } = input;
  try {
    fs.mkdirSync(destDir, { recursive: true });
    fs.accessSync(destDir, fs.constants.W_OK);
  } catch {
    throw new StudioError('io_error', `cannot write to ${destDir}`, { reason: 'package_dest_not_writable', destDir });
  }
  const base = packageFolderName(source.bulletin.title, source.bulletin.bulletinId);
  const temp = path.join(destDir, `.${base}.part-${randomUUID().slice(0, 8)}`);
  fs.mkdirSync(temp);
  try {
    const ext = path.extname(source.audio.path).toLowerCase() || '.bin';
    const audioName = `audio${ext}`;
    const total = source.audio.bytes;
    const copied = await copyHashing(source.audio.path, path.join(temp, audioName), {
      checkCancelled: options.checkCancelled,
      // The copy is the first half of the work, the read-back check the second.
      onBytes: (done) => options.onBytes?.(done / 2),
    });
    if (copied.sha256 !== source.audio.sha256 || copied.bytes !== source.audio.bytes) {
      throw new StudioError('io_error', `the library's audio file ${source.audio.path} no longer matches its checksum`, {
        reason: 'package_library_audio_damaged',
        file: path.basename(source.audio.path),
      });
    }
    const unsealed = {
      format: PACKAGE_FORMAT,
      formatVersion: PACKAGE_FORMAT_VERSION,
      packageId: input.packageId ?? randomUUID(),
      createdAt: new Date().toISOString(),
      generator: input.generator,
      bulletin: source.bulletin,
      audio: {
        name: source.audio.name,
        sampleRate: source.audio.sampleRate,
        channels: source.audio.channels,
        durationSec: source.audio.durationSec,
      },
      files: [
        { path: audioName, role: 'audio', sha256: copied.sha256, bytes: copied.bytes, mimeType: mediaType(audioName) },
      ],
    };
    // Sealed after validation, so the seal covers exactly what is written.
    const parsed = PackageManifest.parse({ ...unsealed, seal: '0'.repeat(64) });
    const seal = sealOf(parsed);
    const manifest: PackageManifest = { ...parsed, seal, ...(input.signer ? { signature: signSeal(seal, input.signer) } : {}) };
    writeFileDurably(path.join(temp, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    await verifyPackage(temp, { checkCancelled: options.checkCancelled, onBytes: (done) => options.onBytes?.(total / 2 + done / 2) });
    return { folder: placePackageFolder(temp, destDir, base), manifest };
  } catch (error) {
    packageWriteFailed(temp, error);
  }
}
