/**
 * Piper voices (.onnx + .onnx.json): espeak-ng phonemes → Piper phoneme ids → onnxruntime-node,
 * with scales (noise, length, noise_w), multi-speaker `sid` and `phoneme_silence`.
 */
import { StudioError } from '../../../shared/errors.ts';
import { missingList, type EngineAudio, type EngineSettings, type TtsEngine } from './engine.ts';
import { espeakPhonemize } from './espeak.ts';
import { checkTensorNames, openSession, ort } from './onnx-session.ts';
import { readPiperConfig, type PiperConfig } from './piper-config.ts';
import { phonemesToIds } from './piper-phonemes.ts';

export const PIPER_INPUTS = [{ name: 'input' }, { name: 'input_lengths' }, { name: 'scales' }, { name: 'sid', optional: true }];

export class PiperEngine implements TtsEngine {
  readonly engine = 'piper' as const;

  private constructor(
    private readonly session: ort.InferenceSession,
    readonly config: PiperConfig,
    private readonly multiSpeaker: boolean,
  ) {}

  /** Loads `<model>.onnx` with `<model>.onnx.json` (or an explicit config path). */
  static async load(modelPath: string, configPath = `${modelPath}.json`): Promise<PiperEngine> {
    const config = readPiperConfig(configPath);
    const session = await openSession(modelPath);
    checkTensorNames(session, PIPER_INPUTS, [], 'Piper');
    if (session.outputNames.length < 1) throw new StudioError('unsupported_format', 'Piper voice: the model has no output');
    const multiSpeaker = session.inputNames.includes('sid');
    if (multiSpeaker && config.speakers.length === 0) {
      config.speakers.push({ id: 0, name: '#0' });
    }
    return new PiperEngine(session, config, multiSpeaker);
  }

  async synthesize(sentence: string, settings: EngineSettings): Promise<EngineAudio> {
    const phonemes = await espeakPhonemize(sentence, this.config.espeakVoice);
    const { chunks, silenceAfter, missing } = phonemesToIds(phonemes, this.config);
    const scales = Float32Array.from([
      settings.noiseScale ?? this.config.noiseScale,
      this.config.lengthScale / settings.speed,
      settings.noiseW ?? this.config.noiseW,
    ]);
    const speaker = settings.speaker ?? 0;
    if (this.multiSpeaker && !this.config.speakers.some((s) => s.id === speaker)) {
      throw new StudioError('invalid_argument', `the voice has no speaker ${speaker}`);
    }
    const parts: Float32Array[] = [];
    let inferenceMs = 0;
    for (let i = 0; i < chunks.length; i++) {
      const ids = chunks[i]!;
      // A phrase of only BOS/pad/EOS has nothing to say.
      if (ids.length <= 3) continue;
      const feeds: Record<string, ort.Tensor> = {
        input: new ort.Tensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]),
        input_lengths: new ort.Tensor('int64', BigInt64Array.from([BigInt(ids.length)]), [1]),
        scales: new ort.Tensor('float32', scales, [3]),
      };
      if (this.multiSpeaker) feeds.sid = new ort.Tensor('int64', BigInt64Array.from([BigInt(speaker)]), [1]);
      const started = performance.now();
      const result = await this.session.run(feeds);
      inferenceMs += performance.now() - started;
      const output = result[this.session.outputNames[0]!]!;
      parts.push(output.data as Float32Array);
      const silence = silenceAfter[i]!;
      if (silence > 0) parts.push(new Float32Array(Math.round(silence * this.config.sampleRate)));
    }
    const length = parts.reduce((n, p) => n + p.length, 0);
    const samples = new Float32Array(length);
    let offset = 0;
    for (const part of parts) {
      samples.set(part, offset);
      offset += part.length;
    }
    return { samples, sampleRate: this.config.sampleRate, missingPhonemes: missingList(missing), inferenceMs };
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }
}
