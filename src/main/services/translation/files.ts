/**
 * TM and glossary files in and out: TMX 1.4b, TSV and CSV, chosen by the file's extension.
 * A file is read whole and checked before anything is written, then stored in one transaction:
 * a bad line fails the import with its line number and the TM is left as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { StudioError } from '../../../shared/errors.ts';
import { GLOSSARY_KINDS, type GlossaryKind } from '../../../shared/translation/index.ts';
import type { Glossary, GlossaryInput } from './glossary.ts';
import { formatOfFile, parsePairs, writePairs } from './pairs-file.ts';
import { readTmx, writeTmx } from './tmx.ts';
import type { TmInput, TranslationMemory } from './tm.ts';

export interface ImportResult {
  added: number;
  /** Already there (same source and target). */
  duplicates: number;
  /** TMX units without both languages. */
  skipped: number;
}

/** A TM or glossary file larger than this is refused rather than read into memory. */
export const MAX_PAIRS_FILE_BYTES = 256 * 1024 * 1024;

/**
 * Checks that a path the user named is a regular file of sensible size before it is read: a FIFO
 * (or /dev/stdin) would block the reading thread forever, /dev/zero would fill memory, a folder
 * throws. stat never blocks, whatever the path is.
 */
export function checkReadableFile(file: string, maxBytes = MAX_PAIRS_FILE_BYTES): void {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file, { throwIfNoEntry: false });
  } catch (error) {
    throw new StudioError('io_error', `cannot read ${file}`, { file, reason: (error as NodeJS.ErrnoException).code });
  }
  if (!stat) throw new StudioError('not_found', `no file ${file}`, { kind: 'file', file });
  if (!stat.isFile()) throw new StudioError('not_a_file', file, { file });
  if (stat.size > maxBytes) throw new StudioError('too_large', `${file}: ${stat.size} bytes, at most ${maxBytes}`, { file, maxBytes });
}

/** Kernel file systems that hold no files a user would export to. */
const PSEUDO_ROOTS = ['/proc', '/sys', '/dev'];

/** Checks a path to write: not a system folder, and if something is there, a regular file to replace. */
export function checkWritableFile(file: string): void {
  const absolute = path.resolve(file);
  if (process.platform !== 'win32' && PSEUDO_ROOTS.some((root) => absolute === root || absolute.startsWith(`${root}/`))) {
    throw new StudioError('invalid_argument', `${absolute}: a system folder cannot hold files`, { path: absolute });
  }
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(absolute, { throwIfNoEntry: false });
  } catch (error) {
    throw new StudioError('io_error', `cannot write ${file}`, { file, reason: (error as NodeJS.ErrnoException).code });
  }
  if (stat && !stat.isFile()) throw new StudioError('not_a_file', file, { file });
}

function readFile(file: string): string {
  checkReadableFile(file);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new StudioError('io_error', `cannot read ${file}`, { file, reason: (error as NodeJS.ErrnoException).code });
  }
}

function writeFile(file: string, content: string): void {
  checkWritableFile(file);
  // Written beside, then renamed: a crash never leaves half a file where a good one was.
  const partial = `${file}.part`;
  try {
    fs.writeFileSync(partial, content);
    fs.renameSync(partial, file);
  } catch (error) {
    throw new StudioError('io_error', `cannot write ${file}`, { file, reason: (error as NodeJS.ErrnoException).code });
  }
}

const isTmx = (file: string) => path.extname(file).toLowerCase() === '.tmx';

export function importTmFile(tm: TranslationMemory, file: string, from: string, to: string): ImportResult {
  const text = readFile(file);
  let pairs: TmInput[];
  let skipped = 0;
  if (isTmx(file)) {
    const read = readTmx(text, from, to);
    pairs = read.pairs;
    skipped = read.skipped;
  } else {
    const origin = path.basename(file);
    pairs = parsePairs(text, formatOfFile(file)).map(([source, target, note]) => ({ source: source!, target: target!, origin, note: note || null }));
  }
  const { added, skipped: duplicates } = tm.add(from, to, pairs);
  return { added, duplicates, skipped };
}

export function exportTmFile(tm: TranslationMemory, file: string, from: string, to: string, toolVersion: string): number {
  const entries = tm.entries(from, to);
  if (isTmx(file)) writeFile(file, writeTmx(entries, from, to, toolVersion));
  else writeFile(file, writePairs(entries.map((e) => [e.source, e.target]), formatOfFile(file)));
  return entries.length;
}

/** Columns: term, translation, then optionally kind ("term" / "do-not-translate") and note. */
export function importGlossaryFile(glossary: Glossary, file: string, from: string, to: string): ImportResult {
  const rows = parsePairs(readFile(file), formatOfFile(file));
  const inputs = rows.map(([term, translation, kind, note], i): GlossaryInput => {
    if (kind && !(GLOSSARY_KINDS as readonly string[]).includes(kind)) {
      throw new StudioError('invalid_argument', `line ${i + 1}: unknown glossary kind`, { line: i + 1, kind, expected: GLOSSARY_KINDS });
    }
    return { term: term!, translation: translation!, kind: (kind || 'term') as GlossaryKind, note: note || null };
  });
  const { added, skipped } = glossary.add(from, to, inputs);
  return { added, duplicates: skipped, skipped: 0 };
}

export function exportGlossaryFile(glossary: Glossary, file: string, from: string, to: string): number {
  const entries = glossary.entries(from, to);
  writeFile(file, writePairs(entries.map((e) => [e.term, e.translation, e.kind, e.note ?? '']), formatOfFile(file)));
  return entries.length;
}
