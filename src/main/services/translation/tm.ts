/**
 * Translation memory in SQLite, per language pair. Adding a pair that is already there keeps the
 * first; a new target for a known source is stored beside it as an alternative. Lookup: exact
 * (in-context first: same previous segment), then fuzzy through the in-memory index (tm-index.ts).
 */
import type { Database } from 'better-sqlite3';
import { StudioError } from '../../../shared/errors.ts';
import type { TmEntry, TmMatch } from '../../../shared/translation/index.ts';
import { bandOf } from './fuzzy.ts';
import { exactKey, normaliseText, tokenise, tokenKeys } from './text.ts';
import { TmIndex } from './tm-index.ts';

export interface TmInput {
  source: string;
  target: string;
  previousSource?: string | null;
  author?: string | null;
  createdAt?: string;
  origin?: string | null;
  note?: string | null;
}

/** A short TM pair used as a piece of an assembled draft. */
export interface Phrase {
  id: number;
  target: string;
}

export interface LookupOptions {
  previousSource?: string | null;
  /** Lowest fuzzy score returned (default 50, the lowest band). */
  minScore?: number;
  limit?: number;
}

interface TmRow {
  id: number;
  src_lang: string;
  tgt_lang: string;
  source: string;
  target: string;
  source_key: string;
  source_tokens: string;
  target_key: string;
  previous_source: string | null;
  previous_key: string | null;
  author: string | null;
  created_at: string;
  origin: string | null;
  note: string | null;
}

const toEntry = (r: TmRow): TmEntry => ({
  id: r.id,
  from: r.src_lang,
  to: r.tgt_lang,
  source: r.source,
  target: r.target,
  previousSource: r.previous_source,
  author: r.author,
  createdAt: r.created_at,
  origin: r.origin,
  note: r.note,
});

export function createTranslationMemory(db: Database) {
  const indexes = new Map<string, TmIndex>();
  const phraseTables = new Map<string, Map<string, Phrase>>();
  const insert = db.prepare(`INSERT OR IGNORE INTO tm_segments
    (src_lang, tgt_lang, source, target, target_key, source_key, source_tokens, previous_source, previous_key, author, created_at, origin, note)
    VALUES (@from, @to, @source, @target, @targetKey, @sourceKey, @sourceTokens, @previousSource, @previousKey, @author, @createdAt, @origin, @note)`);
  const byId = db.prepare('SELECT * FROM tm_segments WHERE id = ?');
  const byKey = db.prepare('SELECT * FROM tm_segments WHERE src_lang = ? AND tgt_lang = ? AND source_key = ? ORDER BY created_at DESC, id DESC');

  const indexOf = (from: string, to: string): TmIndex => {
    const name = `${from}>${to}`;
    let index = indexes.get(name);
    if (!index) {
      index = new TmIndex();
      const rows = db.prepare('SELECT id, source_tokens FROM tm_segments WHERE src_lang = ? AND tgt_lang = ? ORDER BY id').raw().iterate(from, to);
      for (const [id, tokens] of rows as Iterable<[number, string]>) index.add(id, tokens ? tokens.split(' ') : []);
      indexes.set(name, index);
    }
    return index;
  };

  /** Adds pairs in one transaction; returns how many were new (duplicates are skipped). */
  function add(from: string, to: string, inputs: TmInput[]): { added: number; skipped: number } {
    // To the second: TMX dates carry no more, and an export → import must give the same TM.
    const now = new Date().toISOString().replace(/\.\d+Z$/, '.000Z');
    const index = indexes.get(`${from}>${to}`);
    let added = 0;
    for (const name of phraseTables.keys()) if (name.startsWith(`${from}>${to}>`)) phraseTables.delete(name);
    db.transaction(() => {
      for (const input of inputs) {
        const source = normaliseText(input.source);
        const target = normaliseText(input.target);
        if (!source || !target) throw new StudioError('invalid_argument', 'empty side of a TM pair', { source: input.source, target: input.target });
        const previousSource = input.previousSource ? normaliseText(input.previousSource) : null;
        const keys = tokenise(source).map((t) => t.key);
        const result = insert.run({
          from, to, source, target,
          sourceKey: exactKey(source),
          targetKey: exactKey(target),
          sourceTokens: keys.join(' '),
          previousSource,
          previousKey: previousSource ? exactKey(previousSource) : null,
          author: input.author ?? null,
          createdAt: input.createdAt ?? now,
          origin: input.origin ?? null,
          note: input.note ?? null,
        });
        if (result.changes > 0) {
          added += 1;
          index?.add(Number(result.lastInsertRowid), keys);
        }
      }
    })();
    return { added, skipped: inputs.length - added };
  }

  function lookup(from: string, to: string, text: string, options: LookupOptions = {}): TmMatch[] {
    const limit = options.limit ?? 5;
    const key = exactKey(text);
    const previousKey = options.previousSource ? exactKey(options.previousSource) : null;
    const exact = (byKey.all(from, to, key) as TmRow[]).map((r): TmMatch => ({
      entry: toEntry(r),
      score: 100,
      band: '100',
      inContext: previousKey !== null && r.previous_key === previousKey,
    }));
    exact.sort((a, b) => Number(b.inContext) - Number(a.inContext));
    const seen = new Set(exact.map((m) => m.entry.id));
    const fuzzy: TmMatch[] = [];
    if (exact.length < limit) {
      for (const hit of indexOf(from, to).search(tokenKeys(text), limit + exact.length, options.minScore ?? 50)) {
        if (seen.has(hit.id)) continue;
        // Same words, different punctuation or case: a near-exact match, never "100".
        const score = Math.min(hit.score, 99);
        fuzzy.push({ entry: toEntry(byId.get(hit.id) as TmRow), score, band: bandOf(score)!, inContext: false });
      }
    }
    return [...exact, ...fuzzy].slice(0, Math.max(limit, exact.length));
  }

  return {
    add,
    lookup,
    get: (id: number): TmEntry | null => {
      const row = byId.get(id) as TmRow | undefined;
      return row ? toEntry(row) : null;
    },
    /** Every pair of a language pair, oldest first (for export). */
    entries: (from: string, to: string): TmEntry[] =>
      (db.prepare('SELECT * FROM tm_segments WHERE src_lang = ? AND tgt_lang = ? ORDER BY id').all(from, to) as TmRow[]).map(toEntry),
    count: (from: string, to: string): number =>
      db.prepare('SELECT count(*) FROM tm_segments WHERE src_lang = ? AND tgt_lang = ?').pluck().get(from, to) as number,
    /**
     * Concordance: pairs whose source or target contains `text` (case-insensitive). A hit that ends
     * inside a letter's marks does not count: "kơ" is not found in "kơ̆" (ơ + U+0306).
     */
    search(from: string, to: string, text: string, limit = 50): TmEntry[] {
      const needle = exactKey(text);
      if (!needle) return [];
      const whole = new RegExp(`${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{M})`, 'u');
      const found: TmEntry[] = [];
      const rows = db.prepare(`SELECT * FROM tm_segments WHERE src_lang = ? AND tgt_lang = ?
        AND (instr(source_key, ?) > 0 OR instr(target_key, ?) > 0) ORDER BY id`).iterate(from, to, needle, needle) as Iterable<TmRow>;
      for (const row of rows) {
        if (!whole.test(row.source_key) && !whole.test(row.target_key)) continue;
        found.push(toEntry(row));
        if (found.length >= limit) break;
      }
      return found;
    },
    /** Mean target/source length ratio of the pair (1 when the TM is empty): the QA's "usual" ratio. */
    lengthRatio(from: string, to: string): number {
      const ratio = db.prepare(`SELECT avg(CAST(length(target) AS REAL) / length(source)) FROM tm_segments
        WHERE src_lang = ? AND tgt_lang = ? AND length(source) >= 10`).pluck().get(from, to) as number | null;
      return ratio ?? 1;
    },
    /** Short sources (≤ maxWords tokens) → the newest target: the phrase table of assembled drafts. */
    phrases(from: string, to: string, maxWords: number): Map<string, Phrase> {
      const name = `${from}>${to}>${maxWords}`;
      const cached = phraseTables.get(name);
      if (cached) return cached;
      const map = new Map<string, Phrase>();
      const rows = db.prepare(`SELECT source_tokens, id, target FROM tm_segments WHERE src_lang = ? AND tgt_lang = ?
        AND source_tokens <> '' AND length(source_tokens) - length(replace(source_tokens, ' ', '')) < ?
        ORDER BY created_at DESC, id DESC`).raw().iterate(from, to, maxWords) as Iterable<[string, number, string]>;
      for (const [key, id, target] of rows) if (!map.has(key)) map.set(key, { id, target });
      phraseTables.set(name, map);
      return map;
    },
  };
}

export type TranslationMemory = ReturnType<typeof createTranslationMemory>;
