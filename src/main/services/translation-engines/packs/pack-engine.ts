/**
 * A translation pack behind the engine interface the workbench calls (src/shared/translation/engine.ts).
 * Kept thin on purpose: the runner does the work; this only shapes its answers into candidates.
 */
import { canonicalLanguageCode, type EngineCandidate, type EngineOptions, type EngineSegment, type TranslationEngine } from '../../../../shared/translation/engine.ts';
import type { PackRunner } from './pack-runner.ts';

export class PackTranslationEngine implements TranslationEngine {
  readonly id: string;

  constructor(
    packId: string,
    private readonly runner: PackRunner,
  ) {
    this.id = `pack:${packId}`;
  }

  supports(from: string, to: string): boolean {
    const languages = new Set(this.runner.info.languages.map(canonicalLanguageCode));
    return languages.has(canonicalLanguageCode(from)) && languages.has(canonicalLanguageCode(to));
  }

  /** Greedy decoding gives one candidate per segment, whatever `maxCandidates` asks for. */
  async translate(segments: EngineSegment[], from: string, to: string, options: EngineOptions = {}): Promise<EngineCandidate[]> {
    const translations = await this.runner.translate(segments.map((s) => s.text), from, to, options.signal);
    return translations.flatMap(({ text, confidence }, i) => (text ? [{ index: segments[i]!.index, text, confidence, engine: this.id, marks: [] }] : []));
  }
}
