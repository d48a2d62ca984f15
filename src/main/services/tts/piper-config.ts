/** The `.onnx.json` that comes with every Piper voice: parsed and checked before use. */
import fs from 'node:fs';
import { z } from 'zod';
import { StudioError } from '../../../shared/errors.ts';

const PiperConfigSchema = z.looseObject({
  audio: z.looseObject({ sample_rate: z.number().int().min(8000).max(96000) }),
  espeak: z.looseObject({ voice: z.string().min(1) }).optional(),
  phoneme_type: z.string().optional(),
  inference: z
    .looseObject({
      noise_scale: z.number().optional(),
      length_scale: z.number().optional(),
      noise_w: z.number().optional(),
    })
    .optional(),
  phoneme_id_map: z.record(z.string(), z.array(z.number().int().min(0))),
  phoneme_map: z.record(z.string(), z.array(z.string())).optional(),
  phoneme_silence: z.record(z.string(), z.number().min(0).max(10)).optional(),
  num_speakers: z.number().int().min(1).optional(),
  speaker_id_map: z.record(z.string(), z.number().int().min(0)).optional(),
  language: z.looseObject({ code: z.string().optional() }).optional(),
  license: z.string().optional(),
  licence: z.string().optional(),
  dataset: z.string().optional(),
});

export interface PiperConfig {
  sampleRate: number;
  espeakVoice: string;
  noiseScale: number;
  lengthScale: number;
  noiseW: number;
  phonemeIdMap: Map<string, number[]>;
  phonemeMap: Map<string, string[]>;
  /** Seconds of silence after each of these phonemes. */
  phonemeSilence: Map<string, number>;
  speakers: Array<{ id: number; name: string }>;
  language: string;
  licence: string;
  dataset: string;
}

export function parsePiperConfig(text: string, source: string): PiperConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new StudioError('unsupported_format', `${source}: not valid JSON: ${(error as Error).message}`, { reason: 'voice_config_damaged', file: source });
  }
  const parsed = PiperConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StudioError('unsupported_format', `${source}: ${issue?.path.join('.') || 'config'} ${issue?.message ?? 'is invalid'}`, { reason: 'voice_config_field', file: source, field: issue?.path.join('.') || 'config' });
  }
  const c = parsed.data;
  if (c.phoneme_type && c.phoneme_type !== 'espeak') {
    throw new StudioError('unsupported_format', `${source}: phoneme_type "${c.phoneme_type}" is not supported (only espeak)`);
  }
  for (const symbol of ['_', '^', '$']) {
    if (!c.phoneme_id_map[symbol]) throw new StudioError('unsupported_format', `${source}: phoneme_id_map has no "${symbol}"`, { reason: 'voice_config_field', file: source, field: `phoneme_id_map[${symbol}]` });
  }
  const speakerIds = c.speaker_id_map ?? {};
  const speakers = Object.entries(speakerIds)
    .map(([name, id]) => ({ id, name }))
    .sort((a, b) => a.id - b.id);
  if (speakers.length === 0 && (c.num_speakers ?? 1) > 1) {
    for (let id = 0; id < (c.num_speakers ?? 1); id++) speakers.push({ id, name: `#${id}` });
  }
  return {
    sampleRate: c.audio.sample_rate,
    espeakVoice: c.espeak?.voice ?? 'vi',
    noiseScale: c.inference?.noise_scale ?? 0.667,
    lengthScale: c.inference?.length_scale ?? 1,
    noiseW: c.inference?.noise_w ?? 0.8,
    phonemeIdMap: new Map(Object.entries(c.phoneme_id_map)),
    phonemeMap: new Map(Object.entries(c.phoneme_map ?? {})),
    phonemeSilence: new Map(Object.entries(c.phoneme_silence ?? {})),
    speakers,
    language: (c.language?.code ?? c.espeak?.voice ?? 'vi').split(/[_-]/)[0]!.toLowerCase(),
    licence: c.license ?? c.licence ?? '',
    dataset: c.dataset ?? '',
  };
}

export function readPiperConfig(file: string): PiperConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new StudioError('unsupported_format', `the voice has no config file (${file})`);
  }
  return parsePiperConfig(text, file);
}
