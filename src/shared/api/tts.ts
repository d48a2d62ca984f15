/**
 * Text to speech: voices (built-in espeak-ng, Piper and VITS/MMS packs), voice pack management,
 * previews and synthesis of a whole script as a job whose result becomes a bulletin's audio.
 */
import { z } from 'zod';
import { label, multiLineText, userPath } from '../text.ts';
import { Id } from './define.ts';
import { MAX_SCRIPT_CHARS } from './library-types.ts';
import { type JobInfo } from './jobs.ts';
import type { LoudnessResult } from './audio.ts';
import { request } from './define.ts';
import { ReadingChoices } from './reading.ts';

export const VOICE_ENGINES = ['espeak', 'piper', 'vits'] as const;
export type VoiceEngine = (typeof VOICE_ENGINES)[number];

/** The built-in Vietnamese voice, always present: the default where no voice is named. */
export const DEFAULT_VOICE_ID = 'builtin:vi';

export interface VoiceSpeaker {
  id: number;
  name: string;
}

export interface Voice {
  /** Stable id: `builtin:vi`, `pack:<name>` (installed) or `models:<name>` (found in models/). */
  id: string;
  name: string;
  engine: VoiceEngine;
  /** ISO 639 codes, e.g. vi, bdq, cmo, khm, blt, kjg. */
  languages: string[];
  sampleRate: number;
  speakers: VoiceSpeaker[];
  licence: string;
  source: 'builtin' | 'pack' | 'models';
  sizeBytes: number;
  /** sha256 of the model file (packs only). */
  sha256: string | null;
  installedAt: string | null;
  /** Things the editor should know (e.g. a tokenizer that needs romanised input). */
  warnings: string[];
}

export const LOUDNESS_PRESETS = ['broadcast', 'outdoor', 'none'] as const;

export const TtsSettings = z.strictObject({
  /** 1 = the voice's natural pace. */
  speed: z.number().min(0.6).max(1.6).default(1),
  sentencePauseMs: z.number().int().min(0).max(5000).default(400),
  paragraphPauseMs: z.number().int().min(0).max(10000).default(900),
  sampleRate: z.union([z.literal(48000), z.literal(44100), z.literal(32000), z.literal(22050), z.literal(16000)]).default(48000),
  loudness: z.enum(LOUDNESS_PRESETS).default('broadcast'),
  /** Multi-speaker voices only. */
  speaker: z.number().int().min(0).max(10000).optional(),
  /** Piper/VITS sampling noise; the voice's own default when absent. */
  noiseScale: z.number().min(0).max(2).optional(),
  noiseW: z.number().min(0).max(2).optional(),
});
export type TtsSettings = z.output<typeof TtsSettings>;
export type TtsSettingsInput = z.input<typeof TtsSettings>;

const VoiceId = label(300, 1);
const Script = multiLineText(MAX_SCRIPT_CHARS);

export interface MissingPhoneme {
  phoneme: string;
  count: number;
}

export interface TtsPreview {
  /** Path relative to the data directory of a WAV to play with api.mediaUrl. */
  media: string;
  durationSec: number;
  /** What was actually spoken, after normalisation. */
  spoken: string;
  missingPhonemes: MissingPhoneme[];
}

export interface TtsResult {
  /** The audio asset created, or null when only a file was written (`outPath`). */
  assetId: number | null;
  bulletinId: number | null;
  /** Relative to the data dir when it is an asset, absolute for `outPath`. */
  file: string;
  durationSec: number;
  sampleRate: number;
  sentences: number;
  /** Sentences taken from the cache instead of synthesised again. */
  cachedSentences: number;
  missingPhonemes: MissingPhoneme[];
  loudness: LoudnessResult;
}

export const ttsRequests = {
  'voice.list': request<Voice[]>()(z.strictObject({})),
  /** Validates a voice pack (folder or .zip) and installs it under <dataDir>/voices/. */
  'voice.install': request<Voice>()(z.strictObject({ path: userPath() })),
  'voice.remove': request<{ removed: true }>()(z.strictObject({ id: VoiceId })),
  /** Speaks a short text (a sample or one sentence) with a voice; answered when the audio is ready. */
  'tts.preview': request<TtsPreview>()(
    z.strictObject({
      voiceId: VoiceId,
      text: multiLineText(2000).trim().default(''),
      settings: TtsSettings.default(TtsSettings.parse({})),
      /** The editor's picks for ambiguous expansions, as in reading.preview. */
      choices: ReadingChoices.optional(),
    }),
  ),
  /**
   * Synthesises a script as a job. With `bulletinId` (and no text) the bulletin's script is
   * spoken and the result becomes its audio asset; with `outPath` the WAV is written there.
   */
  'tts.synthesize': request<JobInfo<'tts.synthesize'>>()(
    z
      .strictObject({
        voiceId: VoiceId,
        bulletinId: Id.optional(),
        text: Script.optional(),
        outPath: userPath().optional(),
        settings: TtsSettings.default(TtsSettings.parse({})),
        choices: ReadingChoices.optional(),
      })
      .refine((arg) => arg.bulletinId !== undefined || arg.text !== undefined, {
        message: 'give a bulletinId or a text',
      }),
  ),
} as const;
