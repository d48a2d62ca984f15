/**
 * A synthesised bulletin's asset carries the loudness the synthesis measured for normalisation
 * (no second pass), and those figures agree with ffmpeg's ebur128 filter on the written file.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TtsResult } from '../../../../src/shared/api/tts.ts';
import { useTestStudio } from '../../../helpers/studio.ts';
import { ffmpegLoudness } from '../audio/ffmpeg-reference.ts';

describe('synthesis: asset loudness', { timeout: 120_000 }, () => {
  const studio = useTestStudio();

  it('the synthesised asset has integrated loudness, range and true peak matching ffmpeg', async () => {
    const bulletin = await studio.call('bulletin.create', {
      title: 'Lịch tiêm phòng',
      script: 'UBND xã thông báo lịch tiêm phòng cho trẻ em. Bà con đưa trẻ đến trạm y tế lúc bảy giờ ba mươi sáng thứ hai.',
    });
    const job = await studio.call('tts.synthesize', { voiceId: 'builtin:vi', bulletinId: bulletin.id });
    const done = await studio.services.jobs.wait(job.id);
    expect(done.state).toBe('done');
    const asset = await studio.call('asset.get', { id: (done.result as TtsResult).assetId! });
    const reference = ffmpegLoudness(path.join(studio.dataDir, asset.file));
    expect(asset.loudness).not.toBeNull();
    expect(Math.abs(asset.loudness!.integratedLufs! - reference.integrated)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(asset.loudness!.truePeakDbtp! - reference.truePeak)).toBeLessThanOrEqual(0.3);
    expect(Math.abs(asset.loudness!.rangeLu - reference.range)).toBeLessThanOrEqual(0.5);
  });
});
