/** Job body of `led.export`: PNG frames into a folder, or one animated GIF, from `boardFrame`. */
import fs from 'node:fs/promises';
import type { LedExportResult } from '../../../shared/api/led.ts';
import type { ColourClass, Programme } from '../../../shared/led/index.ts';
import { defineJobWorker } from '../jobs/index.ts';
import { exportPngFrames, renderGif } from './export.ts';

export interface LedExportInput {
  programme: Programme;
  colourClass: ColourClass;
  format: 'png' | 'gif';
  out: string;
  fps: number;
  fromMs?: number;
  toMs?: number;
}

defineJobWorker<LedExportInput, LedExportResult>(async (input, tools) => {
  const options = {
    colourClass: input.colourClass,
    fps: input.fps,
    fromMs: input.fromMs,
    toMs: input.toMs,
    signal: tools.signal,
    onProgress: (done: number, total: number) => {
      tools.checkCancelled();
      tools.progress(done / total, `${done}/${total}`);
    },
  };
  const { width, height } = input.programme;
  if (input.format === 'png') {
    const frames = await exportPngFrames(input.programme, input.out, options);
    return { format: 'png', path: input.out, frames: frames.length, width, height };
  }
  let frames = 0;
  const gif = renderGif(input.programme, { ...options, onProgress: (done, total) => ((frames = total), options.onProgress(done, total)) });
  // Written beside and renamed: a half-written GIF never carries the final name.
  await fs.writeFile(`${input.out}.part`, gif);
  await fs.rename(`${input.out}.part`, input.out);
  return { format: 'gif', path: input.out, frames, width, height };
});
