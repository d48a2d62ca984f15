/**
 * Programme packages: the rendered programme's audio and its manifest, written like a bulletin
 * package (hashed while copied, flushed, read back and verified under a hidden `.part` name, then
 * renamed into place), and read back with the same strictness.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { StudioError } from '../../../../shared/errors.ts';
import type { ProgrammeMetadata } from '../connector.ts';
import { copyHashing, hashFile, writeFileDurably, type StreamOptions } from './hash-copy.ts';
import { MANIFEST_FILE, sealOf } from './manifest.ts';
import { signSeal, type SigningKey } from './package-signing.ts';
import { PROGRAMME_PACKAGE_FORMAT, PROGRAMME_PACKAGE_VERSION, ProgrammeManifest } from './programme-manifest.ts';
import { readManifestJson, refuse } from './verify-package.ts';
import { folderSlug, packageWriteFailed, placePackageFolder } from './write-package.ts';

export interface ProgrammePackageInput {
  metadata: ProgrammeMetadata;
  /** Absolute path of the rendered audio (the outbox's snapshot). */
  audioPath: string;
  destDir: string;
  generator: string;
  packageId: string;
  signer?: SigningKey;
}

/** `chuong-trinh-thoi-su-sang-7-20261202`: readable on any stick and any file system. */
export function programmeFolderName(title: string, programmeId: number, date = new Date()): string {
  return `chuong-trinh-${folderSlug(title, 50) || 'khong-ten'}-${programmeId}-${date.toISOString().slice(0, 10).replace(/-/g, '')}`;
}

export async function writeProgrammePackage(input: ProgrammePackageInput, options: StreamOptions = {}): Promise<{ folder: string; manifest: ProgrammeManifest }> {
  const { metadata: m, destDir } = input;
  try {
    fs.mkdirSync(destDir, { recursive: true });
    fs.accessSync(destDir, fs.constants.W_OK);
  } catch {
    throw new StudioError('io_error', `cannot write to ${destDir}`, { reason: 'package_dest_not_writable', destDir });
  }
  const base = programmeFolderName(m.title, m.programmeId);
  const temp = path.join(destDir, `.${base}.part-${randomUUID().slice(0, 8)}`);
  fs.mkdirSync(temp);
  try {
    const audioName = `programme${path.extname(input.audioPath).toLowerCase() || '.wav'}`;
    const copied = await copyHashing(input.audioPath, path.join(temp, audioName), { ...options, onBytes: (done) => options.onBytes?.(done / 2) });
    if (copied.sha256 !== m.sha256 || copied.bytes !== m.bytes) {
      throw new StudioError('io_error', `the rendered programme ${input.audioPath} no longer matches its checksum`, { reason: 'package_library_audio_damaged', file: path.basename(input.audioPath) });
    }
    const unsealed = {
      format: PROGRAMME_PACKAGE_FORMAT,
      formatVersion: PROGRAMME_PACKAGE_VERSION,
      packageId: input.packageId,
      createdAt: new Date().toISOString(),
      generator: input.generator,
      programme: {
        programmeId: m.programmeId,
        title: m.title,
        language: m.language,
        priority: m.priority,
        presetLufs: m.presetLufs,
        durationSec: m.durationSec,
        loudnessLufs: m.loudnessLufs,
        loudnessRangeLu: m.loudnessRangeLu,
        truePeakDbtp: m.truePeakDbtp,
        items: m.items,
      },
      files: [{ path: audioName, role: 'audio' as const, sha256: copied.sha256, bytes: copied.bytes, mimeType: m.mimeType }],
    };
    const parsed = ProgrammeManifest.parse({ ...unsealed, seal: '0'.repeat(64) });
    const seal = sealOf(parsed);
    const manifest: ProgrammeManifest = { ...parsed, seal, ...(input.signer ? { signature: signSeal(seal, input.signer) } : {}) };
    writeFileDurably(path.join(temp, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    await verifyProgrammePackage(temp, { ...options, onBytes: (done) => options.onBytes?.(copied.bytes / 2 + done / 2) });
    return { folder: placePackageFolder(temp, destDir, base), manifest };
  } catch (error) {
    packageWriteFailed(temp, error);
  }
}

/** The manifest of a programme package, schema and seal checked (files not yet). */
export function readProgrammeManifest(dir: string): ProgrammeManifest {
  const json = readManifestJson(dir);
  if ((json as { format?: unknown } | null)?.format !== PROGRAMME_PACKAGE_FORMAT) {
    throw refuse(`${MANIFEST_FILE}: not a ${PROGRAMME_PACKAGE_FORMAT} manifest`, { reason: 'package_manifest_foreign', file: MANIFEST_FILE, problem: 'foreign_format' });
  }
  if ((json as { seal?: unknown }).seal !== sealOf(json as Record<string, unknown>)) {
    throw refuse(`${MANIFEST_FILE}: the seal does not match`, { reason: 'package_manifest_edited', file: MANIFEST_FILE, problem: 'seal_mismatch' });
  }
  const parsed = ProgrammeManifest.safeParse(json);
  if (!parsed.success) {
    const summary = z.prettifyError(parsed.error);
    throw refuse(`${MANIFEST_FILE}: ${summary}`, { reason: 'package_manifest_invalid', file: MANIFEST_FILE, summary });
  }
  return parsed.data;
}

/** Every listed file present with its size and sha256, nothing unlisted: else refused whole. */
export async function verifyProgrammePackage(dir: string, options: StreamOptions = {}): Promise<ProgrammeManifest> {
  const manifest = readProgrammeManifest(dir);
  const listed = new Set(manifest.files.map((f) => f.path.toLowerCase()));
  for (const name of fs.readdirSync(dir)) {
    if (name !== MANIFEST_FILE && !listed.has(name.toLowerCase()) && !name.startsWith('._') && name !== '.DS_Store' && name !== 'Thumbs.db') {
      throw refuse(`unlisted file ${name}`, { reason: 'package_altered', file: name, problem: 'unlisted', problems: [{ file: name, problem: 'unlisted' }], others: 0 });
    }
  }
  for (const file of manifest.files) {
    const full = path.join(dir, file.path);
    const got = fs.existsSync(full) ? await hashFile(full, options) : null;
    if (!got || got.sha256 !== file.sha256 || got.bytes !== file.bytes) {
      const problem = got ? 'checksum_mismatch' : 'missing';
      throw refuse(`${file.path}: ${problem}`, { reason: 'package_altered', file: file.path, problem, problems: [{ file: file.path, problem }], others: 0 });
    }
  }
  return manifest;
}
