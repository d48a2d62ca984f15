/** Training and test pairs: reading a TSV of them, and the hash that identifies a set of them. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { StudioError } from '../../../../shared/errors.ts';
import { normaliseText, parsePairs } from '../../translation/index.ts';

export interface TextPair {
  source: string;
  target: string;
}

/**
 * One pair per line: source TAB target (UTF-8, blank lines skipped), read as the workbench reads a
 * TSV of pairs. A line without exactly two non-empty columns is refused with its line number, so
 * nothing is silently dropped.
 */
export function parsePairsTsv(content: string): TextPair[] {
  return parsePairs(content, 'tsv', { columns: 2 }).map(([source, target]) => ({ source: normaliseText(source!), target: normaliseText(target!) }));
}

export function readPairsTsv(file: string): TextPair[] {
  let content: string;
  try {
    content = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new StudioError(missing ? 'not_found' : 'io_error', `pairs file ${file}`);
  }
  return parsePairsTsv(content);
}

export function hashPairs(pairs: TextPair[]): string {
  const lines = pairs.map(({ source, target }) => `${normaliseText(source)}\t${normaliseText(target)}`).sort();
  const hash = createHash('sha256');
  for (const line of lines) hash.update(`${line}\n`);
  return hash.digest('hex');
}
