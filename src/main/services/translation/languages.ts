/** Languages as editable data in SQLite: seeded once with the built-in table, provinces add more. */
import type { Database } from 'better-sqlite3';
import { StudioError } from '../../../shared/errors.ts';
import { canonicalLanguageCode, languageInputSchema, type Language, type LanguageInput } from '../../../shared/translation/index.ts';
import { BUILT_IN_LANGUAGES } from './language-table.ts';

interface LanguageRow {
  code: string;
  name_vi: string;
  name_native: string | null;
  scripts: string;
  direction: 'ltr' | 'rtl';
  region: string | null;
  built_in: number;
}

const fromRow = (r: LanguageRow): Language => ({
  code: r.code,
  nameVi: r.name_vi,
  nameNative: r.name_native,
  scripts: JSON.parse(r.scripts) as string[],
  direction: r.direction,
  region: r.region,
  builtIn: r.built_in === 1,
});

export function createLanguages(db: Database) {
  const upsert = db.prepare(`INSERT INTO translation_languages (code, name_vi, name_native, scripts, direction, region, built_in)
    VALUES (@code, @nameVi, @nameNative, @scripts, @direction, @region, @builtIn)
    ON CONFLICT (code) DO UPDATE SET name_vi = excluded.name_vi, name_native = excluded.name_native,
      scripts = excluded.scripts, direction = excluded.direction, region = excluded.region`);
  const seed = db.prepare(`INSERT OR IGNORE INTO translation_languages (code, name_vi, name_native, scripts, direction, region, built_in)
    VALUES (@code, @nameVi, @nameNative, @scripts, @direction, @region, 1)`);
  db.transaction(() => {
    for (const l of BUILT_IN_LANGUAGES) seed.run({ ...l, scripts: JSON.stringify(l.scripts) });
  })();

  const get = (code: string): Language | null => {
    const row = db.prepare('SELECT * FROM translation_languages WHERE code = ?').get(code) as LanguageRow | undefined;
    return row ? fromRow(row) : null;
  };

  return {
    list: (): Language[] =>
      (db.prepare('SELECT * FROM translation_languages ORDER BY built_in DESC, name_vi').all() as LanguageRow[]).map(fromRow),
    get,
    /** The stored code for what a user typed ("vi" → "vie"); throws not_found for an unknown language. */
    resolve(code: string): string {
      const resolved = canonicalLanguageCode(code);
      if (!get(resolved)) throw new StudioError('not_found', `unknown language ${code}`, { kind: 'language', code });
      return resolved;
    },
    /** Adds a language or edits one (built-in ones keep their built-in flag). */
    save(input: LanguageInput): Language {
      const parsed = languageInputSchema.safeParse(input);
      if (!parsed.success) throw new StudioError('invalid_argument', 'invalid language', { issues: parsed.error.issues });
      const l = parsed.data;
      upsert.run({ ...l, scripts: JSON.stringify(l.scripts), builtIn: 0 });
      return get(l.code)!;
    },
    remove(code: string): void {
      const language = get(code);
      if (!language) throw new StudioError('not_found', `unknown language ${code}`, { kind: 'language', code });
      if (language.builtIn) throw new StudioError('conflict', 'built-in languages stay', { kind: 'language', code });
      db.prepare('DELETE FROM translation_languages WHERE code = ?').run(code);
    },
  };
}

export type Languages = ReturnType<typeof createLanguages>;
