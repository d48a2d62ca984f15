import type { BulletinSummary } from '../../../shared/api/library-types.ts';
import type { SearchFilters, ParsedArg } from '../../../shared/api/index.ts';
import type { Db } from '../storage/index.ts';
import { isAudioStale } from './bulletins.ts';
import { foldForSearch, searchTerms } from './fold.ts';

type Filters = ParsedArg<'library.search'>;

/** Counting every match of a common word in a large library costs more than it tells; stop here. */
export const TOTAL_CAP = 1000;
const SNIPPET_RADIUS = 80;

interface SummaryRow {
  id: number;
  title: string;
  script: string;
  category: string;
  language: string;
  priority: string;
  status: string;
  author: string;
  updated_at: string;
  duration_sec: number | null;
  audio_asset_id: number | null;
  audio_script_sha256: string | null;
}

/**
 * Diacritic- and case-insensitive search: the query is folded like the index (fold.ts), every word
 * must appear, the last one may be a prefix (the user is still typing). Newest first, which
 * FTS5 can walk in rowid order and stop early, unlike a relevance sort over every match.
 */
export function searchBulletins(db: Db, filters: Filters): { items: BulletinSummary[]; total: number } {
  const terms = searchTerms(filters.text);
  const where: string[] = [];
  const params: unknown[] = [];
  let from = 'bulletins b';
  if (terms.length > 0) {
    from = 'bulletin_search s JOIN bulletins b ON b.id = s.rowid';
    where.push('bulletin_search MATCH ?');
    params.push(toMatchExpression(terms));
  }
  for (const field of ['category', 'language', 'priority', 'status'] as const) {
    const value = filters[field];
    if (value !== undefined) {
      where.push(`b.${field} = ?`);
      params.push(value);
    }
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const order = terms.length > 0 ? 's.rowid DESC' : 'b.updated_at DESC, b.id DESC';
  const rows = db
    .prepare(
      `SELECT b.id, b.title, b.script, b.category, b.language, b.priority, b.status, b.author, b.updated_at,
              a.duration_sec, b.audio_asset_id, b.audio_script_sha256
         FROM ${from} LEFT JOIN assets a ON a.id = b.audio_asset_id
         ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`,
    )
    .all(...params, filters.limit, filters.offset) as SummaryRow[];
  const total = db
    .prepare(`SELECT count(*) FROM (SELECT 1 FROM ${from} ${whereSql} LIMIT ${TOTAL_CAP + 1})`)
    .pluck()
    .get(...params) as number;
  return { items: rows.map((row) => toSummary(row, terms)), total };
}

function toMatchExpression(terms: string[]): string {
  return terms.map((term, i) => `"${term.replace(/"/g, '""')}"${i === terms.length - 1 ? '*' : ''}`).join(' AND ');
}

function toSummary(row: SummaryRow, terms: string[]): BulletinSummary {
  return {
    id: row.id,
    title: row.title,
    category: row.category as BulletinSummary['category'],
    language: row.language,
    priority: row.priority as BulletinSummary['priority'],
    status: row.status as BulletinSummary['status'],
    author: row.author,
    updatedAt: row.updated_at,
    durationSec: row.duration_sec,
    audioStale: isAudioStale(row),
    snippet: snippet(row.script, terms),
  };
}

/** A window of the script around the first search word, found in a folded copy of equal length. */
export function snippet(script: string, terms: string[]): string {
  const text = script.normalize('NFC').replace(/\s+/g, ' ').trim();
  const folded = foldForSearch(text);
  const at = terms.length && folded.length === text.length ? Math.max(0, folded.indexOf(terms[0]!)) : 0;
  const start = Math.max(0, at - SNIPPET_RADIUS / 2);
  const cut = text.slice(start, start + SNIPPET_RADIUS * 2);
  return `${start > 0 ? '…' : ''}${cut}${start + SNIPPET_RADIUS * 2 < text.length ? '…' : ''}`;
}

export type { SearchFilters };
