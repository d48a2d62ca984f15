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

function readFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new StudioError('io_error', `cannot read ${file}`, { file, reason: (error as NodeJS.ErrnoException).code });
  }
}

function writeFile(file: string, content: string): void {
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
