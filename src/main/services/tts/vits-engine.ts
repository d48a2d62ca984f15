/**
 * VITS / MMS voices in the transformers.js layout (config.json, tokenizer.json, onnx/model.onnx)
 * through @huggingface/transformers on onnxruntime-node, for Vietnamese and the ethnic languages
 * with such voices (Bahnar bdq, Central Mnong cmo, Khmer khm, Tai Dam blt, Khmu kjg).
 * transformers.js is configured for local files only: it never reaches for a network.
 */
import path from 'node:path';
import { StudioError } from '../../../shared/errors.ts';
import type { EngineAudio, EngineSettings, TtsEngine } from './engine.ts';
import { timeStretch } from './time-stretch.ts';
import { offlineTransformers, type Transformers } from '../model-packs/index.ts';

type Tokenizer = Awaited<ReturnType<Transformers['AutoTokenizer']['from_pretrained']>>;
type Model = Awaited<ReturnType<Transformers['VitsModel']['from_pretrained']>>;

/** transformers.js resolves `localModelPath + id`; loads are serialised so the global stays right. */
let loadQueue: Promise<unknown> = Promise.resolve();

export class VitsEngine implements TtsEngine {
  readonly engine = 'vits' as const;

  private constructor(
    private readonly tokenizer: Tokenizer,
    private readonly model: Model,
    readonly sampleRate: number,
  ) {}

  static load(dir: string): Promise<VitsEngine> {
    const next = loadQueue.then(async () => {
      const t = await offlineTransformers();
      t.env.localModelPath = path.dirname(path.resolve(dir)) + path.sep;
      const id = path.basename(path.resolve(dir));
      let tokenizer: Tokenizer;
      let model: Model;
      try {
        tokenizer = await t.AutoTokenizer.from_pretrained(id, { local_files_only: true });
      } catch (error) {
        throw new StudioError('unsupported_format', `VITS tokenizer cannot be loaded: ${(error as Error).message.split('\n')[0]}`, { reason: 'vits_tokenizer_unreadable' });
      }
      try {
        model = await t.VitsModel.from_pretrained(id, { local_files_only: true, dtype: 'fp32', device: 'cpu' });
      } catch (error) {
        throw new StudioError('unsupported_format', `VITS model cannot be loaded: ${(error as Error).message.split('\n')[0]}`, { reason: 'vits_model_unreadable' });
      }
      const sampleRate = Number((model.config as unknown as { sampling_rate?: number }).sampling_rate);
      if (!Number.isFinite(sampleRate) || sampleRate < 8000) {
        throw new StudioError('unsupported_format', 'VITS config.json has no sampling_rate', { reason: 'vits_no_sampling_rate' });
      }
      const session = (model as unknown as { sessions: Record<string, { inputNames: string[]; outputNames: string[] }> }).sessions.model;
      if (!session || !session.inputNames.includes('input_ids') || !session.outputNames.includes('waveform')) {
        throw new StudioError(
          'unsupported_format',
          `VITS voice: the model's tensors are [${session?.inputNames.join(', ')}] → [${session?.outputNames.join(', ')}], expected input_ids, attention_mask → waveform`,
        );
      }
      return new VitsEngine(tokenizer, model, sampleRate);
    });
    loadQueue = next.catch(() => undefined);
    return next;
  }

  async synthesize(sentence: string, settings: EngineSettings): Promise<EngineAudio> {
    const inputs = this.tokenizer(sentence);
    const started = performance.now();
    const { waveform } = (await this.model(inputs)) as { waveform: { data: Float32Array } };
    const inferenceMs = performance.now() - started;
    // The exported graph bakes in its speaking rate, so speed is applied to the audio instead.
    const samples = settings.speed === 1 ? waveform.data : timeStretch(waveform.data, this.sampleRate, settings.speed);
    return { samples, sampleRate: this.sampleRate, missingPhonemes: [], inferenceMs };
  }

  async dispose(): Promise<void> {
    await this.model.dispose();
  }
}
