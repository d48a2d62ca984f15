import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { measureLoudness } from '../../../../src/main/services/audio/loudness.ts';
import { readWavFile } from '../../../../src/main/services/audio/wav-reader.ts';
import { writeWavFile, type WavSampleFormat } from '../../../../src/main/services/audio/wav-writer.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { ffmpegLoudness } from './ffmpeg-reference.ts';
import { concat, faded, mix, silence, sine, speechLike, square, sweep } from './signals.ts';

const temp = makeTempDir('studio-loudness-');
afterAll(() => temp.remove());

interface Case {
  name: string;
  rate: number;
  format: WavSampleFormat;
  make: (rate: number) => Float32Array[];
}

const cases: Case[] = [
  { name: 'mono speech-like 48k', rate: 48000, format: 'pcm16', make: (r) => [speechLike(r, 6, 0.5, 11)] },
  {
    name: 'stereo speech-like with silence gaps 44.1k',
    rate: 44100,
    format: 'pcm16',
    make: (r) => [
      concat(speechLike(r, 2, 0.4, 21), silence(r, 1.5), speechLike(r, 2, 0.4, 22)),
      concat(speechLike(r, 2, 0.35, 23), silence(r, 1.5), speechLike(r, 2, 0.35, 24)),
    ],
  },
  { name: 'stereo 1 kHz tone 48k', rate: 48000, format: 'pcm24', make: (r) => [sine(r, 4, 1000, -18), sine(r, 4, 1000, -18)] },
  { name: 'mono two tones float 44.1k', rate: 44100, format: 'float32', make: (r) => [mix(sine(r, 4, 100, -12), sine(r, 4, 5000, -20))] },
  {
    name: 'stereo tone with a 2 s silence gap 48k',
    rate: 48000,
    format: 'pcm16',
    make: (r) => [concat(sine(r, 2, 440, -10), silence(r, 2), sine(r, 2, 440, -10)), concat(sine(r, 2, 660, -14), silence(r, 2), sine(r, 2, 660, -14))],
  },
  { name: 'loud stereo noise near full scale 44.1k', rate: 44100, format: 'float32', make: (r) => [speechLike(r, 4, 2.2, 31, 1), speechLike(r, 4, 2.0, 32, 1)] },
  { name: 'very quiet mono speech 48k (gating)', rate: 48000, format: 'float32', make: (r) => [speechLike(r, 6, 0.004, 41)] },
  { name: 'stereo different channels 48k', rate: 48000, format: 'pcm24', make: (r) => [sine(r, 4, 250, -16), speechLike(r, 4, 0.3, 51, 1)] },
  { name: 'stereo sweep 44.1k', rate: 44100, format: 'pcm24', make: (r) => [sweep(r, 5, 20, 20000, -12), sweep(r, 5, 20, 20000, -15)] },
  { name: 'mono band-limited square 48k (intersample peaks)', rate: 48000, format: 'float32', make: (r) => [faded(square(r, 4, 1500, -3), r)] },
  {
    name: 'sparse speech with long silence 48k',
    rate: 48000,
    format: 'pcm16',
    make: (r) => [concat(silence(r, 3), speechLike(r, 2, 0.5, 61), silence(r, 3)), concat(silence(r, 3), speechLike(r, 2, 0.5, 62), silence(r, 3))],
  },
  { name: 'mono fs/4 sine at 45° 44.1k', rate: 44100, format: 'float32', make: (r) => [faded(sine(r, 4, r / 4, -4, 45), r)] },
];

describe('loudness against ffmpeg ebur128=peak=true', () => {
  it.each(cases)('$name', ({ name, rate, format, make }) => {
    const file = path.join(temp.dir, `${name.replace(/\W+/g, '-')}.wav`);
    writeWavFile(file, make(rate), rate, { format });
    const reference = ffmpegLoudness(file);
    const { channels, sampleRate } = readWavFile(file);
    const ours = measureLoudness(channels, sampleRate);
    expect(ours.integrated).not.toBeNull();
    expect(Math.abs(ours.integrated! - reference.integrated)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(ours.truePeak! - reference.truePeak)).toBeLessThanOrEqual(0.3);
  });
});

// EBU Tech 3341 (2016) and Tech 3342 (2016) minimum-requirement signals, stereo at 48 kHz unless
// stated: levels are sine peak levels in dBFS.
const R = 48000;
const stereo = (x: Float32Array) => [x, x];
const steps = (hz: number, parts: [number, number][]) => concat(...parts.map(([db, sec]) => sine(R, sec, hz, db)));

describe('EBU Tech 3341 integrated loudness (±0.1 LU)', () => {
  it.each([
    ['case 1: 1 kHz at -23 dBFS, 20 s', () => stereo(sine(R, 20, 1000, -23)), -23],
    ['case 2: 1 kHz at -33 dBFS, 20 s', () => stereo(sine(R, 20, 1000, -33)), -33],
    ['case 3: -36/-23/-36 dBFS, 10/60/10 s', () => stereo(steps(1000, [[-36, 10], [-23, 60], [-36, 10]])), -23],
    ['case 4: -72/-36/-23/-36/-72 dBFS', () => stereo(steps(1000, [[-72, 10], [-36, 10], [-23, 60], [-36, 10], [-72, 10]])), -23],
    ['case 5: -26/-20/-26 dBFS, 20/20.1/20 s', () => stereo(steps(1000, [[-26, 20], [-20, 20.1], [-26, 20]])), -23],
  ] as const)('%s', (_name, make, expected) => {
    const result = measureLoudness(make() as Float32Array[], R);
    expect(Math.abs(result.integrated! - expected)).toBeLessThanOrEqual(0.1);
  });
});

describe('EBU Tech 3341 true peak (+0.2 / -0.4 dB)', () => {
  it.each([
    ['case 15: fs/4 at 0°, -6 dBFS', R / 4, 0],
    ['case 16: fs/4 at 45°, -6 dBFS', R / 4, 45],
    ['case 17: fs/6 at 60°, -6 dBFS', R / 6, 60],
    ['case 18: fs/8 at 67.5°, -6 dBFS', R / 8, 67.5],
  ] as const)('%s', (_name, hz, phase) => {
    const result = measureLoudness(stereo(faded(sine(R, 2, hz, -6, phase), R)), R);
    expect(result.truePeak!).toBeLessThanOrEqual(-6 + 0.2);
    expect(result.truePeak!).toBeGreaterThanOrEqual(-6 - 0.4);
  });
});

describe('EBU Tech 3342 loudness range (±1 LU)', () => {
  it.each([
    ['case 1: -20/-30 dBFS', [[-20, 20], [-30, 20]], 10],
    ['case 2: -20/-15 dBFS', [[-20, 20], [-15, 20]], 5],
    ['case 3: -40/-20 dBFS', [[-40, 20], [-20, 20]], 20],
    ['case 4: -50/-35/-20/-35/-50 dBFS', [[-50, 20], [-35, 20], [-20, 20], [-35, 20], [-50, 20]], 15],
  ] as const)('%s', (_name, parts, expected) => {
    const result = measureLoudness(stereo(steps(1000, parts as unknown as [number, number][])), R);
    expect(Math.abs(result.range - expected)).toBeLessThanOrEqual(1);
  });
});

describe('silence', () => {
  it('reports no integrated loudness and no true peak for digital silence', () => {
    expect(measureLoudness([silence(R, 2)], R)).toEqual({ integrated: null, range: 0, truePeak: null });
  });
});
