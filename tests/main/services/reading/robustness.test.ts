import { describe, expect, it } from 'vitest';
import { prepareForSpeech } from '../../../../src/main/services/reading/index.ts';

/** Pieces that trip rules when glued together at random. */
const PIECES = [
  '0', '1', '2', '5', '9', '.', ',', '/', '-', ':', 'h', 'đ', '%', '°', 'C', 'T', 'TT', 'UBND', 'Q.', 'x', '  ', '\n', '\n\n',
  '[pause 2s]', '[pause', '(', ')', '+84', '0912', 'm²', 'km/h', 'thứ', 'ngày', 'tháng', 'IV', 'Phần', 'é', 'ư', 'ơ', '\u0301',
  '\u0300', '«', '®', 'aø', '$', '€', '@', 'www.', '.vn', '—', '–', '…', '!', '?', '\u0000', '\u200b', '😀', 'A', 'a', 'Ê', 'Đ',
];

function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('normaliser robustness', () => {
  it('never throws and never leaves a digit, on 3,000 random gluings of tricky pieces', () => {
    const random = seeded(7);
    for (let i = 0; i < 3000; i++) {
      let text = '';
      for (let n = 1 + Math.floor(random() * 25); n > 0; n--) text += PIECES[Math.floor(random() * PIECES.length)];
      const result = prepareForSpeech(text);
      expect(result.spoken, JSON.stringify(text)).not.toMatch(/\d/);
      for (const s of result.sentences) expect(result.text.slice(s.start, s.end), JSON.stringify(text)).toBe(s.text);
    }
  });

  it('handles long degenerate runs (digits, dotted runs, capitals) without blowing up', () => {
    const text = `${'1'.repeat(5000)} ${'9.'.repeat(3000)}${'A'.repeat(3000)}${'a.'.repeat(3000)}`;
    const result = prepareForSpeech(text);
    expect(result.spoken).not.toMatch(/\d/);
    expect(result.sentences.length).toBeGreaterThan(0);
  });
});
