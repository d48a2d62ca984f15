/**
 * A translation pack behind the engine interface the workbench calls (src/shared/translation-engine.ts).
 * Kept thin on purpose: the runner does the work; this only shapes its answers into candidates.
 */
import type { TranslateOptions, TranslationCandidate, TranslationEngine } from '../../../../shared/translation-engine.ts';
import type { PackRunner } from './pack-runner.ts';

export class PackTranslationEngine implements TranslationEngine {
  readonly id: string;

  constructor(
    packId: string,
    private readonly runner: PackRunner,
  ) {
    this.id = `pack:${packId}`;
  }

  /** Greedy decoding gives one candidate per segment, whatever `maxCandidates` asks for. */
  async translate(segments: string[], from: string, to: string, options: TranslateOptions = {}): Promise<TranslationCandidate[][]> {
    const translations = await this.runner.translate(segments, from, to, options.signal);
    return translations.map(({ text, confidence }) => (text ? [{ text, confidence, engine: this.id, marks: [] }] : []));
  }
}
