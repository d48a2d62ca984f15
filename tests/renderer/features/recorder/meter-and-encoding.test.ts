import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KWeightingFilter } from '../../../../src/renderer/features/recorder/k-weighting.ts';
import { concatBlocks, encodePcm16Base64 } from '../../../../src/renderer/features/recorder/pcm-encode.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

describe('recorder meter: K-weighted loudness', () => {
  let temp: ReturnType<typeof makeTempDir> | null = null;
  afterEach(() => temp?.remove());

  it.each([44100, 48000])('matches ffmpeg ebur128 on steady pink noise and a 100 Hz tone at %i Hz', (rate) => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'steady.wav');
    // Steady signals: no gating removes anything, so integrated loudness equals the mean K-weighted power.
    execFileSync('sox', ['-n', '-r', String(rate), '-c', '1', '-b', '32', '-e', 'floating-point', file, 'synth', '4', 'pinknoise', 'synth', '4', 'sine', 'mix', '100', 'gain', '-18']);
    const bytes = fs.readFileSync(file);
    const dataAt = bytes.indexOf(Buffer.from('data')) + 8;
    const samples = new Float32Array(bytes.buffer.slice(bytes.byteOffset + dataAt, bytes.byteOffset + bytes.length));
    const filter = new KWeightingFilter(rate);
    // Fed in 50 ms blocks, as the worklet does: the filter state carries across blocks.
    const block = Math.round(rate * 0.05);
    let energy = 0;
    for (let i = 0; i < samples.length; i += block) energy += filter.sumOfSquares(samples.subarray(i, i + block));
    const ours = -0.691 + 10 * Math.log10(energy / samples.length);
    const out = execFileSync('sh', ['-c', 'ffmpeg -nostats -i "$1" -af ebur128 -f null - 2>&1', 'sh', file], { encoding: 'utf8' });
    const reference = Number(/I:\s+(-?[\d.]+) LUFS/.exec(out.slice(out.lastIndexOf('Summary:')))![1]);
    expect(Math.abs(ours - reference)).toBeLessThan(0.2);
  });
});

describe('recorder wire format', () => {
  it('encodes float blocks as interleaved little-endian 16-bit PCM, clipped, in base64', () => {
    const left = new Float32Array([0, 0.5, -0.5, 1, -1, 2]);
    const right = new Float32Array([0.25, -0.25, 0, -2, 0.999, -0.000001]);
    const joined = concatBlocks([[left.subarray(0, 2), right.subarray(0, 2)], [left.subarray(2), right.subarray(2)]]);
    const pcm = Buffer.from(encodePcm16Base64(joined), 'base64');
    const values = Array.from({ length: pcm.length / 2 }, (_, i) => pcm.readInt16LE(i * 2));
    expect(values).toEqual([0, 8192, 16384, -8192, -16384, 0, 32767, -32768, -32768, 32734, 32767, 0]);
  });

  it('encodes a long block (over the 32k-argument slice) without loss', () => {
    const mono = new Float32Array(48000).map((_, i) => Math.sin(i / 10) * 0.9);
    const pcm = Buffer.from(encodePcm16Base64([mono]), 'base64');
    expect(pcm.length).toBe(96000);
    expect(pcm.readInt16LE(2 * 12345)).toBe(Math.round(Math.sin(12345 / 10) * 0.9 * (Math.sin(12345 / 10) < 0 ? 32768 : 32767)));
  });
});
