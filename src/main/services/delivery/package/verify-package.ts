import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { StudioError } from '../../../../shared/errors.ts';
import { hashFile, type StreamOptions } from './hash-copy.ts';
import { MANIFEST_FILE, PACKAGE_FORMAT, PackageManifest, sealOf } from './manifest.ts';
import { parseStrictJson, StrictJsonError } from './strict-json.ts';
import { PROGRAMME_PACKAGE_FORMAT } from './programme-manifest.ts';

export interface PackageProblem {
  file: string;
  problem: 'missing' | 'not_a_file' | 'size_mismatch' | 'checksum_mismatch' | 'unlisted' | 'outside_package';
}

export interface VerifiedPackage {
  dir: string;
  manifest: PackageManifest;
}

/** Far above any real manifest (a long script is ~200 KB); stops a hostile file being parsed. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** A real manifest nests 6 levels (bulletin › targetAreas › area › ancestors › area). */
const MAX_MANIFEST_DEPTH = 16;

/** O_NONBLOCK where there is one: a file swapped for a FIFO after the lstat cannot block the open. */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** Reads a file checked through its own handle: a plain file, at most `limit` bytes. */
function readSmallRegularFile(file: string, limit: number): string {
  const fd = fs.openSync(file, OPEN_FLAGS);
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw refuse(`${MANIFEST_FILE}: not a plain file`, { reason: 'package_manifest_not_a_file', file: MANIFEST_FILE, problem: 'not_a_file' });
    const buffer = Buffer.alloc(Math.min(stat.size, limit) + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const read = fs.readSync(fd, buffer, filled, buffer.length - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    if (filled > limit) throw refuse(`${MANIFEST_FILE}: over ${limit} bytes`, { reason: 'package_manifest_over_limit', file: MANIFEST_FILE, problem: 'too_large', limit });
    return buffer.toString('utf8', 0, filled);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * What operating systems drop into folders on a stick by themselves (Finder, Explorer). They are
 * not part of the package and are neither imported nor counted as tampering.
 */
const OS_LITTER = (name: string) => name === '.DS_Store' || name === 'Thumbs.db' || name === 'desktop.ini' || name.startsWith('._');

export const refuse = (message: string, details?: unknown) => new StudioError('package_rejected', message, details);

/** The package folder from what the user picked: the folder itself or its manifest.json. */
export function packageDirOf(picked: string): string {
  const resolved = path.resolve(picked);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
  } catch {
    throw new StudioError('not_found', `package ${resolved}`, { reason: 'package_folder_not_found', path: resolved });
  }
  if (stat.isFile() && path.basename(resolved) === MANIFEST_FILE) return path.dirname(resolved);
  if (!stat.isDirectory()) throw refuse(`${resolved} is neither a package folder nor its ${MANIFEST_FILE}`, { reason: 'package_not_a_folder', path: resolved });
  return resolved;
}

/** manifest.json of a package folder, read with every limit and parsed strictly (no schema yet). */
export function readManifestJson(dir: string): unknown {
  const file = path.join(dir, MANIFEST_FILE);
  let text: string;
  try {
    const stat = fs.lstatSync(file);
    if (!stat.isFile()) throw refuse(`${MANIFEST_FILE}: not a plain file`, { reason: 'package_manifest_not_a_file', file: MANIFEST_FILE, problem: 'not_a_file' });
    if (stat.size > MAX_MANIFEST_BYTES) throw refuse(`${MANIFEST_FILE}: ${stat.size} bytes`, { reason: 'package_manifest_too_large', file: MANIFEST_FILE, problem: 'too_large', bytes: stat.size });
    text = readSmallRegularFile(file, MAX_MANIFEST_BYTES);
  } catch (error) {
    if (error instanceof StudioError) throw error;
    throw refuse(`no ${MANIFEST_FILE}: not a studio package`, { reason: 'package_manifest_missing', file: MANIFEST_FILE, problem: 'missing' });
  }
  let json: unknown;
  try {
    json = parseStrictJson(text, MAX_MANIFEST_DEPTH);
  } catch (error) {
    if (!(error instanceof StrictJsonError)) throw error;
    // Nesting and repeated keys are refused outright: two readers must never disagree on a package.
    throw refuse(`${MANIFEST_FILE}: ${error.message}`, { reason: 'package_manifest_unreadable', file: MANIFEST_FILE, problem: error.problem, detail: error.detail });
  }
  return json;
}

export function readManifest(dir: string): PackageManifest {
  const json = readManifestJson(dir);
  if ((json as { format?: unknown } | null)?.format === PROGRAMME_PACKAGE_FORMAT) {
    // A programme package read as a bulletin one: say what it is rather than "not a package".
    const title = (json as { programme?: { title?: unknown } }).programme?.title;
    throw refuse(`${MANIFEST_FILE}: a programme package, not a bulletin package`, { reason: 'programme_package_not_importable', title: typeof title === 'string' ? title.slice(0, 300) : '' });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json) || (json as { format?: unknown }).format !== PACKAGE_FORMAT) {
    throw refuse(`${MANIFEST_FILE}: not a ${PACKAGE_FORMAT} manifest`, { reason: 'package_manifest_foreign', file: MANIFEST_FILE, problem: 'foreign_format' });
  }
  if ((json as { seal?: unknown }).seal !== sealOf(json as Record<string, unknown>)) {
    throw refuse(`${MANIFEST_FILE}: the seal does not match`, {
      reason: 'package_manifest_edited',
      file: MANIFEST_FILE,
      problem: 'seal_mismatch',
    });
  }
  const parsed = PackageManifest.safeParse(json);
  if (!parsed.success) {
    const summary = z.prettifyError(parsed.error);
    throw refuse(`${MANIFEST_FILE}: ${summary}`, {
      reason: 'package_manifest_invalid',
      file: MANIFEST_FILE,
      summary,
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
    });
  }
  return parsed.data;
}

/**
 * Checks a package completely before anything is imported: the manifest against its schema, every
 * listed file present, a plain file inside the folder, of the listed size and sha256, and no file
 * that the manifest does not list. Every problem is reported at once, so the user sees the whole
 * picture; any problem refuses the whole package.
 */
export async function verifyPackage(picked: string, options: StreamOptions = {}): Promise<VerifiedPackage> {
  const dir = packageDirOf(picked);
  const manifest = readManifest(dir);
  const problems: PackageProblem[] = [];
  const listed = new Map(manifest.files.map((file) => [file.path.toLowerCase(), file]));

  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === MANIFEST_FILE || OS_LITTER(entry.name)) continue;
    if (!listed.has(entry.name.toLowerCase())) problems.push({ file: entry.name, problem: 'unlisted' });
  }

  const total = manifest.files.reduce((sum, file) => sum + file.bytes, 0);
  let before = 0;
  for (const file of manifest.files) {
    const full = path.resolve(dir, file.path);
    // The schema already forbids separators and `..`; this is the second lock on the same door.
    if (path.dirname(full) !== dir) {
      problems.push({ file: file.path, problem: 'outside_package' });
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(full);
    } catch {
      problems.push({ file: file.path, problem: 'missing' });
      continue;
    }
    if (!stat.isFile()) problems.push({ file: file.path, problem: 'not_a_file' });
    else if (stat.size !== file.bytes) problems.push({ file: file.path, problem: 'size_mismatch' });
    else {
      const offset = before;
      const { sha256 } = await hashFile(full, { ...options, onBytes: (done) => options.onBytes?.(offset + done) });
      if (sha256 !== file.sha256) problems.push({ file: file.path, problem: 'checksum_mismatch' });
    }
    before += file.bytes;
  }
  options.onBytes?.(total);

  if (problems.length > 0) {
    const summary = problems.map((p) => `${p.file}: ${p.problem}`).join('; ');
    // The sentence names the first problem (its words: `package_problem.*` in the locales) and counts the rest.
    const [first] = problems;
    throw refuse(`the package was altered or is incomplete: ${summary}`, {
      reason: problems.length === 1 ? 'package_altered' : 'package_altered_many',
      problems,
      file: first!.file,
      problem: first!.problem,
      others: problems.length - 1,
    });
  }
  return { dir, manifest };
}
