import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openStudio } from '../../../../src/main/studio.ts';
import { StudioError } from '../../../../src/shared/errors.ts';
import { useTestStudio } from '../../../helpers/studio.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { sineChunk } from './sine.ts';

/** Duration and decoded content as ffmpeg, the reference reader, sees them. */
function ffprobeDuration(file: string): number {
  const out = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file], { encoding: 'utf8' });
  return Number(out.trim());
}
function ffmpegPeakDb(file: string): number {
  // volumedetect reports on stderr; ffmpeg exits 0, so a shell merges the streams.
  const out = execFileSync('sh', ['-c', 'ffmpeg -nostats -i "$1" -af volumedetect -f null - 2>&1', 'sh', file], { encoding: 'utf8' });
  const match = /max_volume: (-?[\d.]+) dB/.exec(out);
  if (!match) throw new Error(`no max_volume in ffmpeg output: ${out.slice(-500)}`);
  return Number(match[1]);
}

describe('recorder service: a take', () => {
  const studio = useTestStudio();

  it('writes a take as it arrives and turns it into an asset that ffmpeg reads exactly', async () => {
    const sampleRate = 44100;
    const channels = 1;
    const { sessionId } = await studio.call('recorder.start', { sampleRate, channels, deviceLabel: 'USB mic' });
    const frames = 11025;
    for (let seq = 0; seq < 8; seq++) {
      const progress = await studio.call('recorder.append', { sessionId, seq, pcm: sineChunk({ sampleRate, channels, startFrame: seq * frames, frames }) });
      expect(progress.frames).toBe((seq + 1) * frames);
    }
    // On disk already, before stop: 8 chunks of 11025 frames plus the header.
    const growing = path.join(studio.dataDir, 'recordings', `${sessionId}.wav`);
    expect(fs.statSync(growing).size).toBe(44 + 8 * frames * 2);

    const asset = await studio.call('recorder.stop', { sessionId, name: 'Bản tin sáng' });
    expect(asset.name).toBe('Bản tin sáng');
    expect(asset.durationSec).toBeCloseTo(2, 6);
    expect(asset.sampleRate).toBe(sampleRate);
    const file = path.join(studio.dataDir, asset.file);
    expect(ffprobeDuration(file)).toBeCloseTo(2, 3);
    expect(ffmpegPeakDb(file)).toBeCloseTo(-6, 0);
    expect(fs.existsSync(growing)).toBe(false);
    expect((await studio.call('asset.list', {})).map((a) => a.id)).toContain(asset.id);
    expect(await studio.call('recorder.recoverable', {})).toEqual([]);
  });

});

describe('recorder service: bad chunks', () => {
  const studio = useTestStudio();

  it('ignores a repeated chunk and refuses a gap, a torn frame, an over-long chunk and a bad session', async () => {
    const { sessionId } = await studio.call('recorder.start', { sampleRate: 8000, channels: 2 });
    const chunk = sineChunk({ sampleRate: 8000, channels: 2, startFrame: 0, frames: 800 });
    await studio.call('recorder.append', { sessionId, seq: 0, pcm: chunk });
    expect((await studio.call('recorder.append', { sessionId, seq: 0, pcm: chunk })).frames).toBe(800);
    await expect(studio.call('recorder.append', { sessionId, seq: 2, pcm: chunk })).rejects.toMatchObject({ code: 'invalid_argument' });
    const torn = Buffer.alloc(6).toString('base64');
    await expect(studio.call('recorder.append', { sessionId, seq: 1, pcm: torn })).rejects.toMatchObject({ code: 'invalid_argument' });
    const tooLong = sineChunk({ sampleRate: 8000, channels: 2, startFrame: 0, frames: 8001 });
    await expect(studio.call('recorder.append', { sessionId, seq: 1, pcm: tooLong })).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(studio.call('recorder.append', { sessionId, seq: 1, pcm: 'not base64!' })).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(
      studio.call('recorder.append', { sessionId: '00000000-0000-4000-8000-000000000000', seq: 0, pcm: chunk }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(studio.call('recorder.start', { sampleRate: 1000, channels: 1 })).rejects.toBeInstanceOf(StudioError);
    // Nothing bad was written: the take still holds exactly the one good chunk.
    const asset = await studio.call('recorder.stop', { sessionId });
    expect(asset.durationSec).toBeCloseTo(0.1, 6);
  });

});

describe('recorder service: discard', () => {
  const studio = useTestStudio();

  it('discards a take in progress, leaving no file and no asset', async () => {
    const { sessionId } = await studio.call('recorder.start', { sampleRate: 16000, channels: 1 });
    await studio.call('recorder.append', { sessionId, seq: 0, pcm: sineChunk({ sampleRate: 16000, channels: 1, startFrame: 0, frames: 1600 }) });
    await studio.call('recorder.discard', { sessionId });
    expect(fs.readdirSync(path.join(studio.dataDir, 'recordings'))).toEqual([]);
    expect(await studio.call('asset.list', {})).toEqual([]);
    await expect(studio.call('recorder.stop', { sessionId })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('recorder crash recovery', () => {
  let temp: ReturnType<typeof makeTempDir> | null = null;
  afterEach(() => temp?.remove());

  it('recovers a take after the host is killed with SIGKILL 3 s into the recording', async () => {
    temp = makeTempDir();
    const dataDir = temp.dir;
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./record-then-die.ts', import.meta.url)), dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    // Wait until the child reports 3 s of audio saved, then kill it without warning.
    await new Promise<void>((resolve, reject) => {
      let buffered = '';
      child.stdout.on('data', (data: Buffer) => {
        buffered += data.toString();
        const last = [...buffered.matchAll(/"durationSec":([\d.]+)/g)].pop();
        if (last && Number(last[1]) >= 3) resolve();
      });
      child.on('exit', (code) => reject(new Error(`child exited early (${code}): ${stderr}`)));
    });
    // Another studio on the same data directory (the CLI beside the app) leaves the live take alone.
    const bystander = openStudio({ dataDir, transport: 'cli' });
    try {
      expect(await bystander.dispatch('recorder.recoverable', {}, { actor: 'cli' })).toEqual({ ok: true, result: [] });
    } finally {
      await bystander.close();
    }
    const exited = new Promise((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const studio = openStudio({ dataDir, transport: 'test' });
    try {
      const call = async (name: string, arg: unknown) => {
        const reply = await studio.dispatch(name, arg, { actor: 'tester' });
        if (!reply.ok) throw new StudioError(reply.error.code, reply.error.message);
        return reply.result as never;
      };
      const takes = (await call('recorder.recoverable', {})) as { sessionId: string; durationSec: number; deviceLabel: string }[];
      expect(takes).toHaveLength(1);
      expect(takes[0]!.deviceLabel).toBe('fake mic');
      expect(takes[0]!.durationSec).toBeGreaterThanOrEqual(2);
      const asset = (await call('recorder.recover', { sessionId: takes[0]!.sessionId })) as { file: string; durationSec: number };
      expect(asset.durationSec).toBeGreaterThanOrEqual(2);
      // "Plays": ffmpeg decodes the whole repaired file, as long as the header says, with the tone in it.
      const file = path.join(dataDir, asset.file);
      expect(ffprobeDuration(file)).toBeCloseTo(asset.durationSec, 2);
      expect(ffmpegPeakDb(file)).toBeCloseTo(-6, 0);
      expect(await call('recorder.recoverable', {})).toEqual([]);
    } finally {
      await studio.close();
    }
  });
});

describe('recorder: a take left open by a closed studio', () => {
  let temp: ReturnType<typeof makeTempDir> | null = null;
  afterEach(() => temp?.remove());

  it('is offered on the next start with a torn last frame cut off, and can be discarded', async () => {
    temp = makeTempDir();
    const ctx = { actor: 'tester' };
    const first = openStudio({ dataDir: temp.dir, transport: 'test' });
    const started = await first.dispatch('recorder.start', { sampleRate: 16000, channels: 2 }, ctx);
    const { sessionId } = (started as { ok: true; result: { sessionId: string } }).result;
    await first.dispatch('recorder.append', { sessionId, seq: 0, pcm: sineChunk({ sampleRate: 16000, channels: 2, startFrame: 0, frames: 8000 }) }, ctx);
    await first.close();
    // Half a frame reached the disk before the power went: it must not shift the channels.
    fs.appendFileSync(path.join(temp.dir, 'recordings', `${sessionId}.wav`), Buffer.from([1, 2]));

    const second = openStudio({ dataDir: temp.dir, transport: 'test' });
    try {
      const listed = await second.dispatch('recorder.recoverable', {}, ctx);
      expect(listed).toMatchObject({ ok: true, result: [{ sessionId, sampleRate: 16000, channels: 2, durationSec: 0.5 }] });
      // The header was already rebuilt on start: ffmpeg reads the file as it lies.
      expect(ffprobeDuration(path.join(temp.dir, 'recordings', `${sessionId}.wav`))).toBeCloseTo(0.5, 3);
      await expect(second.dispatch('recorder.append', { sessionId, seq: 1, pcm: '' }, ctx)).resolves.toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await second.dispatch('recorder.discard', { sessionId }, ctx)).toEqual({ ok: true, result: { discarded: true } });
      expect(fs.existsSync(path.join(temp.dir, 'recordings', `${sessionId}.wav`))).toBe(false);
      expect(await second.dispatch('recorder.recoverable', {}, ctx)).toEqual({ ok: true, result: [] });
      expect(await second.dispatch('recorder.recover', { sessionId }, ctx)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    } finally {
      await second.close();
    }
  });
});
