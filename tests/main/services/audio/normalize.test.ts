import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { measureLoudness } from '../../../../src/main/services/audio/loudness.ts';
import { normalizeChannels } from '../../../../src/main/services/audio/normalize.ts';
import { writeWavFile } from '../../../../src/main/services/audio/wav-writer.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { ffmpegLoudness } from './ffmpeg-reference.ts';
import { concat, faded, silence, sine, speechLike, square } from './signals.ts';

const temp = makeTempDir('studio-normalize-');
afterAll(() => temp.remove());
const R = 48000;

const inputs: [string, () => Float32Array[]][] = [
  ['quiet stereo speech', () => [speechLike(R, 5, 0.05, 3), speechLike(R, 5, 0.05, 4)]],
  ['loud mono speech with peaks', () => [speechLike(R, 5, 1.5, 5)]],
  ['tone then speech with a gap', () => [concat(faded(sine(R, 1.5, 440, -30), R), silence(R, 1), speechLike(R, 2.5, 0.2, 6))]],
  ['square wave (intersample overs)', () => [faded(square(R, 4, 2000, -20), R), faded(square(R, 4, 2000, -20), R)]],
];
const presets = [
  { name: 'broadcast', target: -23, ceiling: -1 },
  { name: 'outdoor', target: -16, ceiling: -1 },
  { name: 'custom', target: -14, ceiling: -2 },
];

describe('normalizeChannels', () => {
  for (const [name, make] of inputs) {
    it.each(presets)(`${name} → $name ($target LUFS, $ceiling dBTP)`, ({ target, ceiling }) => {
      const input = make();
      const out = normalizeChannels(input, R, { target, ceiling });
      expect(out[0]!.length).toBe(input[0]!.length);
      const ours = measureLoudness(out, R);
      expect(Math.abs(ours.integrated! - target)).toBeLessThanOrEqual(0.2);
      expect(ours.truePeak!).toBeLessThanOrEqual(ceiling);
      // and the reference peer agrees on the written file
      const file = path.join(temp.dir, 'out.wav');
      writeWavFile(file, out, R, { format: 'float32' });
      const reference = ffmpegLoudness(file);
      expect(Math.abs(reference.integrated - target)).toBeLessThanOrEqual(0.2);
      expect(reference.truePeak).toBeLessThanOrEqual(ceiling + 0.05); // ffmpeg prints 0.1 dB steps
    });
  }

  it('leaves digital silence silent', () => {
    const out = normalizeChannels([silence(R, 1)], R, { target: -23, ceiling: -1 });
    expect(out[0]!.every((v) => v === 0)).toBe(true);
  });
});
