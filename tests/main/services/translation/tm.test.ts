import { describe, expect, it } from 'vitest';
import { bandOf, fuzzyScore, tokenKeys } from '../../../../src/main/services/translation/index.ts';
import { TmIndex } from '../../../../src/main/services/translation/tm-index.ts';
import { useService } from './open-service.ts';

describe('fuzzy score (OmegaT: 100 × (1 − token edit distance / longer length), floored)', () => {
  it.each([
    // one substitution in five words: 100 × (1 − 1/5) = 80
    ['bà con chú ý phòng', 'bà con chú ý chống', 80],
    // one substitution in four: 75
    ['bà con chú ý', 'bà con lưu ý', 75],
    // one word deleted from nine: 100 × (1 − 1/9) = 88.9 → 88
    ['ủy ban nhân dân xã thông báo lịch tiêm', 'ủy ban nhân dân xã thông báo lịch', 88],
    // cần→phải, lương→nước, thực deleted: 3 edits over 7 words = 57.1 → 57
    ['người dân cần chuẩn bị lương thực', 'người dân phải chuẩn bị nước', 57],
    // identical words, different case and punctuation: still 100 on tokens
    ['Hôm nay trời mưa.', 'hôm nay trời mưa', 100],
    // nothing shared
    ['mưa lớn', 'nắng nóng', 0],
  ])('%s ~ %s = %d', (a, b, expected) => {
    expect(fuzzyScore(tokenKeys(a), tokenKeys(b))).toBe(expected);
  });

  it('counts distance on words, not characters: a changed tone is a whole word changed', () => {
    expect(fuzzyScore(tokenKeys('ma má mà mả'), tokenKeys('ma má mà mã'))).toBe(75);
  });

  it('puts scores in the bands 100, 95–99, 85–94, 75–84, 50–74 and nothing below', () => {
    expect([100, 99, 95, 94, 85, 84, 75, 74, 50, 49, 0].map(bandOf)).toEqual(['100', '95-99', '95-99', '85-94', '85-94', '75-84', '75-84', '50-74', '50-74', null, null]);
  });

  it('keeps combining breves in tokens: Bahnar words never equal their unbreved look-alikes', () => {
    // ơ̆ has no precomposed form: it stays ơ + U+0306 in NFC.
    const breved = 'kơ̆ bĭ đei';
    expect(breved.normalize('NFC')).toContain('\u0306');
    expect(tokenKeys(breved)).toEqual(['kơ̆', 'bĭ', 'đei']);
    expect(fuzzyScore(tokenKeys(breved), tokenKeys('kơ bi đei'))).toBe(33);
    expect(fuzzyScore(tokenKeys(breved), tokenKeys('kơ\u0306 bi\u0306 đei'))).toBe(100);
  });

  it('treats both tone placements as one word (hoà = hòa)', () => {
    expect(tokenKeys('hoà thuỷ')).toEqual(tokenKeys('hòa thủy'));
  });
});

describe('the shortlist index', () => {
  it('finds exactly what a full scan finds', () => {
    // Deterministic pseudo-random segments over a small vocabulary, so many share words.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const words = 'bà con xã thông báo mưa lớn lũ quét sạt lở đất cần di dời người dân khẩn cấp'.split(' ');
    const sentence = () => Array.from({ length: 3 + Math.floor(random() * 8) }, () => words[Math.floor(random() * words.length)]!);
    const segments = Array.from({ length: 2000 }, sentence);
    const index = new TmIndex();
    segments.forEach((s, i) => index.add(i, s));
    for (let q = 0; q < 50; q++) {
      const query = sentence();
      const scan = segments.map((s, id) => ({ id, score: fuzzyScore(query, s) })).filter((h) => h.score >= 60).sort((a, b) => b.score - a.score);
      const found = index.search(query, 5, 60);
      expect(found.map((h) => h.score)).toEqual(scan.slice(0, found.length).map((h) => h.score));
      if (scan.length >= 5) expect(found.length).toBeGreaterThanOrEqual(5);
      else expect(found.length).toBe(scan.length);
    }
  });
});

describe('the shortlist index on skewed text', () => {
  it('finds what a full scan finds when a few words are everywhere and words repeat', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    // Zipf-like: word k drawn with weight 1/(k+1), so "w0", "w1" fill most segments, as "của", "và" do.
    const vocabulary = Array.from({ length: 300 }, (_, k) => `w${k}`);
    const weights = vocabulary.map((_, k) => 1 / (k + 1));
    const total = weights.reduce((a, b) => a + b, 0);
    const word = () => {
      let r = random() * total;
      for (let k = 0; k < vocabulary.length; k++) if ((r -= weights[k]!) <= 0) return vocabulary[k]!;
      return vocabulary.at(-1)!;
    };
    const sentence = () => Array.from({ length: 2 + Math.floor(random() * 12) }, word);
    const segments = Array.from({ length: 5000 }, sentence);
    const index = new TmIndex();
    segments.forEach((s, i) => index.add(i, s));
    for (const minScore of [50, 75]) {
      for (let q = 0; q < 40; q++) {
        const query = q % 2 === 0 ? sentence() : [...segments[q * 7]!.slice(1), word()];
        const scan = segments.map((s) => fuzzyScore(query, s)).filter((score) => score >= minScore).sort((a, b) => b - a);
        const found = index.search(query, 5, minScore).map((h) => h.score);
        expect(found.slice(0, 5)).toEqual(scan.slice(0, Math.min(5, found.length)));
        expect(found.length).toBeGreaterThanOrEqual(Math.min(5, scan.length));
      }
    }
  });
});

describe('translation memory', () => {
  const opened = useService();

  it('keeps several translations of one source as alternatives, and a repeated pair once', () => {
    const { tm } = opened.service;
    expect(tm.add('vi', 'tyz', [
      { source: 'cảm ơn', target: 'đảy ơn' },
      { source: 'cảm ơn', target: 'cảm ơn' },
      { source: 'cảm ơn', target: 'đảy ơn' },
    ])).toEqual({ added: 2, skipped: 1 });
    const matches = tm.lookup('vi', 'tyz', 'Cảm ơn');
    expect(matches.map((m) => [m.entry.target, m.score, m.band])).toEqual(expect.arrayContaining([['đảy ơn', 100, '100'], ['cảm ơn', 100, '100']]));
    expect(matches).toHaveLength(2);
  });

  it('ranks an in-context exact match (same previous segment) above a plain exact one', () => {
    const { tm } = opened.service;
    tm.add('vi', 'tyz', [
      { source: 'bà con chú ý', target: 'A', createdAt: '2025-01-02T00:00:00.000Z' },
      { source: 'bà con chú ý', target: 'B', previousSource: 'Trời sắp mưa lớn.', createdAt: '2025-01-01T00:00:00.000Z' },
    ]);
    const plain = tm.lookup('vi', 'tyz', 'bà con chú ý');
    expect(plain.map((m) => m.entry.target)).toEqual(['A', 'B']);
    const inContext = tm.lookup('vi', 'tyz', 'bà con chú ý', { previousSource: 'Trời sắp mưa lớn.' });
    expect(inContext[0]).toMatchObject({ inContext: true, score: 100, entry: { target: 'B' } });
    expect(inContext[1]).toMatchObject({ inContext: false, entry: { target: 'A' } });
  });

  it('returns fuzzy matches with their score and band, best first, and never calls a near match 100', () => {
    const { tm } = opened.service;
    tm.add('vi', 'tyz', [
      { source: 'ủy ban nhân dân xã thông báo lịch tiêm', target: 'T1' },
      { source: 'ủy ban nhân dân xã thông báo lịch họp', target: 'T2' },
      { source: 'trời nắng', target: 'T3' },
    ]);
    const matches = tm.lookup('vi', 'tyz', 'Ủy ban nhân dân xã thông báo lịch tiêm!');
    expect(matches.map((m) => [m.entry.target, m.score, m.band])).toEqual([['T1', 99, '95-99'], ['T2', 88, '85-94']]);
  });

  it('matches a breved Bahnar word only with itself', () => {
    const { tm } = opened.service;
    tm.add('vi', 'bdq', [{ source: 'một', target: 'bĭ' }, { source: 'kơ̆', target: 'X' }]);
    tm.add('bdq', 'vi', [{ source: 'bĭ', target: 'một' }, { source: 'bi', target: 'bi (khác)' }]);
    expect(tm.lookup('bdq', 'vi', 'bĭ').map((m) => m.entry.target)).toEqual(['một']);
    expect(tm.lookup('bdq', 'vi', 'bi').map((m) => m.entry.target)).toEqual(['bi (khác)']);
    expect(tm.lookup('vi', 'bdq', 'kơ')).toEqual([]);
    expect(tm.lookup('vi', 'bdq', 'kơ\u0306').map((m) => m.entry.target)).toEqual(['X']);
    // Concordance too: "kơ" is not a piece of "kơ̆", "bi" is not a piece of "bĭ".
    expect(tm.search('vi', 'bdq', 'kơ')).toEqual([]);
    expect(tm.search('vi', 'bdq', 'kơ̆').map((e) => e.target)).toEqual(['X']);
    expect(tm.search('bdq', 'vi', 'bi').map((e) => e.target)).toEqual(['bi (khác)']);
  });

  it('finds words in either language (concordance), case-insensitively', () => {
    const { tm } = opened.service;
    tm.add('vi', 'tyz', [{ source: 'Mưa lớn kéo dài', target: 'phân lai' }, { source: 'trời nắng', target: 'phạ đét' }]);
    expect(tm.search('vi', 'tyz', 'MƯA').map((e) => e.target)).toEqual(['phân lai']);
    expect(tm.search('vi', 'tyz', 'đét').map((e) => e.source)).toEqual(['trời nắng']);
  });

  it('refuses an empty side and stores nothing of that batch', () => {
    const { tm } = opened.service;
    expect(() => tm.add('vi', 'tyz', [{ source: 'a b', target: 'c' }, { source: ' ', target: 'x' }])).toThrow(expect.objectContaining({ code: 'invalid_argument' }));
    expect(tm.count('vi', 'tyz')).toBe(0);
  });
});
