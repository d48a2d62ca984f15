/** Training and test pairs: reading a TSV of them, and the hash that identifies a set of them. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { StudioError } from '../../../../shared/errors.ts';
import { normalizeText } from './text.ts';

export interface TextPair {
  source: string;
  target: string;
}

/**
 * One pair per line: source TAB target (UTF-8, blank lines skipped). A line without exactly two
 * non-empty columns is refused with its line number, so nothing is silently dropped.
 */
export function parsePairsTsv(content: string): TextPair[] {
  const pairs: TextPair[] = [];
  content
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (line.trim() === '') return;
      const columns = line.split('\t');
      const source = normalizeText(columns[0] ?? '');
      const target = normalizeText(columns[1] ?? '');
      if (columns.length !== 2 || !source || !target) {
        throw new StudioError('invalid_argument', `line ${index + 1}: expected source TAB target`, { line: index + 1 });
      }
      pairs.push({ source, target });
    });
  return pairs;
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
  const lines = pairs.map(({ source, target }) => `${normalizeText(source)}\t${normalizeText(target)}`).sort();
  const hash = createHash('sha256');
  for (const line of lines) hash.update(`${line}\n`);
  return hash.digest('hex');
}
