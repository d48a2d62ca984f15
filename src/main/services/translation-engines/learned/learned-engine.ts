/** The learned engine in this thread: a loaded model that translates segments. */
import { StudioError } from '../../../../shared/errors.ts';
import { canonicalLanguageCode, type EngineCandidate, type EngineOptions, type EngineSegment, type TranslationEngine } from '../../../../shared/translation/index.ts';
import { decode, type DecodeSettings, type DecoderWeights } from './decoder.ts';
import { LanguageModel } from './language-model.ts';
import type { ModelData, ModelHeader } from './model-file.ts';
import type { PhraseTable } from './phrases.ts';
import { render } from './render.ts';
import { tokenize } from './text.ts';

export class LearnedEngine implements TranslationEngine {
  readonly id: string;
  readonly header: ModelHeader;
  private readonly table: PhraseTable;
  private readonly lm: LanguageModel;
  private settings: DecodeSettings;

  constructor(model: ModelData) {
    this.header = model.header;
    this.id = `learned:${model.header.from}-${model.header.to}`;
    this.table = new Map(model.phrases);
    this.lm = new LanguageModel(model.languageModel);
    this.settings = model.settings;
  }

  /** For tuning the weights on a development split. */
  withWeights(weights: Partial<DecoderWeights>): this {
    this.settings = { ...this.settings, weights: { ...this.settings.weights, ...weights } };
    return this;
  }

  supports(from: string, to: string): boolean {
    return canonicalLanguageCode(from) === canonicalLanguageCode(this.header.from) && canonicalLanguageCode(to) === canonicalLanguageCode(this.header.to);
  }

  async translate(segments: EngineSegment[], from: string, to: string, options: EngineOptions = {}): Promise<EngineCandidate[]> {
    return this.translateSync(segments, from, to, options);
  }

  translateSync(segments: EngineSegment[], from: string, to: string, options: EngineOptions = {}): EngineCandidate[] {
    if (!this.supports(from, to)) {
      throw new StudioError('invalid_argument', `model is ${this.header.from}→${this.header.to}`, { from, to });
    }
    const count = Math.max(1, options.maxCandidates ?? 1);
    return segments.flatMap((segment, done) => {
      if (options.signal?.aborted) throw new StudioError('cancelled', 'translation cancelled');
      const candidates = this.decodeOne(segment, count, options);
      options.onProgress?.((done + 1) / segments.length);
      return candidates;
    });
  }

  private decodeOne({ index, text: source }: EngineSegment, count: number, options: EngineOptions): EngineCandidate[] {
    const tokens = tokenize(source);
    const wordCount = tokens.filter((t) => t.kind === 'word').length;
    return decode(tokens, this.table, this.lm, options.glossary ?? [], this.settings, count).map(({ options: chosen }) => {
      const { text, marks } = render(tokens, chosen);
      let unknownWords = 0;
      let logForward = 0;
      let phrases = 0;
      for (const option of chosen) {
        if (option.kind === 'unknown') unknownWords += option.end - option.start;
        if (option.kind === 'phrase') {
          logForward += option.forward;
          phrases++;
        }
      }
      const coverage = wordCount === 0 ? 1 : (wordCount - unknownWords) / wordCount;
      const confidence = coverage * Math.exp(phrases === 0 ? 0 : logForward / phrases);
      return { index, text, confidence: Math.round(confidence * 1000) / 1000, engine: this.id, marks };
    });
  }
}
