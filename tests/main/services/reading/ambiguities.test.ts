import { describe, expect, it } from 'vitest';
import { prepareForSpeech } from '../../../../src/main/services/reading/index.ts';

describe('ambiguous expansions', () => {
  it('flags TT with every reading and picks from context', () => {
    const cases: [string, string, 'context' | 'default'][] = [
      ['TT Phong Điền', 'thị trấn', 'context'],
      ['theo TT 39', 'thông tư', 'context'],
      ['Phó TT Chính phủ', 'thủ tướng', 'context'],
      ['TT.HĐND tỉnh', 'thường trực', 'context'],
      ['TT', 'thứ tự', 'context'],
      ['các tt và TT được', 'thị trấn', 'default'],
    ];
    for (const [text, chosen, reason] of cases) {
      const [a] = prepareForSpeech(text).ambiguities;
      expect(a, text).toMatchObject({ source: expect.stringMatching(/^TT\.?$/), chosen, reason });
      expect(a!.options).toEqual(expect.arrayContaining(['thị trấn', 'thông tư', 'thủ tướng']));
    }
  });

  it('locates each ambiguity in the text and in its sentence, and marks the part', () => {
    const result = prepareForSpeech('Xin chào. Gặp CT UBND xã.');
    const [a] = result.ambiguities;
    expect(a).toMatchObject({ source: 'CT', chosen: 'chủ tịch', sentence: 1 });
    expect(result.text.slice(a!.start, a!.end)).toBe('CT');
    const part = result.sentences[1]!.parts.find((p) => p.ambiguity === 0);
    expect(part).toMatchObject({ source: 'CT', spoken: 'chủ tịch' });
  });

  it('applies the editor\'s choice by offset (one occurrence) or by source (every occurrence)', () => {
    const text = 'TT Phong Điền và TT Hương Sơn';
    const first = prepareForSpeech(text);
    expect(first.spoken).toBe('thị trấn Phong Điền và thị trấn Hương Sơn');
    const second = first.ambiguities[1]!;

    const oneOccurrence = prepareForSpeech(text, { choices: { [String(second.start)]: 'thông tư' } });
    expect(oneOccurrence.spoken).toBe('thị trấn Phong Điền và thông tư Hương Sơn');
    expect(oneOccurrence.ambiguities.map((a) => a.reason)).toEqual(['context', 'choice']);

    const everywhere = prepareForSpeech(text, { choices: { TT: 'thủ tướng' } });
    expect(everywhere.spoken).toBe('thủ tướng Phong Điền và thủ tướng Hương Sơn');
  });

  it('flags "1,500" (decimal or English thousands) and "3/5" (fraction or date)', () => {
    const comma = prepareForSpeech('1,500').ambiguities[0]!;
    expect(comma.options).toEqual(['một phẩy năm trăm', 'một nghìn năm trăm']);
    expect(comma.chosen).toBe('một phẩy năm trăm');
    const fraction = prepareForSpeech('đạt 3/5 chỉ tiêu');
    expect(fraction.spoken).toBe('đạt ba phần năm chỉ tiêu');
    expect(fraction.ambiguities[0]!.options).toContain('ngày ba tháng năm');
    expect(prepareForSpeech('sáng 3/5 có mưa').spoken).toBe('sáng ngày ba tháng năm có mưa');
  });

  it('does not flag what is certain', () => {
    expect(prepareForSpeech('UBND xã, ngày 18/9/2024, 50.000đ, TP. Huế').ambiguities).toEqual([]);
  });
});
