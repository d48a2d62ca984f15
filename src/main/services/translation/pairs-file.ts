/**
 * Pairs files: TSV (one pair a line, tab-separated, as the Tày and Bahnar data come) and CSV
 * (RFC 4180 through csv-parse/csv-stringify). Columns: source, target, then optional extra columns
 * (glossary: kind, note). A malformed line is an error naming the line; nothing is half-read.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { StudioError } from '../../../shared/errors.ts';

export type PairsFormat = 'tsv' | 'csv';

export function formatOfFile(name: string): PairsFormat {
  const ext = name.toLowerCase().split('.').pop();
  if (ext === 'tsv' || ext === 'txt' || ext === 'tab') return 'tsv';
  if (ext === 'csv') return 'csv';
  throw new StudioError('unsupported_format', `not a pairs file: ${name}`, { file: name, expected: ['tsv', 'csv'] });
}

/**
 * Rows of at least two non-empty columns (exactly `columns` when given); blank lines are skipped.
 * Cells are trimmed, nothing else: callers normalise.
 */
export function parsePairs(text: string, format: PairsFormat, { columns }: { columns?: number } = {}): string[][] {
  const body = text.replace(/^\ufeff/, '');
  let rows: string[][];
  if (format === 'tsv') {
    rows = body.split(/\r?\n/).map((line) => (line.trim() === '' ? [] : line.split('\t')));
  } else {
    try {
      rows = parse(body, { relax_column_count: true, skip_empty_lines: false }) as string[][];
    } catch (error) {
      throw new StudioError('invalid_argument', 'malformed CSV', { reason: (error as Error).message });
    }
  }
  const out: string[][] = [];
  rows.forEach((row, i) => {
    if (row.length === 0 || (row.length === 1 && row[0]!.trim() === '')) return;
    if (row.length < 2 || !row[0]!.trim() || !row[1]!.trim() || (columns !== undefined && row.length !== columns)) {
      throw new StudioError('invalid_argument', `line ${i + 1} is not a pair`, { line: i + 1, content: row.join(format === 'tsv' ? '\t' : ',') });
    }
    out.push(row.map((cell) => cell.trim()));
  });
  return out;
}

export function writePairs(rows: string[][], format: PairsFormat): string {
  if (format === 'csv') return stringify(rows, { record_delimiter: '\n' });
  for (const row of rows) {
    if (row.some((cell) => /[\t\n]/.test(cell))) throw new StudioError('invalid_argument', 'tab or line break inside a TSV cell', { row });
  }
  return rows.map((row) => row.join('\t')).join('\n') + (rows.length ? '\n' : '');
}
