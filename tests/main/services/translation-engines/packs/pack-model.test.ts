/**
 * The per-call language handling of a loaded pack, in process: transformers.js's own translation
 * path rewrites the NLLB tokenizer's template to set the source language (state every later call
 * shares); PackModel builds each call's input from the template without touching it.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PackModel } from '../../../../../src/main/services/translation-engines/packs/pack-model.ts';
import { writeFixturePack } from '../../../../fixtures/mt-packs/generate.ts';
import { makeTempDir } from '../../../../helpers/temp-dir.ts';

const temp = makeTempDir('studio-mt-model-');
afterAll(() => temp.remove());

type TemplateTokenizer = {
  post_processor: { config: { single: Array<{ SpecialToken?: { id: string } }> } };
  _build_translation_inputs(text: string[], options: object, generate: Record<string, unknown>): unknown;
};

describe('pack model', { timeout: 120_000 }, () => {
  it('never changes the tokenizer’s source-language template, whatever the calls in flight', async () => {
    const model = await PackModel.load(writeFixturePack('nllb', path.join(temp.dir, 'nllb')));
    const tokenizer = (model as unknown as { tokenizer: TemplateTokenizer }).tokenizer;
    const leading = () => tokenizer.post_processor.config.single[0]!.SpecialToken!.id;
    expect(leading()).toBe('eng_Latn');
    try {
      const results = await Promise.all([
        model.translate('xin chào', 'vi', 'tyz'),
        model.translate('hello friend', 'en', 'tyz'),
        model.translate('bà con', 'vi', 'en'),
      ]);
      expect(results.map((r) => r.text)).toEqual(['(vi) khảm pây', '(en) pây pỉ', '(vi) mẻ lục']);
      expect(leading()).toBe('eng_Latn');

      // What the pipeline path would have done: the template now says Vietnamese for everyone.
      tokenizer._build_translation_inputs(['x'], {}, { src_lang: 'vie_Latn', tgt_lang: 'tyz_Latn' });
      expect(leading()).toBe('vie_Latn');
      // PackModel still tags each call with its own language.
      expect((await model.translate('hello', 'en', 'tyz')).text).toBe('(en) pây');
    } finally {
      await model.dispose();
    }
  });
});
