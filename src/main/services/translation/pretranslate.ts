/**
 * Pre-translation, the path every language has: a TM match at or above the threshold (in-context
 * exact first), else a plug-in engine's candidate when one serves the pair, else a draft assembled
 * from TM and glossary pieces. The result is always "pre-translated", never approved.
 */
import { StudioError } from '../../../shared/errors.ts';
import { bestCandidates, type CandidateMark, type DraftSpan, type EngineCandidate, type EngineSegment, type SegmentTranslation, type TranslationEngine } from '../../../shared/translation/index.ts';
import { assembleDraft } from './assemble.ts';
import type { Glossary } from './glossary.ts';
import type { TranslationMemory } from './tm.ts';

export interface PreTranslateOptions {
  /** Lowest TM score used as is (default 75: the 75–84 band and above). */
  threshold?: number;
  /** Ask this engine (by id) for segments the TM does not cover; default: none. */
  engine?: string;
  /**
   * Assemble a draft from TM and glossary pieces where nothing else covers a segment (default
   * true). Off, such a segment stays its source, all of it marked uncovered: the exact/fuzzy-only
   * path, measured as a baseline.
   */
  assemble?: boolean;
  signal?: AbortSignal;
}

/** Longest TM source used as an assembly piece: longer pairs are sentences, not phrases. */
const PHRASE_WORDS = 6;

export async function preTranslate(
  deps: { tm: TranslationMemory; glossary: Glossary; engines: TranslationEngine[] },
  segments: EngineSegment[],
  from: string,
  to: string,
  options: PreTranslateOptions = {},
): Promise<SegmentTranslation[]> {
  const threshold = options.threshold ?? 75;
  const at = new Date().toISOString();
  const results = new Map<number, SegmentTranslation>();
  const rest: EngineSegment[] = [];
  for (const segment of segments) {
    if (options.signal?.aborted) throw new StudioError('cancelled', 'pre-translation cancelled');
    const [best] = deps.tm.lookup(from, to, segment.text, { previousSource: segment.previous ?? null, minScore: threshold, limit: 1 });
    if (!best) {
      rest.push(segment);
      continue;
    }
    results.set(segment.index, {
      index: segment.index,
      source: segment.text,
      target: best.entry.target,
      state: 'pre-translated',
      origin: best.inContext ? 'exact-in-context' : best.score === 100 ? 'exact' : 'fuzzy',
      score: best.score,
      spans: [{ text: best.entry.target, covered: true, sourceText: segment.text, from: { kind: 'tm', id: best.entry.id } }],
      author: null,
      at,
    });
  }

  if (options.engine && rest.length > 0) {
    const engine = deps.engines.find((e) => e.id === options.engine);
    if (!engine) throw new StudioError('not_found', `no translation engine ${options.engine}`, { kind: 'engine', id: options.engine });
    if (!engine.supports(from, to)) throw new StudioError('invalid_argument', 'engine does not serve this pair', { engine: engine.id, from, to });
    const candidates = await engine.translate(rest, from, to, options.signal ? { signal: options.signal } : {});
    bestCandidates(rest, candidates).forEach((best, k) => {
      const segment = rest[k]!;
      if (!best) return;
      results.set(segment.index, {
        index: segment.index, source: segment.text, target: best.text, state: 'pre-translated', origin: 'machine',
        score: Math.round(best.confidence * 100), spans: machineSpans(segment.text, best), author: null, at,
      });
    });
  }

  if (options.assemble === false) {
    for (const segment of rest) {
      if (results.has(segment.index)) continue;
      results.set(segment.index, {
        index: segment.index, source: segment.text, target: segment.text, state: 'pre-translated', origin: null,
        score: null, spans: [{ text: segment.text, covered: false, sourceText: segment.text }], author: null, at,
      });
    }
  }

  const tables = {
    glossary: deps.glossary.table(from, to),
    tm: deps.tm.phrases(from, to, PHRASE_WORDS),
    tmMaxWords: PHRASE_WORDS,
  };
  for (const segment of rest) {
    if (results.has(segment.index)) continue;
    const { target, spans } = assembleDraft(segment.text, tables);
    results.set(segment.index, {
      index: segment.index, source: segment.text, target, state: 'pre-translated', origin: 'assembled',
      score: null, spans, author: null, at,
    });
  }
  return segments.map((s) => results.get(s.index)!);
}

/**
 * A machine candidate as draft spans: the words the engine copied because it never saw them are
 * uncovered spans (marked for the editor, as in an assembled draft); the rest is covered. An
 * engine does not say which source words each covered stretch translates: those carry the whole
 * segment as their source.
 */
function machineSpans(source: string, candidate: EngineCandidate): DraftSpan[] {
  const unknown = candidate.marks.filter((m) => m.kind === 'unknown').sort((a, b) => a.start - b.start);
  const spans: DraftSpan[] = [];
  let position = 0;
  for (const mark of unknown) {
    if (mark.start < position) continue;
    if (mark.start > position) spans.push({ text: candidate.text.slice(position, mark.start), covered: true, sourceText: source });
    const copied = candidate.text.slice(mark.start, mark.end);
    spans.push({ text: copied, covered: false, sourceText: copied });
    position = mark.end;
  }
  if (position < candidate.text.length || spans.length === 0) spans.push({ text: candidate.text.slice(position), covered: true, sourceText: source });
  return spans;
}

/** Uncovered spans of a draft as marks on its target (the spans, joined, are the target). */
function uncoveredMarks(draft: SegmentTranslation): CandidateMark[] {
  const marks: CandidateMark[] = [];
  let offset = 0;
  for (const span of draft.spans) {
    if (!span.covered && span.text.trim()) marks.push({ start: offset, end: offset + span.text.length, kind: 'unknown' });
    offset += span.text.length;
  }
  return marks;
}

/**
 * The TM + glossary path as an engine, so callers that only know the interface can use it too
 * (and so it is measured exactly as the workbench pre-translates). `tm-exact`: exact matches only.
 */
export function memoryEngine(deps: { tm: TranslationMemory; glossary: Glossary }, kind: 'tm' | 'tm-exact' = 'tm'): TranslationEngine {
  const only = kind === 'tm-exact' ? { threshold: 100, assemble: false } : {};
  return {
    id: kind,
    supports: () => true,
    async translate(segments, from, to, options) {
      const drafts = await preTranslate({ ...deps, engines: [] }, segments, from, to, { ...only, ...(options?.signal ? { signal: options.signal } : {}) });
      return drafts.map((d) => {
        const words = d.spans.filter((s) => s.text.trim()).length || 1;
        const covered = d.spans.filter((s) => s.covered && s.text.trim()).length;
        return { index: d.index, text: d.target, confidence: d.score !== null ? d.score / 100 : covered / words, engine: kind, marks: uncoveredMarks(d) };
      });
    },
  };
}
