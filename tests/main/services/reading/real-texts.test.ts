import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { prepareForSpeech } from '../../../../src/main/services/reading/index.ts';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../shared/data/vi-text');
const files = readdirSync(DIR).filter((f) => f.endsWith('.txt'));

/**
 * Principled exceptions: capitals left in the source by typos, which the voice reads as written.
 * "SThông tin và Truyền thôngChủ trì" (ca-mau) is "STTTT" half-expanded by the original author.
 */
const SOURCE_TYPOS = new Set(['SThông']);

describe('the real administrative texts in ../shared/data/vi-text', () => {
  it('finds the five documents', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)('%s: no digits and no unexpanded abbreviations remain in the spoken text', (file) => {
    const result = prepareForSpeech(readFileSync(path.join(DIR, file), 'utf8'));
    expect(result.sentences.length).toBeGreaterThan(10);
    for (const sentence of result.sentences) {
      expect(sentence.spoken, sentence.text).not.toMatch(/\d/);
      // Two capitals in a row = an acronym nobody expanded ("UBND", "QĐ", "TTg" would all show).
      const words = sentence.spoken.match(/[\p{L}\p{M}]*\p{Lu}\p{Lu}[\p{L}\p{M}]*/gu) ?? [];
      expect(words.filter((w) => !SOURCE_TYPOS.has(w)), sentence.text).toEqual([]);
      expect(sentence.spoken).not.toMatch(/[/%&°]/);
    }
  });

  it('reads the citations and dates of the Bắc Kạn decision the way the rules say', () => {
    const result = prepareForSpeech(readFileSync(path.join(DIR, 'bac-kan-2298-QD-UBND-2021.txt'), 'utf8'));
    expect(result.spoken).toContain('Số: hai nghìn hai trăm chín mươi tám, quyết định của ủy ban nhân dân');
    expect(result.spoken).toContain('Căn cứ Luật Tổ chức chính quyền địa phương ngày mười chín tháng sáu năm hai nghìn không trăm mười lăm');
    expect(result.spoken).toContain(
      'Căn cứ Quyết định số một nghìn ba trăm tám mươi mốt của bộ thông tin và truyền thông ngày bảy tháng chín năm hai nghìn không trăm hai mươi mốt',
    );
    expect(result.spoken).toContain('giai đoạn hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm hai mươi lăm');
  });
});
