import { defineJobWorker } from '../jobs/index.ts';
import { PeakBuilder, savePeaks } from './peaks.ts';
import { WavReader } from './wav-reader.ts';

/** Peaks for a source that came in without them (a recording, a foundation import). */
defineJobWorker<{ source: string; target: string }, { frames: number }>(({ source, target }, job) => {
  const reader = WavReader.open(source);
  try {
    const builder = new PeakBuilder(reader.sampleRate, reader.channels);
    let done = 0;
    for (const block of reader.blocks()) {
      job.checkCancelled();
      builder.add(block);
      done += block[0]!.length;
      job.progress(done / Math.max(1, reader.frames), 'peaks');
    }
    savePeaks(target, builder.finish());
    return { frames: reader.frames };
  } finally {
    reader.close();
  }
});
