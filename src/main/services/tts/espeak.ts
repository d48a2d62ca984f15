/**
 * espeak-ng compiled to WebAssembly (@echogarden/espeak-ng-emscripten): the built-in voice and the
 * phonemiser for Piper voices. One instance per thread, created on first use (~40 ms); its data
 * (voices, dictionaries) ships inside the package, so it works on a fresh install with nothing else.
 */
import { StudioError } from '../../../shared/errors.ts';

interface EspeakWorker {
  set_voice(name: string): number;
  synthesize(text: string, onChunk: (samples: Int16Array, events: unknown[]) => boolean | void): void;
  synthesize_ipa(text: string): { code: number; ipa: string };
  list_voices(): Array<{ name: string; identifier: string; languages: Array<{ priority: number; name: string }> }>;
  rate: number;
  pitch: number;
  readonly samplerate: number;
}

interface EspeakModule {
  eSpeakNGWorker: new () => EspeakWorker;
}

/** espeak-ng's own words-per-minute at speed 1. */
const DEFAULT_RATE = 175;
/** espeak-ng accepts 80–450 wpm. */
const MIN_RATE = 80;
const MAX_RATE = 450;

let instance: Promise<EspeakWorker> | null = null;

function espeak(): Promise<EspeakWorker> {
  instance ??= (async () => {
    const { default: init } = (await import('@echogarden/espeak-ng-emscripten')) as unknown as {
      default: () => Promise<EspeakModule>;
    };
    const module = await init();
    return new module.eSpeakNGWorker();
  })();
  return instance;
}

function selectVoice(worker: EspeakWorker, voice: string): void {
  if (worker.set_voice(voice) !== 0) throw new StudioError('not_found', `espeak-ng has no voice "${voice}"`);
}

export interface EspeakAudio {
  samples: Float32Array;
  sampleRate: number;
}

/** Speaks text with an espeak-ng voice (e.g. vi, vi-vn-x-central, vi-vn-x-south). */
export async function espeakSynthesize(text: string, voice: string, speed = 1): Promise<EspeakAudio> {
  const worker = await espeak();
  selectVoice(worker, voice);
  worker.rate = Math.round(Math.min(MAX_RATE, Math.max(MIN_RATE, DEFAULT_RATE * speed)));
  const chunks: Int16Array[] = [];
  let length = 0;
  worker.synthesize(text, (samples) => {
    chunks.push(samples);
    length += samples.length;
    return false; // false = keep going
  });
  const out = new Float32Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) out[offset + i] = chunk[i]! / 32768;
    offset += chunk.length;
  }
  return { samples: out, sampleRate: worker.samplerate };
}

/** Clause punctuation that Piper keeps in the phoneme string (it has ids for it). */
const CLAUSE_BREAK = /([,.;:!?…]+)/u;

/**
 * Text → IPA phonemes the way Piper's phonemiser produces them: one string per sentence,
 * clauses joined with their punctuation and a space, stress marks and tone digits kept,
 * decomposed to NFD so each code point is one phoneme symbol.
 */
export async function espeakPhonemize(text: string, voice: string): Promise<string> {
  const worker = await espeak();
  selectVoice(worker, voice);
  const parts = text.split(CLAUSE_BREAK);
  let result = '';
  for (let i = 0; i < parts.length; i += 2) {
    const clause = parts[i]!.trim();
    const punctuation = (parts[i + 1] ?? '').slice(0, 1).replace('…', '.');
    if (clause) {
      const { code, ipa } = worker.synthesize_ipa(clause);
      if (code !== 0) throw new StudioError('internal', `espeak-ng could not phonemise "${clause.slice(0, 40)}"`);
      // This build separates phonemes with "_" and clauses with newlines; Piper's strings have neither.
      const phonemes = ipa.replace(/_/g, '').split('\n').map((s) => s.trim()).filter(Boolean).join(' ');
      if (result && phonemes) result += ' ';
      result += phonemes;
    }
    result += punctuation;
  }
  return result.trim().normalize('NFD');
}

export interface EspeakVoiceInfo {
  identifier: string;
  name: string;
  languages: string[];
}

export async function espeakVoices(): Promise<EspeakVoiceInfo[]> {
  const worker = await espeak();
  return worker.list_voices().map((v) => ({ identifier: v.identifier, name: v.name, languages: v.languages.map((l) => l.name) }));
}
