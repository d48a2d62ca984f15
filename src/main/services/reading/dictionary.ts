/** The user pronunciation dictionary in the database (migration 25). */
import type { DictionaryEntry, DictionaryEntryKind } from '../../../shared/api/reading.ts';
import { StudioError } from '../../../shared/errors.ts';
import type { AuditTrail } from '../audit/index.ts';
import type { Db } from '../storage/index.ts';
import { normaliseTones } from './tone-placement.ts';
import type { PronunciationEntry } from './types.ts';

interface Row {
  id: number;
  term: string;
  term_key: string;
  spoken: string;
  kind: DictionaryEntryKind;
  match_case: number;
  note: string;
  updated_at: string;
}

const toEntry = (r: Row): DictionaryEntry => ({
  id: r.id,
  term: r.term,
  spoken: r.spoken,
  kind: r.kind,
  matchCase: r.match_case === 1,
  note: r.note,
  updatedAt: r.updated_at,
});

export interface PronunciationInput {
  id?: number;
  term: string;
  spoken: string;
  kind: DictionaryEntryKind;
  matchCase: boolean;
  note: string;
}

const termKey = (term: string, matchCase: boolean) => {
  const t = normaliseTones(term.trim());
  return matchCase ? `=${t}` : t.toLowerCase();
};

export class ReadingDictionary {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditTrail,
  ) {}

  list(): DictionaryEntry[] {
    return (this.db.prepare('SELECT * FROM pronunciations ORDER BY term COLLATE NOCASE').all() as Row[]).map(toEntry);
  }

  /** The entries as the normaliser takes them. */
  entries(): PronunciationEntry[] {
    return this.list().map((e) => ({ term: e.term, spoken: e.spoken, matchCase: e.matchCase }));
  }

  upsert(input: PronunciationInput, actor: string): DictionaryEntry {
    const term = normaliseTones(input.term.trim());
    const spoken = input.spoken.trim();
    if (/[\n\r]/.test(term)) throw new StudioError('invalid_argument', 'a term cannot span lines', { reason: 'term_multiline' });
    const key = termKey(term, input.matchCase);
    const now = new Date().toISOString();
    return this.db.transaction(() => {
      const existing = (
        input.id !== undefined
          ? this.db.prepare('SELECT * FROM pronunciations WHERE id = ?').get(input.id)
          : this.db.prepare('SELECT * FROM pronunciations WHERE term_key = ?').get(key)
      ) as Row | undefined;
      if (input.id !== undefined && !existing) throw new StudioError('not_found', `no dictionary entry #${input.id}`, { reason: 'dictionary_entry_unknown', id: input.id });
      const clash = this.db.prepare('SELECT id FROM pronunciations WHERE term_key = ?').get(key) as { id: number } | undefined;
      if (existing && clash && clash.id !== existing.id) {
        throw new StudioError('conflict', `"${term}" is already in the dictionary`, { reason: 'term_exists', term, id: clash.id });
      }
      let id: number;
      if (existing) {
        this.db
          .prepare('UPDATE pronunciations SET term = ?, term_key = ?, spoken = ?, kind = ?, match_case = ?, note = ?, updated_at = ? WHERE id = ?')
          .run(term, key, spoken, input.kind, input.matchCase ? 1 : 0, input.note, now, existing.id);
        id = existing.id;
      } else {
        id = Number(
          this.db
            .prepare('INSERT INTO pronunciations (term, term_key, spoken, kind, match_case, note, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
            .run(term, key, spoken, input.kind, input.matchCase ? 1 : 0, input.note, now).lastInsertRowid,
        );
      }
      this.audit.record({ actor, entity: 'pronunciation', entityId: id, action: existing ? 'update' : 'create', changes: { term, spoken } });
      return toEntry(this.db.prepare('SELECT * FROM pronunciations WHERE id = ?').get(id) as Row);
    })();
  }

  delete(id: number, actor: string): void {
    this.db.transaction(() => {
      const row = this.db.prepare('SELECT * FROM pronunciations WHERE id = ?').get(id) as Row | undefined;
      if (!row) throw new StudioError('not_found', `no dictionary entry #${id}`, { reason: 'dictionary_entry_unknown', id });
      this.db.prepare('DELETE FROM pronunciations WHERE id = ?').run(id);
      this.audit.record({ actor, entity: 'pronunciation', entityId: id, action: 'delete', changes: { term: row.term } });
    })();
  }
}
