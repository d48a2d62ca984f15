/** Voice packs through dispatch: install from a folder or a zip, list, remove; broken packs refused cleanly. */
import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { describeError, StudioError } from '../../../../src/shared/errors.ts';
import { makeTestVoices, writePiperVoice, writeVitsVoice } from '../../../fixtures/voices/make-test-voices.ts';
import { useTestStudio } from '../../../helpers/studio.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

const temp = makeTempDir('studio-packs-');
afterAll(() => temp.remove());
const voices = makeTestVoices(temp.dir);

/** Zips a folder's files, with entry names as given by `rename`. */
function zipFolder(dir: string, out: string, rename = (rel: string) => rel): string {
  const files: Record<string, Uint8Array> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[rename(path.relative(dir, full).replace(/\\/g, '/'))] = new Uint8Array(fs.readFileSync(full));
  }
  fs.writeFileSync(out, zipSync(files));
  return out;
}

/** What is left under <dataDir>/voices (no staging folders, no half-installed packs). */
const voicesDirEntries = (dataDir: string) => {
  const dir = path.join(dataDir, 'voices');
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};

describe('voice packs', { timeout: 120_000 }, () => {
  const studio = useTestStudio();

  it('lists the three built-in Vietnamese voices on a fresh install', async () => {
    const list = await studio.call('voice.list', {});
    const builtin = list.filter((v) => v.source === 'builtin');
    expect(builtin.map((v) => v.id)).toEqual(['builtin:vi', 'builtin:vi-vn-x-central', 'builtin:vi-vn-x-south']);
    expect(builtin.every((v) => v.engine === 'espeak' && v.languages.includes('vi'))).toBe(true);
  });

  it('installs a Piper pack from a folder with licence, language, size, speakers and sha256 recorded', async () => {
    const voice = await studio.call('voice.install', { path: path.dirname(voices.piperMulti) });
    expect(voice).toMatchObject({
      engine: 'piper',
      source: 'pack',
      sampleRate: 22050,
      languages: ['vi'],
      licence: 'CC0-1.0 (generated test voice)',
      speakers: [{ id: 0, name: 'nam' }, { id: 1, name: 'nu' }, { id: 2, name: 'tre' }],
    });
    expect(voice.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(voice.sizeBytes).toBe(fs.statSync(voices.piperMulti).size + fs.statSync(`${voices.piperMulti}.json`).size);
    const listed = await studio.call('voice.list', {});
    expect(listed.find((v) => v.id === voice.id)).toEqual(voice);
    expect(voicesDirEntries(studio.dataDir)).toEqual(['vi_VN-test_multi-x_low']);
  });

  it('installs a VITS pack from a zip with its files in a top folder, language from the MMS name', async () => {
    const dir = writeVitsVoice(path.join(temp.dir, 'mms-tts-bdq'), { language: 'und-x', licence: '' });
    fs.writeFileSync(path.join(dir, 'README.md'), '---\nlicense: cc-by-nc-4.0\n---\n# MMS Bahnar\n');
    const zip = zipFolder(dir, path.join(temp.dir, 'mms-tts-bdq.zip'), (rel) => `mms-tts-bdq/${rel}`);
    const voice = await studio.call('voice.install', { path: zip });
    expect(voice).toMatchObject({ engine: 'vits', sampleRate: 16000, languages: ['bdq'], licence: 'cc-by-nc-4.0' });
  });

  it('refuses the same pack twice and keeps the first', async () => {
    await studio.call('voice.install', { path: path.dirname(voices.piper) });
    await expect(studio.call('voice.install', { path: path.dirname(voices.piper) })).rejects.toMatchObject({ code: 'conflict' });
    expect(voicesDirEntries(studio.dataDir)).toEqual(['vi_VN-test-x_low']);
  });

  it('removes an installed pack and its files; built-in voices cannot be removed', async () => {
    const voice = await studio.call('voice.install', { path: voices.vits });
    await studio.call('voice.remove', { id: voice.id });
    expect((await studio.call('voice.list', {})).some((v) => v.id === voice.id)).toBe(false);
    expect(voicesDirEntries(studio.dataDir)).toEqual([]);
    await expect(studio.call('voice.remove', { id: 'builtin:vi' })).rejects.toMatchObject({ code: 'invalid_argument' });
  });
});

describe('broken voice packs are refused with a reason and leave nothing behind', { timeout: 120_000 }, () => {
  const studio = useTestStudio();
  const broken = (name: string) => path.join(temp.dir, 'broken', name);

  /** Called at the end of each case: no staging folder, no half-installed pack, no record. */
  async function nothingLeft() {
    expect(voicesDirEntries(studio.dataDir)).toEqual([]);
    expect((await studio.call('voice.list', {})).filter((v) => v.source === 'pack')).toEqual([]);
  }

  it('missing config', async () => {
    const model = writePiperVoice(broken('no-config'), 'vi_VN-noconf-x_low');
    fs.rmSync(`${model}.json`);
    const error: StudioError = await studio.call('voice.install', { path: path.dirname(model) }).then(() => { throw new Error('installed'); }, (e: StudioError) => e);
    expect(error.code).toBe('unsupported_format');
    // What the editor reads, worded from the error's reason.
    expect(describeError(error.toPayload(), 'vi')).toMatch(/thiếu tệp cấu hình/);
    await nothingLeft();
  });

  it('config that does not parse', async () => {
    const model = writePiperVoice(broken('bad-config'), 'vi_VN-badconf-x_low');
    fs.writeFileSync(`${model}.json`, '{"audio": ');
    await expect(studio.call('voice.install', { path: path.dirname(model) })).rejects.toThrow(/not valid JSON/);
    await nothingLeft();
  });

  it('corrupt onnx', async () => {
    const model = writePiperVoice(broken('corrupt'), 'vi_VN-corrupt-x_low');
    const bytes = fs.readFileSync(model);
    fs.writeFileSync(model, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(studio.call('voice.install', { path: path.dirname(model) })).rejects.toThrow(/cannot be loaded/);
    await nothingLeft();
  });

  it('wrong tensor names', async () => {
    const model = writePiperVoice(broken('wrong-names'), 'vi_VN-names-x_low', { inputName: 'text' });
    await expect(studio.call('voice.install', { path: path.dirname(model) })).rejects.toThrow(/expected \[input, input_lengths, scales, sid\?\]/);
    await nothingLeft();
  });

  it('zip with ../ paths', async () => {
    const zip = zipFolder(path.dirname(voices.piper), broken('evil.zip'), (rel) => `../../${rel}`);
    fs.mkdirSync(path.dirname(zip), { recursive: true });
    await expect(studio.call('voice.install', { path: zip })).rejects.toThrow(/path traversal/);
    expect(fs.existsSync(path.join(studio.dataDir, '..', path.basename(voices.piper)))).toBe(false);
    await nothingLeft();
  });

  it('zip with an absolute path', async () => {
    const zip = zipFolder(path.dirname(voices.piper), broken('abs.zip'), (rel) => `/tmp/${rel}`);
    await expect(studio.call('voice.install', { path: zip })).rejects.toThrow(/unsafe path/);
    await nothingLeft();
  });

  it('not a zip, and nothing at the path', async () => {
    fs.mkdirSync(broken(''), { recursive: true });
    fs.writeFileSync(broken('fake.zip'), 'this is not a zip');
    await expect(studio.call('voice.install', { path: broken('fake.zip') })).rejects.toThrow(/zip/);
    await expect(studio.call('voice.install', { path: broken('nothing-here') })).rejects.toMatchObject({ code: 'not_found' });
    await nothingLeft();
  });

  it('a folder with no model', async () => {
    fs.mkdirSync(broken('empty'), { recursive: true });
    fs.writeFileSync(broken('empty/README.md'), 'hello');
    const error: StudioError = await studio.call('voice.install', { path: broken('empty') }).then(() => { throw new Error('installed'); }, (e: StudioError) => e);
    expect(describeError(error.toPayload(), 'vi')).toMatch(/không tìm thấy mô hình/);
    await nothingLeft();
  });
});

describe('voices in the models/ folder', () => {
  const studio = useTestStudio();
  const before = process.env.STUDIO_MODELS_DIR;
  afterAll(() => {
    if (before === undefined) delete process.env.STUDIO_MODELS_DIR;
    else process.env.STUDIO_MODELS_DIR = before;
  });

  it('are listed without installing and can speak', async () => {
    const models = path.join(temp.dir, 'models');
    writePiperVoice(path.join(models, 'piper'), 'vi_VN-dropped-x_low');
    process.env.STUDIO_MODELS_DIR = models;
    const listed = (await studio.call('voice.list', {})).filter((v) => v.source === 'models');
    expect(listed.map((v) => v.id)).toEqual(['models:piper/vi_VN-dropped-x_low.onnx']);
    const preview = await studio.call('tts.preview', { voiceId: listed[0]!.id, text: 'Xin chào.' });
    expect(preview.durationSec).toBeGreaterThan(0.1);
  });
});
