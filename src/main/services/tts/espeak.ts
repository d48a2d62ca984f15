/**
 * espeak-ng compiled to WebAssembly (@echogarden/espeak-ng-emscripten): the built-in voice and the
 * phonemiser for Piper voices. One instance per thread, created on first use (~40 ms); its data
 * (voices, dictionaries) ships inside the package, so it works on a fresh install with nothing else.
 */
import { StudioError } from '../../../shared/errors.ts';
import { withLevelTones } from './level-tones.ts';

interface EspeakWorker {
  set_voice(name: string): number;
  /** espeak_TextToPhonemes: returns a pointer to a NUL-terminated UTF-8 string on the heap. */
  convert_to_phonemes(text: string, ipa: boolean): { ptr: number };
  synthesize(text: string, onChunk: (samples: Int16Array, events: unknown[]) => boolean | void): void;
  list_voices(): Array<{ name: string; identifier: string; languages: Array<{ priority: number; name: string }> }>;
  rate: number;
  pitch: number;
  readonly samplerate: number;
}

interface EspeakModule {
  eSpeakNGWorker: new () => EspeakWorker;
  HEAPU8: Uint8Array;
}

/** espeak-ng's own words-per-minute at speed 1. */
const DEFAULT_RATE = 175;
/** espeak-ng accepts 80–450 wpm. */
const MIN_RATE = 80;
const MAX_RATE = 450;

let instance: Promise<{ worker: EspeakWorker; module: EspeakModule }> | null = null;

function espeakInstance(): Promise<{ worker: EspeakWorker; module: EspeakModule }> {
  instance ??= (async () => {
    const { default: init } = (await import('@echogarden/espeak-ng-emscripten')) as unknown as {
      default: () => Promise<EspeakModule>;
    };
    const module = await init();
    return { worker: new module.eSpeakNGWorker(), module };
  })();
  return instance;
}

const espeak = async (): Promise<EspeakWorker> => (await espeakInstance()).worker;

function heapString(module: EspeakModule, ptr: number): string {
  let end = ptr;
  while (module.HEAPU8[end] !== 0) end++;
  return new TextDecoder().decode(module.HEAPU8.subarray(ptr, end));
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
  const { worker, module } = await espeakInstance();
  selectVoice(worker, voice);
  const parts = text.split(CLAUSE_BREAK);
  let result = '';
  for (let i = 0; i < parts.length; i += 2) {
    const clause = parts[i]!.trim();
    const punctuation = (parts[i + 1] ?? '').slice(0, 1).replace('…', '.');
    if (clause) {
      // espeak_TextToPhonemes, as Piper's phonemiser calls it (no audio is synthesised). This build
      // separates phonemes with "_" and inner clauses with " | "; Piper's strings have neither.
      const ipa = heapString(module, worker.convert_to_phonemes(clause, true).ptr);
      const phonemes = withLevelTones(ipa.replace(/_/g, '').split('|').map((s) => s.trim()).filter(Boolean).join(' '), punctuation !== '');
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
