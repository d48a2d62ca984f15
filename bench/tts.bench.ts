/**
 * Text to speech on this machine: real-time factor (synthesis time ÷ audio length, lower is
 * faster) per engine — the built-in espeak-ng voice, the generated Piper and VITS test voices, and
 * any real voice found in models/ — on a 1,000-word Vietnamese script from ../shared, through the
 * production pipeline (normaliser, sentence synthesis, pauses, 48 kHz resampling, broadcast
 * loudness), with an empty sentence cache. For ONNX voices it also reports the share of the time
 * spent outside the ONNX session (goal: under 10 %). The plain generated voices do almost no
 * inference, so their share is near 100 % by design; "fixture:piper-heavy" is the same Piper
 * contract with 256 layers of 512×512 MatMul per phoneme id (~67 M multiply-adds), whose session
 * costs in the range of a real medium voice on a small CPU (inference real-time factor ≈ 0.05–0.15 here), to show the share against a realistic inference load.
 * BENCH_TTS_WORDS changes the script length.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TtsSettings } from '../src/shared/api/tts.ts';
import { scanModelsFolder } from '../src/main/services/tts/models-folder.ts';
import { planScript } from '../src/main/services/tts/script-plan.ts';
import { SentenceCache } from '../src/main/services/tts/sentence-cache.ts';
import { synthesizeScript, type ScriptPlan } from '../src/main/services/tts/synthesize-script.ts';
import type { VoiceRef } from '../src/main/services/tts/voice-ref.ts';
import { makeTestVoices, writePiperVoice } from '../tests/fixtures/voices/make-test-voices.ts';

const WORDS = Number(process.env.BENCH_TTS_WORDS ?? 1000);
const TEXTS = path.resolve(import.meta.dirname, '../../shared/data/vi-text');

/** Whole sentences from the shared texts until the spoken script has WORDS words (syllables). */
function script(): { plan: ScriptPlan; words: number } {
  const sentences: ScriptPlan['sentences'] = [];
  let words = 0;
  for (const file of fs.readdirSync(TEXTS).filter((f) => f.endsWith('.txt')).sort()) {
    for (const sentence of planScript(fs.readFileSync(path.join(TEXTS, file), 'utf8')).sentences) {
      const count = sentence.spoken.split(/\s+/).filter(Boolean).length;
      if (count < 3) continue;
      sentences.push({ ...sentence, paragraph: sentences.length >> 2 });
      words += count;
      if (words >= WORDS) return { plan: { sentences }, words };
    }
  }
  return { plan: { sentences }, words };
}

export interface EngineFigures {
  voice: string;
  engine: string;
  audioSec: number;
  totalSec: number;
  realTimeFactor: number;
  inferenceSec: number;
  /** ONNX session time ÷ audio length. */
  inferenceRealTimeFactor: number;
  /** Waiting for the output stage (resampling, metering) after the last sentence, plus the gain. */
  dspSec: number;
  /** (total − inference) ÷ total, ONNX engines only. */
  outsideOnnxShare: number | null;
}

export default async function ttsBench(): Promise<{ words: number; sentences: number; engines: EngineFigures[] }> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-tts-bench-'));
  try {
    const fixtures = makeTestVoices(path.join(work, 'voices'));
    const heavy = writePiperVoice(path.join(work, 'voices', 'heavy'), 'vi_VN-heavy-x_low', { computeLayers: 256 });
    const voices: VoiceRef[] = [
      { id: 'builtin:vi', engine: 'espeak', variant: 'vi', fingerprint: 'bench' },
      { id: 'fixture:piper', engine: 'piper', model: fixtures.piper, config: `${fixtures.piper}.json`, fingerprint: 'bench' },
      { id: 'fixture:piper-heavy', engine: 'piper', model: heavy, config: `${heavy}.json`, fingerprint: 'bench' },
      { id: 'fixture:vits', engine: 'vits', dir: fixtures.vits, fingerprint: 'bench' },
      ...scanModelsFolder().map((v) => v.ref),
    ];
    const { plan, words } = script();
    process.stdout.write(`script: ${words} words in ${plan.sentences.length} sentences\n`);
    const settings = TtsSettings.parse({});
    const engines: EngineFigures[] = [];
    for (const voice of voices) {
      const cache = new SentenceCache(path.join(work, `cache-${engines.length}`));
      const out = await synthesizeScript(plan, voice, settings, cache);
      const audioSec = out.samples.length / out.sampleRate;
      const figures: EngineFigures = {
        voice: voice.id,
        engine: voice.engine,
        audioSec: Number(audioSec.toFixed(1)),
        totalSec: Number((out.totalMs / 1000).toFixed(2)),
        realTimeFactor: Number((out.totalMs / 1000 / audioSec).toFixed(4)),
        inferenceSec: Number((out.inferenceMs / 1000).toFixed(2)),
        inferenceRealTimeFactor: Number((out.inferenceMs / 1000 / audioSec).toFixed(4)),
        dspSec: Number((out.dspMs / 1000).toFixed(2)),
        outsideOnnxShare: voice.engine === 'espeak' ? null : Number(((out.totalMs - out.inferenceMs) / out.totalMs).toFixed(3)),
      };
      engines.push(figures);
      process.stdout.write(
        `${figures.voice.padEnd(28)} RTF ${figures.realTimeFactor.toFixed(4)}  (${figures.totalSec} s for ${figures.audioSec} s of audio; ` +
          `ONNX ${figures.inferenceSec} s (RTF ${figures.inferenceRealTimeFactor}), output tail ${figures.dspSec} s` +
          (figures.outsideOnnxShare === null ? ')\n' : `; outside ONNX ${(figures.outsideOnnxShare * 100).toFixed(1)} %)\n`),
      );
    }
    return { words, sentences: plan.sentences.length, engines };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
