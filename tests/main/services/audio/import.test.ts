import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPeaks, peaksPath } from '../../../../src/main/services/audio/peaks.ts';
import { readWavFile } from '../../../../src/main/services/audio/wav-reader.ts';
import { writeWavFile } from '../../../../src/main/services/audio/wav-writer.ts';
import { useTestStudio } from '../../../helpers/studio.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { ffmpegEncode, finished, importFile, speechWav } from './fixtures.ts';
import { sine } from './signals.ts';

const temp = makeTempDir('studio-import-');
afterAll(() => temp.remove());
const at = (name: string) => path.join(temp.dir, name);

describe('audio.import', () => {
  const studio = useTestStudio();
  const source = speechWav(temp.dir, 'source.wav', 2, 48000, 2, 'float32');

  it.each([
    ['PCM 16-bit stereo 44.1 kHz WAV', () => ffmpegEncode(source, at('p16.wav'), ['-ar', '44100', '-c:a', 'pcm_s16le']), 44100, 2],
    ['PCM 24-bit mono 48 kHz WAV', () => ffmpegEncode(source, at('p24.wav'), ['-ac', '1', '-c:a', 'pcm_s24le']), 48000, 1],
    ['32-bit float WAV', () => source, 48000, 2],
    ['Broadcast WAV (bext chunk)', () => ffmpegEncode(source, at('bwf.wav'), ['-c:a', 'pcm_s16le', '-write_bext', '1', '-metadata', 'description=Bản tin']), 48000, 2],
    ['MP3 44.1 kHz stereo', () => ffmpegEncode(source, at('a.mp3'), ['-ar', '44100', '-c:a', 'libmp3lame', '-b:a', '128k']), 44100, 2],
    ['MP3 mono 22.05 kHz', () => ffmpegEncode(source, at('m.mp3'), ['-ac', '1', '-ar', '22050', '-c:a', 'libmp3lame', '-b:a', '64k']), 22050, 1],
    ['FLAC 24-bit 96 kHz', () => ffmpegEncode(source, at('a.flac'), ['-ar', '96000', '-c:a', 'flac', '-sample_fmt', 's32']), 96000, 2],
    ['OGG Opus', () => ffmpegEncode(source, at('a.opus'), ['-c:a', 'libopus', '-b:a', '64k']), 48000, 2],
    ['OGG Vorbis 32 kHz mono', () => ffmpegEncode(source, at('a.ogg'), ['-ac', '1', '-ar', '32000', '-c:a', 'libvorbis']), 32000, 1],
    ['FLAC mislabelled as .wav', () => fs.renameSync(ffmpegEncode(source, at('x.flac'), ['-c:a', 'flac']), at('looks-like.wav')) ?? at('looks-like.wav'), 48000, 2],
  ] as const)('%s: decoded in a job, stored as WAV with its peaks', async (_name, make, rate, channels) => {
    const file = make();
    const asset = await importFile(studio, file);
    expect(asset).toMatchObject({ sampleRate: rate, channels });
    expect(asset.durationSec).toBeGreaterThan(1.9);
    expect(asset.durationSec).toBeLessThan(2.1);
    const stored = readWavFile(path.join(studio.dataDir, asset.file));
    expect(stored.sampleRate).toBe(rate);
    expect(stored.channels).toHaveLength(channels);
    expect(Math.max(...stored.channels[0]!.subarray(0, rate).map(Math.abs))).toBeGreaterThan(0.05);
    const peaks = loadPeaks(peaksPath(studio.dataDir, asset.sha256));
    expect(peaks).toMatchObject({ sampleRate: rate, channels });
    expect(peaks.frames).toBe(stored.channels[0]!.length);
    expect(peaks.levels.map((l) => l.samplesPerPeak)).toEqual([256, 1024, 4096, 16384]);
  });

  it('reads a streamed recording whose header never got its sizes (0xFFFFFFFF) to the end of the file', async () => {
    const bytes = fs.readFileSync(ffmpegEncode(source, at('streamed-src.wav'), ['-c:a', 'pcm_s16le', '-fflags', '+bitexact']));
    const data = bytes.indexOf('data');
    bytes.writeUInt32LE(0xffffffff, data + 4);
    bytes.writeUInt32LE(0xffffffff, 4);
    fs.writeFileSync(at('streamed.wav'), bytes);
    const asset = await importFile(studio, at('streamed.wav'));
    expect(asset.durationSec).toBeCloseTo(2, 6);
  });

  it('keeps a WAV sample-for-sample (a copy, not a re-encode)', async () => {
    const file = ffmpegEncode(source, at('exact.wav'), ['-c:a', 'pcm_s24le']);
    const asset = await importFile(studio, file);
    expect(fs.readFileSync(path.join(studio.dataDir, asset.file)).equals(fs.readFileSync(file))).toBe(true);
  });

  const bad: [string, () => string, string, RegExp][] = [
    ['a zero-length file', () => (fs.writeFileSync(at('empty.wav'), ''), at('empty.wav')), 'unsupported_format', /rỗng|empty/],
    [
      'a truncated WAV',
      () => {
        const whole = fs.readFileSync(ffmpegEncode(source, at('t.wav'), ['-c:a', 'pcm_s16le']));
        fs.writeFileSync(at('truncated.wav'), whole.subarray(0, whole.length / 2));
        return at('truncated.wav');
      },
      'audio_corrupt',
      /cắt cụt|truncated/,
    ],
    [
      'a corrupt MP3 (random bytes after a valid header)',
      () => {
        const bytes = Buffer.alloc(20000);
        for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 251;
        bytes.set([0xff, 0xfb, 0x90, 0x64], 0);
        fs.writeFileSync(at('corrupt.mp3'), bytes);
        return at('corrupt.mp3');
      },
      'audio_corrupt',
      /hỏng|corrupt/,
    ],
    ['a text file named .mp3', () => (fs.writeFileSync(at('notes.mp3'), 'Bản tin thời tiết\n'.repeat(50)), at('notes.mp3')), 'unsupported_format', /không nhận ra|not a recognised/],
    ['an unsupported codec (AAC in M4A)', () => ffmpegEncode(source, at('a.m4a'), ['-c:a', 'aac']), 'unsupported_format', /AAC/],
    [
      'an unsupported WAV codec (A-law)',
      () => ffmpegEncode(source, at('alaw.wav'), ['-c:a', 'pcm_alaw']),
      'unsupported_format',
      /codec/,
    ],
    ['a missing file', () => at('nope.wav'), 'not_found', /nope/],
  ];

  it.each(bad)('refuses %s with a clear error and touches nothing', async (_name, make, code, message) => {
    const file = make();
    const before = studio.services.library.assets.list().length;
    const listing = () => (fs.existsSync(path.join(studio.dataDir, 'assets')) ? fs.readdirSync(path.join(studio.dataDir, 'assets')).sort() : []);
    const filesBefore = listing();
    const job = await finished(studio, await studio.call('audio.import', { path: file }));
    expect(job.state).toBe('failed');
    expect(job.error?.code).toBe(code);
    expect(job.error?.message).toMatch(message);
    expect(studio.services.library.assets.list()).toHaveLength(before);
    expect(listing()).toEqual(filesBefore);
  });

  it('can be cancelled: the job ends cancelled and leaves no file behind', async () => {
    const file = ffmpegEncode(speechWav(temp.dir, 'long.wav', 30, 48000, 2, 'pcm16'), at('long.flac'), ['-c:a', 'flac']);
    const job = await studio.call('audio.import', { path: file });
    await studio.call('job.cancel', { id: job.id });
    const done = await finished(studio, job);
    expect(done.state).toBe('cancelled');
    const assetsDir = path.join(studio.dataDir, 'assets');
    expect(fs.existsSync(assetsDir) ? fs.readdirSync(assetsDir).filter((f) => f.startsWith('.')) : []).toEqual([]);
    expect(studio.services.library.assets.list().some((a) => a.name === 'long')).toBe(false);
  });

  it('importing the same file twice gives back the same asset', async () => {
    const file = at('twice.wav');
    writeWavFile(file, [sine(44100, 1, 440, -10)], 44100);
    const first = await importFile(studio, file);
    const second = await importFile(studio, file);
    expect(second.id).toBe(first.id);
  });
});
