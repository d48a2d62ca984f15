/**
 * A take becomes an asset with its loudness (measured while it is hashed, no extra read), on stop
 * and on recovery after a crash. The "microphone" is a sox file streamed in one-second chunks;
 * the reference is ffmpeg's ebur128 filter on the stored file.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStudio } from '../../../../src/main/studio.ts';
import type { Asset } from '../../../../src/shared/api/library-types.ts';
import { useTestStudio } from '../../../helpers/studio.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { ffmpegLoudness } from '../audio/ffmpeg-reference.ts';

const temps: ReturnType<typeof makeTempDir>[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.remove()));

/** Raw interleaved 16-bit PCM from sox: pink noise with a tremolo, `seconds` long. */
function soxPcm(sampleRate: number, channels: number, seconds: number): Buffer {
  return execFileSync('sox', ['-n', '-r', String(sampleRate), '-c', String(channels), '-b', '16', '-e', 'signed-integer', '-t', 'raw', '-', 'synth', String(seconds), 'pinknoise', 'vol', '0.4', 'tremolo', '0.7', '80'], {
    maxBuffer: 64 << 20,
  });
}

/** The chunks recorder.append takes: one second each, base64. */
function chunks(pcm: Buffer, sampleRate: number, channels: number): string[] {
  const size = sampleRate * channels * 2;
  const out: string[] = [];
  for (let at = 0; at < pcm.length; at += size) out.push(pcm.subarray(at, at + size).toString('base64'));
  return out;
}

function expectMatchesFfmpeg(asset: Asset, file: string): void {
  const reference = ffmpegLoudness(file);
  expect(asset.loudness).not.toBeNull();
  expect(Math.abs(asset.loudness!.integratedLufs! - reference.integrated)).toBeLessThanOrEqual(0.1);
  expect(Math.abs(asset.loudness!.truePeakDbtp! - reference.truePeak)).toBeLessThanOrEqual(0.3);
  expect(Math.abs(asset.loudness!.rangeLu - reference.range)).toBeLessThanOrEqual(0.5);
}

describe('recorder: loudness of a finished take', () => {
  const studio = useTestStudio();

  it('recorder.stop gives an asset with integrated loudness, range and true peak', async () => {
    const sampleRate = 44100;
    const channels = 2;
    const { sessionId } = await studio.call('recorder.start', { sampleRate, channels, deviceLabel: 'sox' });
    const parts = chunks(soxPcm(sampleRate, channels, 6), sampleRate, channels);
    for (const [seq, pcm] of parts.entries()) await studio.call('recorder.append', { sessionId, seq, pcm });
    const asset = await studio.call('recorder.stop', { sessionId, name: 'Bản tin trưa' });
    expectMatchesFfmpeg(asset, path.join(studio.dataDir, asset.file));
    expect(studio.services.library.assets.get(asset.id).loudness).toEqual(asset.loudness);
  });
});

describe('recorder: loudness of a recovered take', () => {
  it('recorder.recover measures what survived the crash', async () => {
    const temp = makeTempDir();
    temps.push(temp);
    const ctx = { actor: 'tester' };
    const first = openStudio({ dataDir: temp.dir, transport: 'test' });
    const started = (await first.dispatch('recorder.start', { sampleRate: 16000, channels: 1 }, ctx)) as { ok: true; result: { sessionId: string } };
    const { sessionId } = started.result;
    for (const [seq, pcm] of chunks(soxPcm(16000, 1, 5), 16000, 1).entries()) await first.dispatch('recorder.append', { sessionId, seq, pcm }, ctx);
    await first.close();
    // A torn last frame, as after a power cut: it must not upset the measurement.
    fs.appendFileSync(path.join(temp.dir, 'recordings', `${sessionId}.wav`), Buffer.from([7]));

    const second = openStudio({ dataDir: temp.dir, transport: 'test' });
    try {
      const recovered = (await second.dispatch('recorder.recover', { sessionId }, ctx)) as { ok: true; result: Asset };
      expect(recovered.ok).toBe(true);
      expectMatchesFfmpeg(recovered.result, path.join(temp.dir, recovered.result.file));
    } finally {
      await second.close();
    }
  });
});
