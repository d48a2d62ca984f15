import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { QA_CODES, SEGMENT_STATES } from '../../../../src/shared/translation/index.ts';

const LOCALES = path.resolve(import.meta.dirname, '../../../../src/renderer/features/translation/locales');
const load = (lang: string) => JSON.parse(fs.readFileSync(path.join(LOCALES, `${lang}.json`), 'utf8')) as Record<string, Record<string, unknown>>;

describe('translation locale files', () => {
  it.each(['vi', 'en'])('%s words every QA code, segment state and import repair', (lang) => {
    const locale = load(lang);
    for (const code of QA_CODES) expect(locale.qa![code], code).toEqual(expect.any(String));
    for (const state of SEGMENT_STATES) expect(locale.state![state], state).toEqual(expect.any(String));
    const reasons = (locale.import!.reason ?? {}) as Record<string, string>;
    expect(Object.keys(reasons).sort()).toEqual(['decomposed-marks', 'eth-for-d-stroke', 'tcvn3', 'vni', 'vni-residue']);
  });

  it('has the same keys in both languages', () => {
    const keys = (o: unknown, prefix = ''): string[] =>
      typeof o === 'object' && o !== null ? Object.entries(o).flatMap(([k, v]) => keys(v, `${prefix}${k}.`)) : [prefix];
    expect(keys(load('vi')).sort()).toEqual(keys(load('en')).sort());
  });
});
