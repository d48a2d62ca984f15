import { afterAll, describe, expect, it } from 'vitest';
import { SourceCopyEngine, evaluate, memoryBaselines, type TextPair } from '../../../../src/main/services/translation-engines/index.ts';
import { openWorkbenchBaselines } from '../../../helpers/mt-split.ts';

const MEMORY: TextPair[] = [
  { source: 'tôi đi chợ', target: 'khỏi pây hang' },
  { source: 'mẹ về nhà hôm nay', target: 'me mà rườn ngày nẩy' },
  { source: 'hôm nay', target: 'ngày nẩy' },
];
const options = { from: 'vi', to: 'tyz' };

describe('baselines: source copy and the workbench translation memory', () => {
  const opened = openWorkbenchBaselines(MEMORY);
  afterAll(() => opened.close());

  it('source copy: every word copied, marked unknown', async () => {
    const [copy] = await new SourceCopyEngine().translate([{ index: 3, text: 'mẹ về nhà' }], 'vi', 'tyz');
    expect(copy).toEqual({ index: 3, text: 'mẹ về nhà', confidence: 0, engine: 'copy', marks: [{ start: 0, end: 9, kind: 'unknown' }] });
  });

  it('exact TM: the stored translation when the source matches, else the source, marked', async () => {
    const [hit, miss] = await opened.exact.translate([{ index: 0, text: 'Tôi đi chợ' }, { index: 1, text: 'mẹ về nhà hôm qua' }], 'vie', 'tyz');
    expect(hit).toMatchObject({ index: 0, text: 'khỏi pây hang', confidence: 1, engine: 'tm-exact', marks: [] });
    expect(miss).toMatchObject({ index: 1, text: 'mẹ về nhà hôm qua', engine: 'tm-exact', marks: [{ start: 0, end: 17, kind: 'unknown' }] });
  });

  it('TM pre-translation: the workbench path (fuzzy match above 75, else an assembled draft, uncovered words marked)', async () => {
    const [fuzzy, assembled] = await opened.pretranslation.translate(
      [{ index: 0, text: 'mẹ về nhà hôm qua' }, { index: 1, text: 'hôm nay bố đi' }],
      'vie',
      'tyz',
    );
    // 1 word of 5 changed: 100 × (1 − 1/5) = 80, in the 75–84 band.
    expect(fuzzy).toMatchObject({ text: 'me mà rườn ngày nẩy', confidence: 0.8, engine: 'tm' });
    expect(assembled).toMatchObject({ text: 'ngày nẩy bố đi', engine: 'tm', marks: [{ start: 9, end: 14, kind: 'unknown' }] });
  });

  it('evaluate counts copied words against coverage and keeps hypotheses in test order', async () => {
    const test = [
      { source: 'tôi đi chợ', target: 'khỏi pây hang' },
      { source: 'bố đi làm', target: 'pổ pây hất' },
    ];
    const tm = await evaluate(opened.exact, test, options);
    expect(tm.hypotheses).toEqual(['khỏi pây hang', 'bố đi làm']);
    expect(tm.coverage).toBeCloseTo(0.5, 6);
    expect(tm.chrF).toBeGreaterThan(30);
    const copy = await evaluate(new SourceCopyEngine(), test, options);
    expect(copy.coverage).toBe(0);
    expect(copy.chrF).toBeLessThan(tm.chrF);
    await expect(evaluate(new SourceCopyEngine(), [], options)).rejects.toMatchObject({ code: 'invalid_argument' });
    const controller = new AbortController();
    controller.abort();
    await expect(evaluate(new SourceCopyEngine(), test, { ...options, signal: controller.signal })).rejects.toMatchObject({ code: 'cancelled' });
    expect(() => memoryBaselines(opened.translation, [], 'vi', 'tyz')).toThrow(expect.objectContaining({ code: 'invalid_argument' }));
  });
});
