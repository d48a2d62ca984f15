import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusBleu, corpusChrf, sentenceBleu, sentenceChrf, tokenize13a } from '../../../../src/main/services/translation-engines/index.ts';

interface VectorCase {
  id: string;
  hyps: string[];
  refs: string[][];
  'corpus_chrF2++': number;
  corpus_chrF2: number;
  corpus_BLEU: number;
  'sentence_chrF2++'?: number;
  sentence_BLEU?: number;
}

const VECTORS = path.resolve(import.meta.dirname, '../../../../../shared/data/metrics/sacrebleu-vectors.json');
const { cases } = JSON.parse(fs.readFileSync(VECTORS, 'utf8')) as { cases: VectorCase[] };

describe('metrics equal sacrebleu 2.6 on every shared vector', () => {
  it('has the shared vectors', () => {
    expect(cases.length).toBeGreaterThanOrEqual(9);
  });

  for (const c of cases) {
    it(c.id, () => {
      expect(corpusChrf(c.hyps, c.refs)).toBeCloseTo(c['corpus_chrF2++'], 2);
      expect(corpusChrf(c.hyps, c.refs, { wordOrder: 0 })).toBeCloseTo(c.corpus_chrF2, 2);
      expect(corpusBleu(c.hyps, c.refs)).toBeCloseTo(c.corpus_BLEU, 2);
      if (c['sentence_chrF2++'] !== undefined) {
        expect(sentenceChrf(c.hyps[0]!, c.refs.map((stream) => stream[0]!))).toBeCloseTo(c['sentence_chrF2++'], 2);
      }
      if (c.sentence_BLEU !== undefined) {
        expect(sentenceBleu(c.hyps[0]!, c.refs.map((stream) => stream[0]!))).toBeCloseTo(c.sentence_BLEU, 2);
      }
    });
  }
});

describe('metric details', () => {
  it('tokenises like mteval 13a', () => {
    expect(tokenize13a('Quyết định số 135/QĐ-TTg, ngày 18.12.2023 (mới).')).toEqual([
      'Quyết', 'định', 'số', '135', '/', 'QĐ-TTg', ',', 'ngày', '18.12.2023', '(', 'mới', ')', '.',
    ]);
  });

  it('refuses reference streams that do not line up', () => {
    expect(() => corpusChrf(['a', 'b'], [['a']])).toThrow(expect.objectContaining({ code: 'invalid_argument' }));
    expect(() => corpusBleu(['a'], [])).toThrow(expect.objectContaining({ code: 'invalid_argument' }));
  });

  it('takes the best of several references', () => {
    const one = corpusChrf(['mầư pây tầư'], [['khỏi pây']]);
    const two = corpusChrf(['mầư pây tầư'], [['khỏi pây'], ['mầư pây tầư']]);
    expect(one).toBeLessThan(100);
    expect(two).toBeCloseTo(100, 6);
  });
});
