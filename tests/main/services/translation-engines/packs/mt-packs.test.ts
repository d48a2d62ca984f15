/**
 * Translation packs installed through the shared model-pack machinery: from a folder or a zip,
 * validated by loading and translating a test sentence in the pack's child, listed with layout,
 * licence, languages and decoding, removed; broken packs refused with coded errors, leaving nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { MtPackStore, PACK_RECORD } from '../../../../../src/main/services/translation-engines/index.ts';
import { writeFixturePack } from '../../../../fixtures/mt-packs/generate.ts';
import { makeTempDir } from '../../../../helpers/temp-dir.ts';

const temp = makeTempDir('studio-mt-store-');
afterAll(() => temp.remove());

const job = { progress: () => undefined, checkCancelled: () => undefined };
let n = 0;
const freshStore = () => new MtPackStore(path.join(temp.dir, `data-${++n}`, 'mt-packs'));
const sources = path.join(temp.dir, 'sources');

function zipFolder(dir: string, out: string, top = ''): string {
  const files: Record<string, Uint8Array> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[top + path.relative(dir, full).replace(/\\/g, '/')] = new Uint8Array(fs.readFileSync(full));
  }
  fs.writeFileSync(out, zipSync(files));
  return out;
}

/** Nothing but installed packs under the packs folder: no staging leftovers. */
const packsDirEntries = (store: MtPackStore) => (fs.existsSync(store.packsDir) ? fs.readdirSync(store.packsDir) : []);

describe('translation packs', { timeout: 240_000 }, () => {
  it('installs a folder pack, lists it with its licence, languages and decoding, and removes it', async () => {
    const store = freshStore();
    const source = writeFixturePack('nllb', path.join(sources, 'nllb-200-tay'));
    const pack = await store.install(source, job);
    expect(pack).toMatchObject({
      id: 'nllb-200-tay',
      name: 'nllb-200-tay',
      layout: 'nllb',
      dtype: 'q8',
      licence: 'cc-by-nc-4.0',
      decoding: 'greedy',
      requestedBeams: 4,
      languageTokens: { vi: 'vie_Latn', tyz: 'tyz_Latn', en: 'eng_Latn' },
      test: { from: 'vi', to: 'en', source: 'xin chào', text: '(vi) khảm pây' },
    });
    expect(pack.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(pack.sizeBytes).toBeGreaterThan(1000);
    expect(store.list().map((p) => p.id)).toEqual(['nllb-200-tay']);
    expect(fs.existsSync(path.join(store.packsDir, 'nllb-200-tay', PACK_RECORD))).toBe(true);
    // The source folder is untouched.
    expect(fs.existsSync(path.join(source, 'onnx', 'decoder_model_merged_quantized.onnx'))).toBe(true);

    const { engine, runner } = await store.open('nllb-200-tay');
    try {
      const [candidate] = await engine.translate([{ index: 0, text: 'chào bà con' }], 'vi', 'tyz');
      expect(candidate).toMatchObject({ index: 0, text: '(vi) pây mẻ lục', engine: 'pack:nllb-200-tay' });
    } finally {
      runner.dispose();
    }

    store.remove('nllb-200-tay');
    expect(store.list()).toEqual([]);
    expect(packsDirEntries(store)).toEqual([]);
    expect(() => store.remove('nllb-200-tay')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('installs a zipped Marian pack whose files sit in one top folder, naming its pair from the folder', async () => {
    const store = freshStore();
    const dir = writeFixturePack('marian', path.join(sources, 'opus-mt-vi-tyz'));
    const zip = zipFolder(dir, path.join(sources, 'download.zip'), 'opus-mt-vi-tyz/');
    const pack = await store.install(zip, job);
    expect(pack).toMatchObject({ id: 'opus-mt-vi-tyz', layout: 'marian', languages: ['vi', 'tyz'], licence: 'cc-by-4.0', test: { text: 'khảm pây' } });
    // A second install of the same name gets its own folder.
    const again = await store.install(zip, job);
    expect(again.id).toBe('opus-mt-vi-tyz-2');
    expect(packsDirEntries(store).sort()).toEqual(['opus-mt-vi-tyz', 'opus-mt-vi-tyz-2']);
  });

  const broken: Array<{ what: string; breakIt: (dir: string) => void; expected: Record<string, unknown> }> = [
    {
      what: 'a missing merged decoder',
      breakIt: (dir) => fs.rmSync(path.join(dir, 'onnx', 'decoder_model_merged_quantized.onnx')),
      expected: { code: 'unsupported_format', details: expect.objectContaining({ problem: 'missing_file' }) },
    },
    {
      what: 'a missing tokenizer',
      breakIt: (dir) => fs.rmSync(path.join(dir, 'tokenizer.json')),
      expected: { code: 'unsupported_format', details: { problem: 'missing_file', file: 'tokenizer.json' } },
    },
    {
      what: 'a corrupt ONNX file',
      breakIt: (dir) => fs.writeFileSync(path.join(dir, 'onnx', 'encoder_model_quantized.onnx'), Buffer.from('not an onnx model at all')),
      expected: { code: 'unsupported_format', details: { problem: 'onnx' } },
    },
    {
      what: 'a model that is not a translation layout',
      breakIt: (dir) => {
        const config = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
        fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ ...config, model_type: 'vits' }));
      },
      expected: { code: 'unsupported_format', details: { problem: 'wrong_layout', modelType: 'vits' } },
    },
    {
      what: 'ONNX files swapped (the encoder where the decoder should be)',
      breakIt: (dir) =>
        fs.copyFileSync(path.join(dir, 'onnx', 'encoder_model_quantized.onnx'), path.join(dir, 'onnx', 'decoder_model_merged_quantized.onnx')),
      expected: { code: 'unsupported_format', details: expect.objectContaining({ problem: 'onnx_contract' }) },
    },
  ];

  for (const { what, breakIt, expected } of broken) {
    it(`refuses a pack with ${what}, leaving nothing behind`, async () => {
      const store = freshStore();
      const dir = writeFixturePack('t5', path.join(sources, `broken-${++n}`));
      breakIt(dir);
      await expect(store.install(dir, job)).rejects.toMatchObject(expected);
      expect(store.list()).toEqual([]);
      expect(packsDirEntries(store)).toEqual([]);
    });
  }

  it('refuses a folder pack holding a link, through the shared pack machinery', async () => {
    const store = freshStore();
    const dir = writeFixturePack('t5', path.join(sources, 'linked'));
    fs.symlinkSync('/etc/passwd', path.join(dir, 'LICENSE'));
    await expect(store.install(dir, job)).rejects.toMatchObject({ code: 'pack_symlink' });
    expect(packsDirEntries(store)).toEqual([]);
  });

  it('refuses a zip over the size limit before validating it', async () => {
    const store = new MtPackStore(path.join(temp.dir, 'limited', 'mt-packs'), { limits: { maxBytes: 1000 } });
    const zip = zipFolder(writeFixturePack('t5', path.join(sources, 'big')), path.join(sources, 'big.zip'));
    await expect(store.install(zip, job)).rejects.toMatchObject({ code: 'pack_too_large' });
    expect(packsDirEntries(store)).toEqual([]);
  });
});
