/**
 * One audio benchmark task in its own process (run by audio.bench.ts), so its time and its peak
 * memory (the process's max RSS) are its own. Prints {"seconds", "maxRssMB", ...} as JSON.
 */
import { initialTimeline } from '../src/main/services/audio/edit-list.ts';
import { normalizeFile } from '../src/main/services/audio/file-tools.ts';
import { importAudio } from '../src/main/services/audio/import-audio.ts';
import { runMeasure, runRender } from '../src/main/services/audio/render-jobs.ts';
import { WavReader } from '../src/main/services/audio/wav-reader.ts';

const job = { progress() {}, checkCancelled() {} };
const [task, file, out] = process.argv.slice(2) as [string, string, string];

const started = performance.now();
let detail: unknown;
if (task === 'import') {
  detail = await importAudio({ source: file, dataDir: out, name: 'bench' }, job);
} else if (task === 'loudness') {
  detail = runMeasure({ sourceFile: file }, job);
} else if (task === 'mp3') {
  const reader = WavReader.open(file);
  const frames = reader.frames;
  reader.close();
  detail = await runRender(
    { kind: 'document', sourceFile: file, timeline: initialTimeline(frames), sink: { path: out, format: 'mp3', sampleRate: 48000, bitrate: 128 } },
    job,
  );
} else if (task === 'normalize') {
  // As `studio normalize IN OUT` does (broadcast preset): measure, solve the gain, render WAV or MP3.
  detail = await normalizeFile({ input: file, output: out, target: -23, ceiling: -1, bitrate: 128 }, job);
} else {
  throw new Error(`unknown task ${task}`);
}
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ seconds, maxRssMB: process.resourceUsage().maxRSS / 1024, detail })}\n`);
