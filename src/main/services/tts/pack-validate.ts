/**
 * Validates a staged voice pack before it is accepted: the config parses, the model loads in
 * onnxruntime with the right tensors, it speaks a short test phrase, the sample rate is known;
 * records licence, languages, speakers, size and the model's sha256.
 */
import path from 'node:path';
import type { VoiceEngine, VoiceSpeaker } from '../../../shared/api/tts.ts';
import { StudioError } from '../../../shared/errors.ts';
import { findLicence, folderSize, sha256File } from '../model-packs/index.ts';
import { detectLayout, type PackLayout } from './pack-layout.ts';
import { vitsLanguages, vitsWarnings } from './pack-metadata.ts';
import { PiperEngine } from './piper-engine.ts';
import { VitsEngine } from './vits-engine.ts';

export interface PackInfo {
  name: string;
  engine: VoiceEngine;
  /** Paths relative to the pack folder. */
  modelFile: string;
  configFile: string;
  languages: string[];
  sampleRate: number;
  speakers: VoiceSpeaker[];
  licence: string;
  sha256: string;
  sizeBytes: number;
  warnings: string[];
}

const TEST_PHRASE = 'xin chào';

async function tryVoice(layout: PackLayout): Promise<{ sampleRate: number; speakers: VoiceSpeaker[]; licence: string; languages: string[] }> {
  if (layout.engine === 'piper') {
    const engine = await PiperEngine.load(layout.model, layout.config);
    try {
      const audio = await engine.synthesize(TEST_PHRASE, { speed: 1, speaker: engine.config.speakers[0]?.id });
      if (audio.samples.length === 0) throw new StudioError('unsupported_format', 'the Piper model produced no audio', { reason: 'voice_silent' });
      return { sampleRate: engine.config.sampleRate, speakers: engine.config.speakers, licence: engine.config.licence, languages: [engine.config.language] };
    } finally {
      await engine.dispose();
    }
  }
  const engine = await VitsEngine.load(layout.root);
  try {
    const audio = await engine.synthesize('a', { speed: 1 });
    if (audio.samples.length === 0) throw new StudioError('unsupported_format', 'the VITS model produced no audio', { reason: 'voice_silent' });
    return { sampleRate: engine.sampleRate, speakers: [], licence: '', languages: [] };
  } finally {
    await engine.dispose();
  }
}

/** `originalName` is the folder or zip name the user chose (used for MMS language codes). */
export async function validatePack(stagedDir: string, originalName: string): Promise<PackInfo & { root: string }> {
  const layout = detectLayout(stagedDir);
  const tried = await tryVoice(layout);
  const warnings = layout.engine === 'vits' ? vitsWarnings(layout.root) : [];
  const languages = layout.engine === 'vits' ? vitsLanguages(layout.root, originalName) : tried.languages;
  if (languages.length === 0) warnings.push('language_unknown');
  const licence = findLicence(layout.root, tried.licence);
  if (!licence) warnings.push('licence_missing');
  // A VITS pack is named by its folder: the user's folder or zip name when the files were at its top.
  const baseName =
    layout.engine === 'piper' ? path.basename(layout.model, '.onnx') : layout.root === stagedDir ? originalName : path.basename(layout.root);
  return {
    root: layout.root,
    name: baseName,
    engine: layout.engine,
    modelFile: path.relative(layout.root, layout.model),
    configFile: path.relative(layout.root, layout.config),
    languages: languages.length ? languages : ['und'],
    sampleRate: tried.sampleRate,
    speakers: tried.speakers,
    licence: licence || 'unknown',
    sha256: await sha256File(layout.model),
    sizeBytes: folderSize(layout.root),
    warnings,
  };
}
