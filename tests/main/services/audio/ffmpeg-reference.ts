/** ffmpeg's ebur128 filter as the reference peer for loudness (Debian's ffmpeg, run for real). */
import { spawnSync } from 'node:child_process';

export interface ReferenceLoudness {
  integrated: number;
  range: number;
  truePeak: number;
}

export function ffmpegLoudness(file: string): ReferenceLoudness {
  const run = spawnSync(
    'ffmpeg',
    ['-nostats', '-hide_banner', '-i', file, '-af', 'ebur128=peak=true:metadata=1,ametadata=mode=print:file=-', '-f', 'null', '-'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.status !== 0) throw new Error(`ffmpeg failed: ${run.stderr.slice(-500)}`);
  // The per-frame metadata carries three decimals; the last frame's I is the whole file's.
  const last = (key: string) => {
    const all = [...run.stdout.matchAll(new RegExp(`lavfi\\.r128\\.${key}=(-?[\\d.]+|-inf|nan)`, 'g'))];
    return Number(all.at(-1)?.[1]);
  };
  const summary = run.stderr.slice(run.stderr.lastIndexOf('Summary:'));
  const peak = /Peak:\s+(-?[\d.]+|-inf)/.exec(summary)?.[1];
  return { integrated: last('I'), range: last('LRA'), truePeak: peak === '-inf' ? -Infinity : Number(peak) };
}
