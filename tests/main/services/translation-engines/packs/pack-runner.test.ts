/**
 * Neural translation packs through the production loader (transformers.js on onnxruntime-node in
 * the pack's child process), on generated tiny Marian, M2M100, NLLB and T5 packs with the real
 * I/O contracts, with the network refused in the child.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PackRunner, PackTranslationEngine, readModelInfo } from '../../../../../src/main/services/translation-engines/index.ts';
import { writeFixturePack, type FixtureLayout } from '../../../../fixtures/mt-packs/generate.ts';
import { makeTempDir } from '../../../../helpers/temp-dir.ts';

const temp = makeTempDir('studio-mt-packs-');
const runners: PackRunner[] = [];
afterAll(() => {
  for (const runner of runners) runner.dispose();
  temp.remove();
});

const fixture = (layout: FixtureLayout) => writeFixturePack(layout, path.join(temp.dir, `${layout}-vi-tyz`));

async function start(dir: string): Promise<PackRunner> {
  const runner = await PackRunner.start(dir);
  runners.push(runner);
  return runner;
}

describe('translation pack runner', { timeout: 180_000 }, () => {
  const cases: Array<{ layout: FixtureLayout; source: string; expected: string; languages: string[]; dtype: 'q8' | 'fp32' }> = [
    // Marian: one pair, named like OPUS-MT; word for word, </s> ends it.
    { layout: 'marian', source: 'xin chào bà', expected: 'khảm pây mẻ', languages: ['vi', 'tyz'], dtype: 'q8' },
    // M2M100 and NLLB: the source language token leads the input and comes out as its marker;
    // the forced target token is a special token and is not in the text.
    { layout: 'm2m100', source: 'xin chào', expected: '(vi) khảm pây', languages: ['vi', 'en', 'tyz'], dtype: 'q8' },
    { layout: 'nllb', source: 'xin chào', expected: '(vi) khảm pây', languages: ['vi', 'en', 'tyz'], dtype: 'q8' },
    // T5/MADLAD: the <2tyz> tag before the text comes out as its marker.
    { layout: 't5', source: 'xin chào con', expected: '(tyz) khảm pây lục', languages: ['vi', 'en', 'tyz'], dtype: 'q8' },
  ];

  for (const { layout, source, expected, languages, dtype } of cases) {
    it(`runs a ${layout} pack offline and gets the translation its graph computes`, async () => {
      const runner = await start(fixture(layout));
      expect(runner.info).toMatchObject({ layout, dtype, decoding: 'greedy', requestedBeams: 4 });
      expect(runner.info.languages.sort()).toEqual([...languages].sort());
      const [result] = await runner.translate([source], 'vi', 'tyz');
      expect(result!.text).toBe(expected);
      expect(result!.confidence).toBeGreaterThan(0.99);
      expect(result!.confidence).toBeLessThanOrEqual(1);
      expect(runner.networkRefused).toEqual([]);
    });
  }

  it('reads a fine-tuned model’s added language codes from its tokenizer', () => {
    expect(readModelInfo(fixture('nllb')).languageTokens).toEqual({ vi: 'vie_Latn', en: 'eng_Latn', tyz: 'tyz_Latn' });
    expect(readModelInfo(fixture('m2m100')).languageTokens).toEqual({ vi: '__vi__', en: '__en__', tyz: '__tyz__' });
    expect(readModelInfo(fixture('t5')).languageTokens).toEqual({ vi: '<2vi>', en: '<2en>', tyz: '<2tyz>' });
  });

  it('runs the full-precision files when a pack has no quantised ones', async () => {
    const dir = writeFixturePack('m2m100', path.join(temp.dir, 'm2m100-fp32'));
    for (const file of ['encoder_model_quantized.onnx', 'decoder_model_merged_quantized.onnx']) fs.rmSync(path.join(dir, 'onnx', file));
    const runner = await start(dir);
    expect(runner.info.dtype).toBe('fp32');
    expect((await runner.translate(['chào bà'], 'vi', 'en'))[0]!.text).toBe('(vi) pây mẻ');
  });

  for (const layout of ['nllb', 'm2m100'] as const) {
    it(`keeps each concurrent ${layout} call's source language to itself`, async () => {
      const runner = await start(fixture(layout));
      const calls = Array.from({ length: 12 }, (_, i) =>
        i % 2 === 0 ? runner.translate(['xin chào', 'bà con'], 'vi', 'tyz') : runner.translate(['hello friend'], 'en', 'tyz'),
      );
      const results = await Promise.all(calls);
      results.forEach((result, i) => {
        expect(result.map((r) => r.text)).toEqual(i % 2 === 0 ? ['(vi) khảm pây', '(vi) mẻ lục'] : ['(en) pây pỉ']);
      });
    });
  }

  it('refuses a language the pack does not have, with a coded error', async () => {
    const runner = await start(fixture('nllb'));
    await expect(runner.translate(['xin chào'], 'vi', 'rad')).rejects.toMatchObject({
      code: 'invalid_argument',
      details: { problem: 'language_not_in_pack', language: 'rad', side: 'target' },
    });
    // The child is still serving.
    expect((await runner.translate(['xin chào'], 'vi', 'tyz'))[0]!.text).toBe('(vi) khảm pây');
  });

  it('honours a cancelled call', async () => {
    const runner = await start(fixture('t5'));
    const controller = new AbortController();
    controller.abort();
    await expect(runner.translate(['xin chào'], 'vi', 'tyz', controller.signal)).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('answers through the engine interface with candidates marked as the pack’s', async () => {
    const runner = await start(fixture('t5'));
    const engine = new PackTranslationEngine('t5-vi-tyz', runner);
    expect(engine.supports('vie', 'tyz')).toBe(true);
    expect(engine.supports('vi', 'khm')).toBe(false);
    const candidates = await engine.translate([{ index: 0, text: 'xin chào' }, { index: 1, text: '  ' }], 'vi', 'tyz');
    expect(candidates).toEqual([{ index: 0, text: '(tyz) khảm pây', confidence: expect.any(Number), engine: 'pack:t5-vi-tyz', marks: [] }]);
  });

  it('fails calls in flight with a coded error when the child dies', async () => {
    const runner = await start(fixture('marian'));
    const call = runner.translate(['xin chào'], 'vi', 'tyz');
    runner.dispose();
    await expect(call).rejects.toMatchObject({ code: 'internal' });
  });
});
