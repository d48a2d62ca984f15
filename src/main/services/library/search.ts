import type { BulletinSummary } from '../../../shared/api/library-types.ts';
import type { SearchFilters, ParsedArg } from '../../../shared/api/index.ts';
import type { Db } from '../storage/index.ts';
import { isAudioStale } from './bulletins.ts';
import { toVerdict, type VerdictColumns } from './source-verdict.ts';
import { findMatches, parseSearchQuery, toMatchExpression, type SearchQuery } from './search-query.ts';

type Filters = ParsedArg<'library.search'>;

/** Counting every match of a common word in a large library costs more than it tells; stop here. */
export const TOTAL_CAP = 1000;
const SNIPPET_RADIUS = 80;
/** How many of the newest matches a query's results are ranked among (see searchBulletins). */
export const RANK_WINDOW = 2000;

interface SummaryRow extends VerdictColumns {
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

/** How much more a match in the title counts than one in the script (FTS5 bm25 column weights). */
const TITLE_WEIGHT = 10;

/**
 * Diacritic- and case-insensitive search: the query is folded like the index (fold.ts), every word
 * or "quoted phrase" must appear, the last word may be a prefix (the user is still typing).
 * Ranked by relevance (bm25, a title match above a script match), newest first among equals;
 * without a query, newest first. Each result says where it matched, for highlighting.
 */
export function searchBulletins(db: Db, filters: Filters): { items: BulletinSummary[]; total: number } {
  const query = parseSearchQuery(filters.text);
  const terms = query.parts;
  const where: string[] = [];
  const params: unknown[] = [];
  let from = 'bulletins b';
  if (terms.length > 0) {
    from = 'bulletin_search s JOIN bulletins b ON b.id = s.rowid';
    // FTS5's own rank column, set to bm25 with the column weights: it can order by it while it
    // walks the matches instead of sorting them all afterwards.
    where.push('bulletin_search MATCH ?', 's.rank MATCH ?');
    params.push(toMatchExpression(query), `bm25(${TITLE_WEIGHT}, 1)`);
  }
  for (const field of ['category', 'language', 'priority', 'status'] as const) {
    const value = filters[field];
    if (value !== undefined) {
      where.push(`b.${field} = ?`);
      params.push(value);
    }
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  // Ranked among the newest RANK_WINDOW matches: scoring every match of a two-letter prefix in a
  // 100,000-bulletin archive would cost a full pass per keystroke; a rarer query is ranked whole.
  const source =
    terms.length > 0
      ? `(SELECT s.rowid AS id, s.rank AS rank FROM ${from} ${whereSql} ORDER BY s.rowid DESC LIMIT ${RANK_WINDOW}) m JOIN bulletins b ON b.id = m.id`
      : `${from}`;
  const order = terms.length > 0 ? 'm.rank, b.updated_at DESC, b.id DESC' : 'b.updated_at DESC, b.id DESC';
  const rows = db
    .prepare(
      `SELECT b.id, b.title, b.script, b.category, b.language, b.priority, b.status, b.author, b.updated_at,
              b.source_status, b.source_reason, b.source_checked_at,
              a.duration_sec, b.audio_asset_id, b.audio_script_sha256
         FROM ${source} LEFT JOIN assets a ON a.id = b.audio_asset_id
         ${terms.length > 0 ? '' : whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`,
    )
    .all(...params, filters.limit, filters.offset) as SummaryRow[];
  const total = db
    .prepare(`SELECT count(*) FROM (SELECT 1 FROM ${from} ${whereSql} LIMIT ${TOTAL_CAP + 1})`)
    .pluck()
    .get(...params) as number;
  return { items: rows.map((row) => toSummary(row, query)), total };
}

function toSummary(row: SummaryRow, query: SearchQuery): BulletinSummary {
  const shown = snippet(row.script, query);
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
    sourceVerdict: toVerdict(row),
    snippet: shown,
    matches: { title: findMatches(row.title, query), snippet: findMatches(shown, query) },
  };
}

/** A window of the script around its first match. */
export function snippet(script: string, query: SearchQuery): string {
  const text = script.normalize('NFC').replace(/\s+/g, ' ').trim();
  const at = findMatches(text, query)[0]?.[0] ?? 0;
  const start = Math.max(0, at - SNIPPET_RADIUS / 2);
  const cut = text.slice(start, start + SNIPPET_RADIUS * 2);
  return `${start > 0 ? '…' : ''}${cut}${start + SNIPPET_RADIUS * 2 < text.length ? '…' : ''}`;
}

export type { SearchFilters };
