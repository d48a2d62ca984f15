/**
 * A planned script → WAV, sentence by sentence with progress and cancel (runs in the ONNX child).
 * Writes to a temporary name and renames into place (as an asset under its sha256, a preview
 * under its cache key, or the caller's own path).
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { LoudnessResult } from '../../../shared/api/audio.ts';
import type { MissingPhoneme, TtsSettings } from '../../../shared/api/tts.ts';
import { PeakBuilder, peaksPath, savePeaks, writeWavFile } from '../audio/index.ts';
import type { JobTools } from '../jobs/index.ts';
import { SentenceCache } from './sentence-cache.ts';
import { synthesizeScript, type ScriptPlan } from './synthesize-script.ts';
import type { VoiceRef } from './voice-ref.ts';

export type SynthesisTarget =
  /** An asset file: <dataDir>/assets/<sha256>.wav */
  | { kind: 'asset' }
  /** A file relative to the data dir (previews) or an absolute path chosen by the user. */
  | { kind: 'file'; path: string };

export interface SynthesisInput {
  dataDir: string;
  plan: ScriptPlan;
  voice: VoiceRef;
  settings: TtsSettings;
  target: SynthesisTarget;
  /** The voice's name and the settings, recorded in the WAV's bext chunk. */
  description: string;
}

export interface SynthesisFile {
  /** Relative to the data dir for assets, else the target path as given. */
  file: string;
  sha256: string;
  bytes: number;
  durationSec: number;
  sampleRate: number;
  sentences: number;
  cachedSentences: number;
  missingPhonemes: MissingPhoneme[];
  loudness: LoudnessResult;
  inferenceMs: number;
  totalMs: number;
}

/** About 3 hours of 22 kHz speech; least recently used sentences go first. */
const CACHE_MAX_BYTES = 1024 ** 3;

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function synthesizeToFile(input: SynthesisInput, job: Pick<JobTools, 'progress' | 'checkCancelled'>): Promise<SynthesisFile> {
  const cache = new SentenceCache(path.join(input.dataDir, 'tts-cache'));
  const out = await synthesizeScript(input.plan, input.voice, input.settings, cache, {
    progress: (fraction, message) => job.progress(fraction * 0.9, message),
    checkCancelled: () => job.checkCancelled(),
  });
  job.progress(0.92, 'ghi tệp');
  cache.prune(CACHE_MAX_BYTES);
  const finalPath =
    input.target.kind === 'asset' ? null : path.isAbsolute(input.target.path) ? input.target.path : path.join(input.dataDir, input.target.path);
  const dir = finalPath ? path.dirname(finalPath) : path.join(input.dataDir, 'assets');
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.tts-${randomUUID()}.wav`);
  try {
    writeWavFile(temp, [out.samples], out.sampleRate, {
      format: 'pcm16',
      bext: { description: input.description.slice(0, 256), originator: 'Studio TTS', loudness: out.loudness },
    });
    const sha256 = await sha256Of(temp);
    const file = finalPath ?? path.join(dir, `${sha256}.wav`);
    if (input.target.kind === 'asset') {
      // The same multi-resolution peaks an import stores, so the waveform (here and in the editor) never decodes the file.
      const peaks = new PeakBuilder(out.sampleRate, 1);
      peaks.add([out.samples]);
      fs.mkdirSync(path.dirname(peaksPath(input.dataDir, sha256)), { recursive: true });
      savePeaks(peaksPath(input.dataDir, sha256), peaks.finish());
    }
    fs.renameSync(temp, file);
    return {
      file: input.target.kind === 'asset' ? path.join('assets', `${sha256}.wav`) : input.target.path,
      sha256,
      bytes: fs.statSync(file).size,
      durationSec: out.samples.length / out.sampleRate,
      sampleRate: out.sampleRate,
      sentences: out.sentences,
      cachedSentences: out.cachedSentences,
      missingPhonemes: out.missingPhonemes,
      loudness: out.loudness,
      inferenceMs: out.inferenceMs,
      totalMs: out.totalMs,
    };
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
