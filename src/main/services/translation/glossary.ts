/**
 * Glossary per language pair: terms with a required translation, and do-not-translate entries
 * (names of people, places, organisations) whose translation is the term itself. A term may have
 * several translations (alternatives, as in the Bahnar dictionary).
 */
import type { Database } from 'better-sqlite3';
import { StudioError } from '../../../shared/errors.ts';
import type { GlossaryEntry, GlossaryKind } from '../../../shared/translation/index.ts';
import { normaliseText, tokenKeys } from './text.ts';

export interface GlossaryInput {
  term: string;
  translation?: string;
  kind?: GlossaryKind;
  note?: string | null;
}

interface GlossaryRow {
  id: number;
  src_lang: string;
  tgt_lang: string;
  term: string;
  translation: string;
  kind: GlossaryKind;
  note: string | null;
}

const toEntry = (r: GlossaryRow): GlossaryEntry => ({
  id: r.id, from: r.src_lang, to: r.tgt_lang, term: r.term, translation: r.translation, kind: r.kind, note: r.note,
});

export function createGlossary(db: Database) {
  const insert = db.prepare(`INSERT OR IGNORE INTO glossary_entries (src_lang, tgt_lang, term, translation, kind, note)
    VALUES (?, ?, ?, ?, ?, ?)`);

  /** Per pair: term tokens joined by a space → its entries; rebuilt after any change. */
  const tables = new Map<string, { byKey: Map<string, GlossaryEntry[]>; maxWords: number }>();

  function table(from: string, to: string) {
    let t = tables.get(`${from}>${to}`);
    if (!t) {
      t = { byKey: new Map(), maxWords: 0 };
      for (const e of entries(from, to)) {
        const keys = tokenKeys(e.term);
        if (keys.length === 0) continue;
        const key = keys.join(' ');
        t.byKey.set(key, [...(t.byKey.get(key) ?? []), e]);
        t.maxWords = Math.max(t.maxWords, keys.length);
      }
      tables.set(`${from}>${to}`, t);
    }
    return t;
  }

  function add(from: string, to: string, inputs: GlossaryInput[]): { added: number; skipped: number } {
    let added = 0;
    tables.delete(`${from}>${to}`);
    db.transaction(() => {
      for (const input of inputs) {
        const kind = input.kind ?? 'term';
        const term = normaliseText(input.term);
        const translation = kind === 'do-not-translate' ? term : normaliseText(input.translation ?? '');
        if (!term || !translation) throw new StudioError('invalid_argument', 'glossary entry without term or translation', { term: input.term });
        added += insert.run(from, to, term, translation, kind, input.note ?? null).changes;
      }
    })();
    return { added, skipped: inputs.length - added };
  }

  function entries(from: string, to: string): GlossaryEntry[] {
    return (db.prepare('SELECT * FROM glossary_entries WHERE src_lang = ? AND tgt_lang = ? ORDER BY id').all(from, to) as GlossaryRow[]).map(toEntry);
  }

  return {
    add,
    entries,
    remove(id: number): void {
      tables.clear();
      if (db.prepare('DELETE FROM glossary_entries WHERE id = ?').run(id).changes === 0) {
        throw new StudioError('not_found', `no glossary entry ${id}`, { kind: 'glossary-entry', id });
      }
    },
    /** Entries whose term occurs (as whole words) in `text`. */
    termsIn(from: string, to: string, text: string): GlossaryEntry[] {
      const { byKey, maxWords } = table(from, to);
      const keys = tokenKeys(text);
      const found = new Map<number, GlossaryEntry>();
      for (let i = 0; i < keys.length; i++) {
        for (let n = 1; n <= maxWords && i + n <= keys.length; n++) {
          for (const e of byKey.get(keys.slice(i, i + n).join(' ')) ?? []) found.set(e.id, e);
        }
      }
      return [...found.values()];
    },
    /** The lookup table pre-translation assembles drafts from. */
    table,
  };
}

export type Glossary = ReturnType<typeof createGlossary>;
