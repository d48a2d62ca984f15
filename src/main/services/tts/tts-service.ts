/**
 * The TTS service on the main thread: voices and packs, and starting the synthesis jobs. All
 * heavy work (model loading, inference, DSP) happens in job workers.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { JobInfo } from '../../../shared/api/jobs.ts';
import { StudioError } from '../../../shared/errors.ts';
import type { TtsPreview, TtsResult, TtsSettings, Voice } from '../../../shared/api/tts.ts';
import type { AuditTrail } from '../audit/index.ts';
import { workerUrl, type JobManager } from '../jobs/index.ts';
import type { Library } from '../library/index.ts';
import type { Reading } from '../reading/index.ts';
import type { Db } from '../storage/index.ts';
import { planScript } from './script-plan.ts';
import type { SynthesisFile, SynthesisInput } from './synthesize-file.ts';
import type { VoiceInstallInput, VoiceInstallOutput } from './install-pack.ts';
import { packVoice, VoicePackStore } from './voice-packs.ts';
import { VoiceRegistry } from './voice-registry.ts';

const SYNTH_WORKER = workerUrl('tts/synthesize.worker.ts');
const INSTALL_WORKER = workerUrl('tts/voice-install.worker.ts');
/** Where previews are written, relative to the data dir (served as media). */
export const PREVIEW_DIR = 'tts-preview';
/** Previews kept on disk; older ones are removed (they are recreated from the sentence cache on demand). */
const PREVIEWS_KEPT = 200;
const DEFAULT_SAMPLE = 'Xin chào bà con. Đây là giọng đọc bản tin của đài truyền thanh xã.';

export interface TtsDeps {
  dataDir: string;
  db: Db;
  audit: AuditTrail;
  jobs: JobManager;
  library: Library;
  reading: Reading;
  modelsDir?: string;
}

export class TtsService {
  readonly packs: VoicePackStore;
  readonly registry: VoiceRegistry;

  constructor(private readonly deps: TtsDeps) {
    this.packs = new VoicePackStore(deps.db, deps.audit, deps.dataDir);
    this.registry = new VoiceRegistry(this.packs, deps.dataDir, deps.modelsDir);
  }

  voices(): Voice[] {
    return this.registry.list();
  }

  async install(source: string, actor: string): Promise<Voice> {
    // The job copies and checks the pack; the pack is recorded here, on the main thread.
    return this.deps.jobs.run<'voice.install', VoiceInstallInput, VoiceInstallOutput>({
      kind: 'voice.install',
      subject: path.basename(source),
      worker: INSTALL_WORKER,
      input: { source: path.resolve(source), voicesDir: this.packs.voicesDir },
      finish: (installed) => this.record(installed, actor),
    });
  }

  private record(installed: VoiceInstallOutput, actor: string): Voice {
    const dir = path.join('voices', installed.folder);
    const duplicate = this.packs.findBySha(installed.sha256);
    if (duplicate) {
      this.packs.removeFiles(dir);
      throw new StudioError('conflict', `voice pack already installed as ${duplicate.name}`, { reason: 'voice_pack_installed', name: duplicate.name });
    }
    try {
      const { folder, ...info } = installed;
      return packVoice(this.packs.add({ ...info, id: `pack:${folder}`, dir }, actor));
    } catch (error) {
      this.packs.removeFiles(dir);
      throw error;
    }
  }

  remove(id: string, actor: string): void {
    if (!this.packs.find(id)) {
      const known = this.registry.list().find((v) => v.id === id);
      if (known) throw new StudioError('invalid_argument', `${known.name} is built in, not an installed pack`, { reason: 'voice_built_in', name: known.name });
    }
    this.packs.remove(id, actor);
  }

  private synthesisInput(
    voiceId: string,
    text: string,
    settings: TtsSettings,
    target: SynthesisInput['target'],
    choices?: Record<string, string>,
  ): SynthesisInput {
    const voice = this.registry.resolve(voiceId);
    const plan = planScript(text, { dictionary: this.deps.reading.dictionary.entries(), ...(choices ? { choices } : {}) });
    if (plan.sentences.length === 0) throw new StudioError('invalid_argument', 'the script is empty', { reason: 'script_empty' });
    return {
      dataDir: this.deps.dataDir,
      plan,
      voice,
      settings,
      target,
      description: `${voiceId} speed ${settings.speed}`,
    };
  }

  /** A short sample or one sentence; answered when its audio is ready (a job runs it). */
  async preview(voiceId: string, text: string, settings: TtsSettings, choices?: Record<string, string>): Promise<TtsPreview> {
    const spokenText = text.trim() || DEFAULT_SAMPLE;
    const key = createHash('sha256').update(JSON.stringify([voiceId, spokenText, settings, choices ?? null])).digest('hex').slice(0, 32);
    const input = this.synthesisInput(voiceId, spokenText, settings, { kind: 'file', path: path.join(PREVIEW_DIR, `${key}.wav`) }, choices);
    const result = await this.deps.jobs.run<'tts.preview', SynthesisInput, SynthesisFile>({ kind: 'tts.preview', worker: SYNTH_WORKER, input });
    this.prunePreviews();
    return {
      media: result.file.replace(/\\/g, '/'),
      durationSec: result.durationSec,
      spoken: input.plan.sentences.map((s) => s.spoken).join('\n'),
      missingPhonemes: result.missingPhonemes,
    };
  }

  private prunePreviews(): void {
    const dir = path.join(this.deps.dataDir, PREVIEW_DIR);
    const files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.wav'))
      .map((f) => ({ f, at: fs.statSync(path.join(dir, f)).mtimeMs }))
      .sort((a, b) => b.at - a.at);
    for (const { f } of files.slice(PREVIEWS_KEPT)) fs.rmSync(path.join(dir, f), { force: true });
  }

  synthesize(
    arg: { voiceId: string; bulletinId?: number; text?: string; outPath?: string; settings: TtsSettings; choices?: Record<string, string> },
    actor: string,
  ): JobInfo<'tts.synthesize'> {
    const bulletin = arg.bulletinId !== undefined ? this.deps.library.bulletins.get(arg.bulletinId) : null;
    const text = arg.text ?? bulletin?.script ?? '';
    const target: SynthesisInput['target'] = arg.outPath ? { kind: 'file', path: path.resolve(arg.outPath) } : { kind: 'asset' };
    const input = this.synthesisInput(arg.voiceId, text, arg.settings, target, arg.choices);
    return this.deps.jobs.start<'tts.synthesize', SynthesisInput, SynthesisFile>({
      kind: 'tts.synthesize',
      subject: bulletin?.title ?? '',
      worker: SYNTH_WORKER,
      input,
      finish: (file) => this.finish(file, bulletin?.id ?? null, bulletin?.title ?? null, arg.outPath !== undefined, actor),
    });
  }

  private finish(file: SynthesisFile, bulletinId: number | null, title: string | null, toOutPath: boolean, actor: string): TtsResult {
    let assetId: number | null = null;
    if (!toOutPath) {
      // The same audio again (the sentence cache made it) is the asset already there.
      assetId =
        this.deps.library.assets.findByFile(file.file)?.id ??
        this.deps.library.assets.add(
          {
            name: `${title ?? 'TTS'} (TTS).wav`,
            file: file.file,
            sha256: file.sha256,
            bytes: file.bytes,
            durationSec: file.durationSec,
            sampleRate: file.sampleRate,
            channels: 1,
            // Measured for normalisation already: the asset comes with its figures.
            loudness: file.loudness,
          },
          actor,
        ).id;
      if (bulletinId !== null) this.deps.library.bulletins.setAudio(bulletinId, { assetId, origin: 'tts' }, actor);
    }
    return {
      assetId,
      bulletinId: toOutPath ? null : bulletinId,
      file: file.file,
      durationSec: file.durationSec,
      sampleRate: file.sampleRate,
      sentences: file.sentences,
      cachedSentences: file.cachedSentences,
      missingPhonemes: file.missingPhonemes,
      loudness: file.loudness,
    };
  }
}
