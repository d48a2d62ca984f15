/**
 * The generated ONNX voices (exact Piper and VITS/transformers.js contracts) driven through the
 * production loaders, end to end.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeWavFile } from '../../../../src/main/services/audio/wav-writer.ts';
import { openSession } from '../../../../src/main/services/tts/onnx-session.ts';
import { PiperEngine } from '../../../../src/main/services/tts/piper-engine.ts';
import { VitsEngine } from '../../../../src/main/services/tts/vits-engine.ts';
import { makeTestVoices, writePiperVoice } from '../../../fixtures/voices/make-test-voices.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

const temp = makeTempDir('studio-voices-');
afterAll(() => temp.remove());
const voices = makeTestVoices(temp.dir);
const SENTENCE = 'Ủy ban nhân dân xã thông báo lịch tiêm phòng.';

const rms = (s: Float32Array) => Math.sqrt(s.reduce((n, v) => n + v * v, 0) / Math.max(1, s.length));

describe('generated Piper voice', () => {
  it('has exactly the Piper tensors: input, input_lengths, scales (+ sid) → output', async () => {
    const single = await openSession(voices.piper);
    expect(single.inputNames).toEqual(['input', 'input_lengths', 'scales']);
    expect(single.outputNames).toEqual(['output']);
    const multi = await openSession(voices.piperMulti);
    expect(multi.inputNames).toEqual(['input', 'input_lengths', 'scales', 'sid']);
  });

  it('speaks through the production loader at the config sample rate, length following the phonemes', async () => {
    const engine = await PiperEngine.load(voices.piper);
    const short = await engine.synthesize('xin chào', { speed: 1 });
    const long = await engine.synthesize(SENTENCE, { speed: 1 });
    expect(short.sampleRate).toBe(22050);
    expect(rms(long.samples)).toBeGreaterThan(0.05);
    expect(long.samples.length).toBeGreaterThan(short.samples.length * 2);
    // 256 samples per phoneme id: the audio length is a whole number of ids.
    expect(long.samples.length % 256).toBe(0);
    expect(long.inferenceMs).toBeGreaterThan(0);
    await engine.dispose();
  });

  it('feeds scales: length_scale = config / speed, noise_scale sets the level', async () => {
    const engine = await PiperEngine.load(voices.piper);
    const normal = await engine.synthesize(SENTENCE, { speed: 1 });
    const fast = await engine.synthesize(SENTENCE, { speed: 1.6 });
    const slow = await engine.synthesize(SENTENCE, { speed: 0.6 });
    const ids = normal.samples.length / 256;
    expect(fast.samples.length).toBe(ids * Math.ceil(256 / 1.6));
    expect(slow.samples.length).toBe(ids * Math.ceil(256 / 0.6));
    const quiet = await engine.synthesize(SENTENCE, { speed: 1, noiseScale: 0.2 });
    expect(rms(quiet.samples) / rms(normal.samples)).toBeCloseTo(0.2 / 0.667, 2);
    await engine.dispose();
  });

  it('takes the sample rate from the config', async () => {
    const model = writePiperVoice(path.join(temp.dir, 'rate16k'), 'vi_VN-rate-x_low', { sampleRate: 16000 });
    const engine = await PiperEngine.load(model);
    expect((await engine.synthesize('chào', { speed: 1 })).sampleRate).toBe(16000);
    await engine.dispose();
  });

  it('passes sid to multi-speaker voices: each speaker sounds different, unknown ones are refused', async () => {
    const engine = await PiperEngine.load(voices.piperMulti);
    expect(engine.config.speakers.map((s) => s.name)).toEqual(['nam', 'nu', 'tre']);
    const a = await engine.synthesize('xin chào', { speed: 1, speaker: 0 });
    const b = await engine.synthesize('xin chào', { speed: 1, speaker: 2 });
    expect(a.samples.length).toBe(b.samples.length);
    expect(a.samples.some((v, i) => Math.abs(v - b.samples[i]!) > 0.01)).toBe(true);
    await expect(engine.synthesize('xin chào', { speed: 1, speaker: 7 })).rejects.toThrow(/speaker 7/);
    await engine.dispose();
  });

  it('inserts phoneme_silence after the listed phonemes', async () => {
    const engine = await PiperEngine.load(voices.piperMulti); // phoneme_silence { ".": 0.3 }
    const audio = await engine.synthesize('xin chào. bà con.', { speed: 1, speaker: 0 });
    // Find a run of exact zeros at least 0.3 s long.
    let run = 0;
    let longest = 0;
    for (const v of audio.samples) {
      run = v === 0 ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    expect(longest).toBeGreaterThanOrEqual(Math.round(0.3 * 22050));
    await engine.dispose();
  });

  it('reports phonemes missing from the phoneme_id_map', async () => {
    const model = writePiperVoice(path.join(temp.dir, 'missing'), 'vi_VN-missing-x_low', { omitSymbols: ['ɲ', 'ŋ'] });
    const engine = await PiperEngine.load(model);
    const audio = await engine.synthesize('nhà nhân dân phòng không', { speed: 1 });
    const missing = Object.fromEntries(audio.missingPhonemes.map((m) => [m.phoneme, m.count]));
    expect(missing['ɲ']).toBeGreaterThanOrEqual(2);
    expect(missing['ŋ']).toBeGreaterThanOrEqual(2);
    expect(audio.samples.length).toBeGreaterThan(0);
    await engine.dispose();
  });

  it('refuses a model whose tensors are named differently', async () => {
    const model = writePiperVoice(path.join(temp.dir, 'wrong'), 'vi_VN-wrong-x_low', { inputName: 'phonemes' });
    await expect(PiperEngine.load(model)).rejects.toThrow(/inputs are \[phonemes, input_lengths, scales\]/);
  });
});

describe('generated VITS voice (transformers.js layout)', () => {
  it('loads offline through transformers.js and speaks at config.sampling_rate', async () => {
    const engine = await VitsEngine.load(voices.vits);
    expect(engine.sampleRate).toBe(16000);
    const short = await engine.synthesize('xin chào', { speed: 1 });
    const long = await engine.synthesize(SENTENCE, { speed: 1 });
    // One token per character (the test tokenizer), 256 samples per token.
    expect(short.samples.length).toBe('xin chào'.length * 256);
    expect(long.samples.length).toBe(SENTENCE.length * 256);
    expect(rms(long.samples)).toBeGreaterThan(0.1);
    await engine.dispose();
  });

  it('applies speed by time-stretching', async () => {
    const engine = await VitsEngine.load(voices.vits);
    const normal = await engine.synthesize(SENTENCE, { speed: 1 });
    const fast = await engine.synthesize(SENTENCE, { speed: 1.5 });
    expect(fast.samples.length).toBe(Math.round(normal.samples.length / 1.5));
    await engine.dispose();
  });

  it('refuses a folder without a model', async () => {
    const dir = path.join(temp.dir, 'no-model');
    fs.mkdirSync(dir);
    fs.copyFileSync(path.join(voices.vits, 'config.json'), path.join(dir, 'config.json'));
    fs.copyFileSync(path.join(voices.vits, 'tokenizer.json'), path.join(dir, 'tokenizer.json'));
    fs.copyFileSync(path.join(voices.vits, 'tokenizer_config.json'), path.join(dir, 'tokenizer_config.json'));
    await expect(VitsEngine.load(dir)).rejects.toThrow(/model cannot be loaded/);
  });
});

describe('WAV from a generated voice', () => {
  it('is written and read back by ffprobe and sox with the right rate and length', async () => {
    const engine = await PiperEngine.load(voices.piper);
    const audio = await engine.synthesize(SENTENCE, { speed: 1 });
    const file = path.join(temp.dir, 'piper.wav');
    writeWavFile(file, [audio.samples], audio.sampleRate, { format: 'pcm16' });
    const probe = JSON.parse(
      execFileSync('ffprobe', ['-v', 'error', '-show_streams', '-of', 'json', file], { encoding: 'utf8' }),
    ) as { streams: Array<{ sample_rate: string; channels: number; duration_ts: number }> };
    expect(probe.streams[0]!.sample_rate).toBe('22050');
    expect(probe.streams[0]!.duration_ts).toBe(audio.samples.length);
    // sox prints its statistics on stderr.
    const stat = spawnSync('sox', [file, '-n', 'stat'], { encoding: 'utf8' }).stderr;
    expect(Number(/Samples read:\s+(\d+)/.exec(stat)?.[1])).toBe(audio.samples.length);
    expect(Number(/RMS\s+amplitude:\s+([\d.]+)/.exec(stat)?.[1])).toBeGreaterThan(0.05);
    await engine.dispose();
  });
});
