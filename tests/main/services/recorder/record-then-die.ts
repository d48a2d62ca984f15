/**
 * Child process for the crash test: opens a studio on the data dir given as argv[2], records a
 * tone in 250 ms chunks in real time, and prints a line per chunk saved. The parent kills it with
 * SIGKILL mid-take.
 */
import { openStudio } from '../../../../src/main/studio.ts';
import { sineChunk } from './sine.ts';

const dataDir = process.argv[2]!;
const studio = openStudio({ dataDir, transport: 'test' });
const ctx = { actor: 'crash-test' };
const sampleRate = 48000;
const channels = 2;
const started = await studio.dispatch('recorder.start', { sampleRate, channels, deviceLabel: 'fake mic' }, ctx);
if (!started.ok) throw new Error(started.error.message);
const { sessionId } = started.result as { sessionId: string };
const frames = sampleRate / 4;
for (let seq = 0; ; seq++) {
  const pcm = sineChunk({ sampleRate, channels, startFrame: seq * frames, frames });
  const reply = await studio.dispatch('recorder.append', { sessionId, seq, pcm }, ctx);
  if (!reply.ok) throw new Error(reply.error.message);
  process.stdout.write(`saved ${JSON.stringify(reply.result)}\n`);
  await new Promise((resolve) => setTimeout(resolve, 250));
}
