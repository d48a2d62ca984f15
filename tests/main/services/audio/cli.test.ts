import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStudio } from '../../../../src/main/studio.ts';
import { runStudio } from '../../../helpers/cli.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { ffmpegLoudness } from './ffmpeg-reference.ts';
import { ffmpegEncode, speechWav } from './fixtures.ts';

const temp = makeTempDir('studio-audio-cli-');
const dataDir = path.join(temp.dir, 'data');
afterAll(() => temp.remove());

describe('studio loudness / normalize / render (spawned bin/studio.js)', () => {
  const source = speechWav(temp.dir, 'speech.wav', 4, 48000, 2, 'pcm16');

  it('loudness FILE --json prints integrated, range and true peak matching ffmpeg', () => {
    const mp3 = ffmpegEncode(source, path.join(temp.dir, 'speech.mp3'), ['-c:a', 'libmp3lame', '-b:a', '128k']);
    for (const file of [source, mp3]) {
      const run = runStudio(dataDir, ['loudness', file, '--json']);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const result = JSON.parse(run.stdout) as { integrated: number; range: number; truePeak: number };
      expect(Object.keys(result).sort()).toEqual(['integrated', 'range', 'truePeak']);
      const reference = ffmpegLoudness(file);
      // ffmpeg decodes MP3 with its own decoder: allow the decoders' tiny differences there
      expect(Math.abs(result.integrated - reference.integrated)).toBeLessThanOrEqual(file === source ? 0.1 : 0.15);
      expect(Math.abs(result.truePeak - reference.truePeak)).toBeLessThanOrEqual(0.3);
    }
  });

  it('normalize IN OUT --target --ceiling writes a file on target under the ceiling', () => {
    for (const [out, target, ceiling] of [['n.wav', -23, -1], ['n.mp3', -16, -2]] as const) {
      const file = path.join(temp.dir, out);
      const run = runStudio(dataDir, ['normalize', source, file, '--target', String(target), '--ceiling', String(ceiling)]);
      expect(run.status).toBe(0);
      const measured = JSON.parse(runStudio(dataDir, ['loudness', file, '--json']).stdout) as { integrated: number; truePeak: number };
      // MP3 too: the export measures its own encoding and corrects the gain (mp3-loudness.ts)
      expect(Math.abs(measured.integrated - target)).toBeLessThanOrEqual(0.2);
      expect(measured.truePeak).toBeLessThanOrEqual(ceiling + (out.endsWith('.mp3') ? 0.5 : 0));
      expect(Math.abs(ffmpegLoudness(file).integrated - target)).toBeLessThanOrEqual(0.2);
    }
  });

  it('render PROGRAMME_ID --format mp3|wav --out FILE', async () => {
    // set the programme up through the library, then render it from the command line
    const studio = openStudio({ dataDir, transport: 'test' });
    const call = async (name: string, arg: unknown) => {
      const r = await studio.dispatch(name, arg, { actor: 'test' });
      if (!r.ok) throw new Error(r.error.message);
      return r.result as { id: number };
    };
    const job = (await call('audio.import', { path: source })) as unknown as { id: string };
    const asset = (await studio.services.jobs.wait(job.id)).result as { id: number };
    const bulletin = await call('bulletin.create', { title: 'Tin sáng', audioAssetId: asset.id });
    // Only approved bulletins are rendered into a programme.
    await call('bulletin.transition', { id: bulletin.id, to: 'submitted' });
    await call('bulletin.transition', { id: bulletin.id, to: 'approved', approver: 'Trưởng đài' });
    const programme = await call('programme.create', { title: 'Chương trình sáng' });
    await call('programme.addItem', { programmeId: programme.id, kind: 'bulletin', bulletinId: bulletin.id });
    await call('programme.addItem', { programmeId: programme.id, kind: 'jingle', assetId: asset.id });
    await studio.close();

    for (const format of ['mp3', 'wav']) {
      const out = path.join(temp.dir, `programme.${format}`);
      const run = runStudio(dataDir, ['render', String(programme.id), '--format', format, '--out', out, '--json']);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const result = JSON.parse(run.stdout) as { path: string; durationSec: number };
      expect(result.path).toBe(out);
      expect(result.durationSec).toBeCloseTo(9, 2); // 4 s + 1 s gap + 4 s
      expect(fs.statSync(out).size).toBeGreaterThan(10000);
    }
    const missing = runStudio(dataDir, ['render', '999', '--out', path.join(temp.dir, 'x.mp3')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Không tìm thấy');
  });

  it('explains a bad input file in Vietnamese and English', () => {
    fs.writeFileSync(path.join(temp.dir, 'empty.mp3'), '');
    const run = runStudio(dataDir, ['loudness', path.join(temp.dir, 'empty.mp3'), '--json']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Lỗi: Định dạng tệp không được hỗ trợ');
    expect(run.stderr).toContain('Error: File format not supported');
  });
});
