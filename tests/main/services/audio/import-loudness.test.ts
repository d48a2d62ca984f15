/**
 * audio.import measures EBU R128 loudness in the same pass as the peaks: the asset comes out of
 * the import with its figures, checked against ffmpeg's ebur128 filter on files made by sox.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestStudio } from '../../../helpers/studio.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { ffmpegLoudness } from './ffmpeg-reference.ts';
import { ffmpegEncode, importFile } from './fixtures.ts';

const temp = makeTempDir('studio-import-loudness-');
afterAll(() => temp.remove());
const at = (name: string) => path.join(temp.dir, name);

/** Real sox output: pink noise with a slow tremolo (so the loudness range is not zero). */
function soxNoise(file: string, args: string[], effects: string[]): string {
  const run = spawnSync('sox', ['-n', ...args, file, 'synth', '8', 'pinknoise', ...effects], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return file;
}

describe('audio.import fills loudness', () => {
  const studio = useTestStudio();

  it.each([
    ['16-bit stereo 44.1 kHz WAV', () => soxNoise(at('a.wav'), ['-r', '44100', '-c', '2', '-b', '16'], ['vol', '0.3', 'tremolo', '0.5', '90'])],
    ['24-bit mono 48 kHz WAV, loud', () => soxNoise(at('b.wav'), ['-r', '48000', '-c', '1', '-b', '24'], ['vol', '0.8', 'tremolo', '0.3', '60'])],
    ['MP3 (decoded on import)', () => ffmpegEncode(soxNoise(at('c-src.wav'), ['-r', '48000', '-c', '2', '-b', '16'], ['vol', '0.2', 'tremolo', '1', '70']), at('c.mp3'), ['-c:a', 'libmp3lame', '-b:a', '128k'])],
  ] as const)('%s: integrated, range and true peak match ffmpeg', async (_name, make) => {
    const asset = await importFile(studio, make());
    // The stored WAV is what gets delivered; for MP3 it is the decoded audio.
    const reference = ffmpegLoudness(path.join(studio.dataDir, asset.file));
    expect(asset.loudness).not.toBeNull();
    const loudness = asset.loudness!;
    expect(Math.abs(loudness.integratedLufs! - reference.integrated)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(loudness.truePeakDbtp! - reference.truePeak)).toBeLessThanOrEqual(0.3);
    expect(Math.abs(loudness.rangeLu - reference.range)).toBeLessThanOrEqual(0.5);
    // Stored, not only returned by the job.
    expect(studio.services.library.assets.get(asset.id).loudness).toEqual(loudness);
    expect((await studio.call('asset.list', {})).find((a) => a.id === asset.id)?.loudness).toEqual(loudness);
  });

  it('records digital silence as measured, with null integrated loudness and true peak', async () => {
    // -D: no dither, or the "silence" would be noise at -85 dBFS.
    const run = spawnSync('sox', ['-D', '-n', '-r', '48000', '-c', '1', '-b', '16', at('silence.wav'), 'trim', '0', '3'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const asset = await importFile(studio, at('silence.wav'));
    expect(asset.loudness).toMatchObject({ integratedLufs: null, rangeLu: 0, truePeakDbtp: null });
  });
});
