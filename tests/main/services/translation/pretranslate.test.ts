import { describe, expect, it } from 'vitest';
import { LearnedEngine, parsePairsTsv, trainModel } from '../../../../src/main/services/translation-engines/index.ts';
import type { EngineCandidate, EngineSegment, TranslationEngine } from '../../../../src/shared/translation/index.ts';
import { SENTENCE_AND_PHRASE, openService, useService } from './open-service.ts';

/** A real (if tiny) engine behind the plug-in interface: it spells the source backwards. */
class ReversingEngine implements TranslationEngine {
  readonly id = 'reverse';
  calls: EngineSegment[][] = [];
  supports(from: string, to: string) {
    return from === 'vie' && to === 'tyz';
  }
  async translate(segments: EngineSegment[]): Promise<EngineCandidate[]> {
    this.calls.push(segments);
    return segments.map((s) => ({ index: s.index, text: [...s.text].reverse().join(''), confidence: 0.42, engine: this.id, marks: [] }));
  }
}

describe('pre-translation without a model', () => {
  const opened = useService((service) => {
    service.tm.add('vi', 'tyz', [
      ...SENTENCE_AND_PHRASE,
      { source: 'hôm nay', target: 'vằn nẩy' },
      { source: 'đi học', target: 'pây slon slư' },
      { source: 'mưa', target: 'phân' },
      { source: 'Trời mưa to.', target: 'Phạ phân lai.', previousSource: 'Bà con chú ý.' },
      { source: 'Trời mưa to.', target: 'Phân lai.' },
    ]);
    service.glossary.add('vi', 'tyz', [
      { term: 'con cháu', translation: 'lục lan' },
      { term: 'Bắc Kạn', kind: 'do-not-translate' },
    ]);
  });

  it('uses an exact TM match as is', async () => {
    const [result] = await opened.service.preTranslate([{ index: 0, text: 'Hôm nay bà con đi chợ mua thịt lợn.' }], 'vi', 'tyz');
    expect(result).toMatchObject({ target: 'Vằn nẩy pi noọng pây háng slự nựa mu.', state: 'pre-translated', origin: 'exact', score: 100 });
  });

  it('prefers the in-context exact match when the previous segment is the same', async () => {
    const [plain] = await opened.service.preTranslate([{ index: 0, text: 'Trời mưa to.' }], 'vi', 'tyz');
    const [context] = await opened.service.preTranslate([{ index: 1, text: 'Trời mưa to.', previous: 'Bà con chú ý.' }], 'vi', 'tyz');
    expect(plain).toMatchObject({ origin: 'exact', target: 'Phân lai.' });
    expect(context).toMatchObject({ origin: 'exact-in-context', target: 'Phạ phân lai.' });
  });

  it('uses a fuzzy match above the threshold with its score, and not below it', async () => {
    // One word of nine changed (thịt lợn → thịt bò is one substitution of "lợn"): 100 × (1 − 1/9) = 88.
    const segment = { index: 0, text: 'Hôm nay bà con đi chợ mua thịt bò.' };
    const [fuzzy] = await opened.service.preTranslate([segment], 'vi', 'tyz');
    expect(fuzzy).toMatchObject({ origin: 'fuzzy', score: 88, target: 'Vằn nẩy pi noọng pây háng slự nựa mu.' });
    const [strict] = await opened.service.preTranslate([segment], 'vi', 'tyz', { threshold: 95 });
    expect(strict!.origin).toBe('assembled');
  });

  it('assembles a draft from the longest TM and glossary pieces, marking what it could not cover', async () => {
    const [draft] = await opened.service.preTranslate([{ index: 0, text: 'Hôm nay con cháu bà con ở Bắc Kạn đi học, 5.000 người.' }], 'vi', 'tyz');
    expect(draft).toMatchObject({ origin: 'assembled', state: 'pre-translated', score: null });
    expect(draft!.target).toBe('Vằn nẩy lục lan pi noọng ở Bắc Kạn pây slon slư, 5.000 người.');
    const words = draft!.spans.filter((s) => s.text.trim() && !/^[\s,.]+$/.test(s.text));
    expect(words.map((s) => [s.text, s.covered, s.from?.kind])).toEqual([
      ['Vằn nẩy', true, 'tm'],
      ['lục lan', true, 'glossary'],
      ['pi noọng', true, 'tm'],
      ['ở', false, undefined],
      ['Bắc Kạn', true, 'glossary'],
      ['pây slon slư', true, 'tm'],
      ['5.000', true, 'copy'],
      ['người', false, undefined],
    ]);
    expect(draft!.spans.map((s) => s.text).join('')).toBe(draft!.target);
  });

  it('leaves a run of uncovered words as one marked Vietnamese span', async () => {
    const [draft] = await opened.service.preTranslate([{ index: 0, text: 'mưa rất lớn kéo dài' }], 'vi', 'tyz');
    expect(draft!.spans.map((s) => [s.text, s.covered])).toEqual([['phân', true], [' ', true], ['rất lớn kéo dài', false]]);
  });

  it('asks a plug-in engine, through the interface, only for what the TM does not cover', async () => {
    const engine = new ReversingEngine();
    const withEngine = openService([engine]);
    try {
      withEngine.service.tm.add('vi', 'tyz', [{ source: 'mưa', target: 'phân' }]);
      const results = await withEngine.service.preTranslate([{ index: 0, text: 'mưa' }, { index: 1, text: 'nắng' }], 'vi', 'tyz', { engine: 'reverse' });
      expect(engine.calls).toEqual([[{ index: 1, text: 'nắng' }]]);
      expect(results.map((r) => [r.origin, r.target, r.score, r.state])).toEqual([['exact', 'phân', 100, 'pre-translated'], ['machine', 'gnắn', 42, 'pre-translated']]);
      await expect(withEngine.service.preTranslate([{ index: 0, text: 'x' }], 'vi', 'bdq', { engine: 'reverse' })).rejects.toMatchObject({ code: 'invalid_argument' });
      await expect(withEngine.service.preTranslate([{ index: 0, text: 'x' }], 'vi', 'tyz', { engine: 'nllb' })).rejects.toMatchObject({ code: 'not_found' });
    } finally {
      withEngine.close();
    }
  });

  it('offers the TM path itself behind the engine interface', async () => {
    const candidates = await opened.service.memoryEngine.translate([{ index: 3, text: 'mưa' }, { index: 4, text: 'mưa rất lớn' }], 'vie', 'tyz');
    expect(candidates).toEqual([
      { index: 3, text: 'phân', confidence: 1, engine: 'tm', marks: [] },
      { index: 4, text: 'phân rất lớn', confidence: 0.5, engine: 'tm', marks: [{ start: 5, end: 12, kind: 'unknown' }] },
    ]);
    const exact = await opened.service.exactMemoryEngine.translate([{ index: 0, text: 'mưa' }, { index: 1, text: 'mưa rất lớn' }], 'vie', 'tyz');
    expect(exact.map((c) => [c.text, c.engine, c.marks.length])).toEqual([['phân', 'tm-exact', 0], ['mưa rất lớn', 'tm-exact', 1]]);
  });

  it('chooses the learned engine by its id: machine candidates where the TM has nothing, never approved', async () => {
    const corpus = parsePairsTsv(['mẹ\tme', 'về\tmà', 'nhà\trườn', 'mẹ về nhà\tme mà rườn', 'uống nước\tkin nặm', 'mẹ uống nước\tme kin nặm'].join('\n'));
    const learned = new LearnedEngine(trainModel(corpus, { from: 'vi', to: 'tyz' }));
    const withEngine = openService([learned]);
    try {
      withEngine.service.tm.add('vi', 'tyz', [{ source: 'Trời mưa to.', target: 'Phân lai.' }]);
      const segments = [{ index: 0, text: 'Trời mưa to.' }, { index: 1, text: 'Mẹ uống nước.' }, { index: 2, text: 'Mẹ về nhà.' }];
      const results = await withEngine.service.preTranslate(segments, 'vi', 'tyz', { engine: learned.id });
      expect(results.map((r) => [r.origin, r.target, r.state])).toEqual([
        ['exact', 'Phân lai.', 'pre-translated'],
        ['machine', 'Me kin nặm.', 'pre-translated'],
        ['machine', 'Me mà rườn.', 'pre-translated'],
      ]);
      expect(results.every((r) => r.state !== 'approved' && r.author === null)).toBe(true);
      const work = await withEngine.service.workbench.start('Mẹ về nhà.', 'vi', 'tyz', { engine: learned.id });
      expect(work.segments.map((s) => [s.state, s.origin, s.target])).toEqual([['pre-translated', 'machine', 'Me mà rườn.']]);
      // A word the engine never saw is copied through and left uncovered, as in an assembled draft.
      const [unseen] = await withEngine.service.preTranslate([{ index: 0, text: 'Mẹ về xóm.' }], 'vi', 'tyz', { engine: learned.id });
      expect(unseen).toMatchObject({ origin: 'machine', state: 'pre-translated' });
      expect(unseen!.spans.filter((s) => !s.covered).map((s) => s.text).join(' ')).toBe('xóm');
      expect(unseen!.spans.map((s) => s.text).join('')).toBe(unseen!.target);
      // Without the option the same segments are assembled from the TM, not machine-translated.
      const [plain] = await withEngine.service.preTranslate([segments[1]!], 'vi', 'tyz');
      expect(plain!.origin).toBe('assembled');
    } finally {
      withEngine.close();
    }
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(opened.service.preTranslate([{ index: 0, text: 'mưa' }], 'vi', 'tyz', { signal: controller.signal })).rejects.toMatchObject({ code: 'cancelled' });
  });
});
