/** tts.synthesize / tts.preview through dispatch: jobs, bulletin audio, cache, pauses, speed, cancel. */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TtsResult } from '../../../../src/shared/api/tts.ts';
import type { JobInfo } from '../../../../src/shared/api/jobs.ts';
import { writePiperVoice } from '../../../fixtures/voices/make-test-voices.ts';
import { useTestStudio, type TestStudio } from '../../../helpers/studio.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

/** The repository's sibling ../shared (real texts), wherever the checkout is. */
const SHARED_TEXT = path.resolve(import.meta.dirname, '../../../../../shared/data/vi-text');

const temp = makeTempDir('studio-synth-');
afterAll(() => temp.remove());

const BULLETIN = [
  'UBND xã thông báo: ngày 18/9/2024 tiêm phòng cho 1.250 trẻ em.',
  'Bà con đưa trẻ đến trạm y tế lúc 7h30.',
  '',
  'Mọi thắc mắc xin liên hệ cán bộ văn hóa xã.',
].join('\n');

async function run(studio: TestStudio, arg: Parameters<TestStudio['call']>[1] & object): Promise<JobInfo> {
  const job = await studio.call('tts.synthesize', arg as never);
  return studio.services.jobs.wait(job.id);
}

const resultOf = (job: JobInfo): TtsResult => {
  if (job.state !== 'done') throw new Error(`job ${job.state}: ${job.error?.message}`);
  return job.result as TtsResult;
};

function probe(file: string): { sampleRate: number; channels: number; duration: number } {
  const out = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_streams', '-of', 'json', file], { encoding: 'utf8' })) as {
    streams: Array<{ sample_rate: string; channels: number; duration: string }>;
  };
  const s = out.streams[0]!;
  return { sampleRate: Number(s.sample_rate), channels: s.channels, duration: Number(s.duration) };
}

/** Integrated loudness measured by ffmpeg's ebur128 filter (the reference peer). */
function ffmpegLufs(file: string): number {
  const out = spawnSync('ffmpeg', ['-hide_banner', '-nostats', '-i', file, '-af', 'ebur128', '-f', 'null', '-'], { encoding: 'utf8' }).stderr;
  return Number(/Integrated loudness:\s+I:\s+(-?[\d.]+) LUFS/.exec(out)?.[1]);
}

describe('synthesis job', { timeout: 120_000 }, () => {
  const studio = useTestStudio();

  it('speaks a bulletin with the built-in voice into a 48 kHz broadcast-loudness asset of the bulletin', async () => {
    const bulletin = await studio.call('bulletin.create', { title: 'Tiêm phòng', script: BULLETIN });
    const done = await run(studio, { voiceId: 'builtin:vi', bulletinId: bulletin.id });
    const result = resultOf(done);
    expect(result.sentences).toBe(3);
    expect(result.cachedSentences).toBe(0);
    const file = path.join(studio.dataDir, result.file);
    expect(probe(file)).toMatchObject({ sampleRate: 48000, channels: 1 });
    expect(probe(file).duration).toBeCloseTo(result.durationSec, 2);
    expect(ffmpegLufs(file)).toBeCloseTo(-23, 0);
    const updated = await studio.call('bulletin.get', { id: bulletin.id });
    expect(updated.audioAssetId).toBe(result.assetId);
    const asset = await studio.call('asset.get', { id: result.assetId! });
    expect(asset).toMatchObject({ file: result.file, sampleRate: 48000, channels: 1 });
    // The job reported progress sentence by sentence.
    expect(done.progress).toBe(1);
  });

  it('takes unchanged sentences from the cache and synthesises only what changed', async () => {
    const first = resultOf(await run(studio, { voiceId: 'builtin:vi', text: BULLETIN }));
    const again = resultOf(await run(studio, { voiceId: 'builtin:vi', text: BULLETIN }));
    expect(again.cachedSentences).toBe(first.sentences);
    const edited = resultOf(await run(studio, { voiceId: 'builtin:vi', text: BULLETIN.replace('7h30', '8h15') }));
    expect(edited.cachedSentences).toBe(first.sentences - 1);
    // Speed changes the sound, so it is part of the key.
    const faster = resultOf(await run(studio, { voiceId: 'builtin:vi', text: BULLETIN, settings: { speed: 1.5 } }));
    expect(faster.cachedSentences).toBe(0);
    expect(faster.durationSec).toBeLessThan(first.durationSec * 0.85);
  });

  it('puts the requested pauses between sentences and paragraphs, and after pause markers', async () => {
    const base = { voiceId: 'builtin:vi', text: BULLETIN, outPath: path.join(temp.dir, 'a.wav') };
    const tight = resultOf(await run(studio, { ...base, settings: { sentencePauseMs: 0, paragraphPauseMs: 0, loudness: 'none' } }));
    const paragraph = resultOf(await run(studio, { ...base, settings: { sentencePauseMs: 0, paragraphPauseMs: 3000, loudness: 'none' } }));
    expect(paragraph.durationSec - tight.durationSec).toBeCloseTo(3, 2);
    const sentence = resultOf(await run(studio, { ...base, settings: { sentencePauseMs: 1000, paragraphPauseMs: 0, loudness: 'none' } }));
    expect(sentence.durationSec - tight.durationSec).toBeCloseTo(1, 2); // one sentence break inside the first paragraph
    const marked = resultOf(
      await run(studio, {
        ...base,
        text: BULLETIN.replace('7h30.', '7h30. [nghỉ 2 giây]'),
        settings: { sentencePauseMs: 0, paragraphPauseMs: 0, loudness: 'none' },
      }),
    );
    expect(marked.durationSec - tight.durationSec).toBeCloseTo(2, 2);
  });

  it('writes to a chosen path at a chosen rate without creating an asset', async () => {
    const out = path.join(temp.dir, 'out-44k.wav');
    const result = resultOf(await run(studio, { voiceId: 'builtin:vi-vn-x-south', text: 'Xin chào bà con.', outPath: out, settings: { sampleRate: 44100 } }));
    expect(result.assetId).toBeNull();
    expect(result.file).toBe(out);
    expect(probe(out).sampleRate).toBe(44100);
    expect(await studio.call('asset.list', {})).toEqual([]);
  });

  it('speaks a 10,000-character script and can be cancelled part way', async () => {
    const paragraph = fs.readFileSync(path.join(SHARED_TEXT, 'binh-duong-6587-KH-UBND-2023.txt'), 'utf8').slice(0, 10_000);
    expect(paragraph.length).toBe(10_000);
    const model = writePiperVoice(path.join(temp.dir, 'long'), 'vi_VN-long-x_low');
    const voice = await studio.call('voice.install', { path: path.dirname(model) });
    // At the voice's own rate and loudness, to keep the test short; the DSP is tested above.
    const long = resultOf(await run(studio, { voiceId: voice.id, text: paragraph, settings: { sampleRate: 22050, loudness: 'none' } }));
    expect(long.sentences).toBeGreaterThan(50);
    expect(long.durationSec).toBeGreaterThan(60);

    const job = await studio.call('tts.synthesize', { voiceId: 'builtin:vi', text: paragraph });
    await new Promise<void>((resolve) => {
      const stop = studio.events.subscribe((event) => {
        if (event.name === 'job.progress' && event.payload.id === job.id && (event.payload.progress ?? 0) > 0) {
          stop();
          resolve();
        }
      });
    });
    await studio.call('job.cancel', { id: job.id });
    const cancelled = await studio.services.jobs.wait(job.id);
    expect(cancelled.error?.message).toBe('cancelled by the user');
    expect(cancelled.state).toBe('cancelled');
    expect(fs.readdirSync(path.join(studio.dataDir, 'assets')).filter((f) => f.startsWith('.tts-'))).toEqual([]);
  }, 240_000);

  it('previews a sentence as a playable file and reports phonemes a Piper voice lacks', async () => {
    const model = writePiperVoice(path.join(temp.dir, 'lacking'), 'vi_VN-lacking-x_low', { omitSymbols: ['ŋ'] });
    const voice = await studio.call('voice.install', { path: path.dirname(model) });
    const preview = await studio.call('tts.preview', { voiceId: voice.id, text: 'Trường học không đóng cửa.' });
    expect(preview.media).toMatch(/^tts-preview\/[0-9a-f]+\.wav$/);
    expect(fs.existsSync(path.join(studio.dataDir, preview.media))).toBe(true);
    expect(preview.missingPhonemes.find((m) => m.phoneme === 'ŋ')?.count).toBeGreaterThanOrEqual(2);
    const sample = await studio.call('tts.preview', { voiceId: 'builtin:vi-vn-x-central' });
    expect(sample.durationSec).toBeGreaterThan(1);
    expect(sample.spoken).toMatch(/Xin chào/);
  });

  it('refuses bad requests clearly', async () => {
    await expect(studio.call('tts.synthesize', { voiceId: 'pack:nope', text: 'Xin chào.' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(studio.call('tts.synthesize', { voiceId: 'builtin:vi', text: '   ' })).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(studio.call('tts.synthesize', { voiceId: 'builtin:vi', text: 'a', settings: { speed: 2 } })).rejects.toMatchObject({
      code: 'invalid_argument',
    });
    await expect(studio.call('tts.synthesize', { voiceId: 'builtin:vi' } as never)).rejects.toMatchObject({ code: 'invalid_argument' });
  });
});
