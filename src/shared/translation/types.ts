/**
 * Translation domain types (the contract): languages, segments and their states, translation-memory
 * matches, glossary entries, pre-translation drafts and QA findings. No logic, no Node APIs.
 */
import { z } from 'zod';

export const TEXT_DIRECTIONS = ['ltr', 'rtl'] as const;
export type TextDirection = (typeof TEXT_DIRECTIONS)[number];

/** A language a bulletin can be written in. `code` is ISO 639-3 (e.g. "vie", "tyz", "bdq"). */
export const languageSchema = z.object({
  code: z.string().regex(/^[a-z]{3}$/),
  /** Name in Vietnamese ("Tày"). */
  nameVi: z.string().min(1),
  /** Name in the language itself, where known. */
  nameNative: z.string().min(1).nullable(),
  /** ISO 15924 script codes, most used first ("Latn", "Tavt", "Khmr", "Cham"). */
  scripts: z.array(z.string().regex(/^[A-Z][a-z]{3}$/)).min(1),
  direction: z.enum(TEXT_DIRECTIONS),
  /** Where it is spoken, as DOMAIN.md describes it (free text). */
  region: z.string().nullable(),
  builtIn: z.boolean(),
});
export type Language = z.infer<typeof languageSchema>;
export const languageInputSchema = languageSchema.omit({ builtIn: true });
export type LanguageInput = z.infer<typeof languageInputSchema>;

export interface LanguagePair {
  from: string;
  to: string;
}

/** What a segment is, as the splitter saw it. */
export type SegmentKind = 'heading' | 'list-item' | 'sentence';

export interface SourceSegment {
  index: number;
  text: string;
  kind: SegmentKind;
  paragraph: number;
  /** Offsets into the cleaned source text. */
  start: number;
  end: number;
}

export const SEGMENT_STATES = ['new', 'pre-translated', 'edited', 'approved', 'rejected'] as const;
export type SegmentState = (typeof SEGMENT_STATES)[number];

/** Where a pre-translation came from. */
export type PreTranslationOrigin = 'exact-in-context' | 'exact' | 'fuzzy' | 'assembled' | 'machine';

/** A stretch of a draft: covered from the TM/glossary, or left in Vietnamese for the editor. */
export interface DraftSpan {
  text: string;
  covered: boolean;
  /** For covered spans: which source words it translates (a machine span: the whole segment) and where it came from. */
  sourceText: string;
  from?: { kind: 'tm' | 'glossary' | 'copy'; id?: number };
}

export interface SegmentTranslation {
  index: number;
  source: string;
  target: string;
  state: SegmentState;
  origin: PreTranslationOrigin | null;
  /** Fuzzy/exact score 0–100 for TM origins, the engine's confidence × 100 for machine. */
  score: number | null;
  spans: DraftSpan[];
  author: string | null;
  at: string | null;
}

/** OmegaT-style bands of fuzzy scores. */
export type MatchBand = '100' | '95-99' | '85-94' | '75-84' | '50-74';

export interface TmEntry {
  id: number;
  from: string;
  to: string;
  source: string;
  target: string;
  /** Source of the segment just before this one in its bulletin, for in-context matching. */
  previousSource: string | null;
  author: string | null;
  createdAt: string;
  /** The bulletin it was approved in, or the file it was imported from. */
  origin: string | null;
  note: string | null;
}

export interface TmMatch {
  entry: TmEntry;
  score: number;
  band: MatchBand;
  inContext: boolean;
}

export const GLOSSARY_KINDS = ['term', 'do-not-translate'] as const;
export type GlossaryKind = (typeof GLOSSARY_KINDS)[number];

export interface GlossaryEntry {
  id: number;
  from: string;
  to: string;
  term: string;
  /** Required translation; for do-not-translate entries, equal to `term`. */
  translation: string;
  kind: GlossaryKind;
  note: string | null;
}

/** QA finding codes: the screen words them from its locale file (features/translation/locales). */
export const QA_CODES = [
  'qa_number_missing',
  'qa_glossary_not_honoured',
  'qa_do_not_translate_changed',
  'qa_target_empty',
  'qa_target_same_as_source',
  'qa_length_ratio',
  'qa_inconsistent_translation',
  'qa_unbalanced_brackets',
  'qa_unbalanced_quotes',
] as const;
export type QaCode = (typeof QA_CODES)[number];

export interface QaIssue {
  code: QaCode;
  segment: number;
  /** Parameters for the message (the number, the term, the ratio, the other segment …). */
  params: Record<string, string | number>;
}

/** What a legacy import changed, so the screen can show it and undo a wrong guess. */
export interface TextImportChange {
  line: number;
  before: string;
  after: string;
  /** Which repair made the change. */
  reason: 'tcvn3' | 'vni' | 'eth-for-d-stroke' | 'vni-residue' | 'decomposed-marks';
}

export interface TextImport {
  text: string;
  original: string;
  encoding: 'unicode' | 'tcvn3' | 'vni';
  changes: TextImportChange[];
}

/** A segment of a bulletin's translation, as the workbench keeps it. */
export interface TranslationSegment extends SegmentTranslation {
  kind: SegmentKind;
  /** The source bulletin changed here after translation: the editor must review this segment. */
  sourceChanged: boolean;
  /** Paragraph of the source script it came from (0-based), so the target keeps the layout. */
  paragraph?: number;
}

/** A bulletin's translation into one language. `sourceRef` names the source bulletin. */
export interface Translation {
  id: number;
  sourceRef: string | null;
  from: string;
  to: string;
  createdAt: string;
  segments: TranslationSegment[];
  progress: { approved: number; total: number };
}

/** One translation seen from a bulletin: its source and target bulletins (null when deleted). */
export interface TranslationLink {
  translationId: number;
  from: string;
  to: string;
  progress: { approved: number; total: number };
  sourceBulletinId: number | null;
  sourceTitle: string | null;
  targetBulletinId: number | null;
  targetTitle: string | null;
}

/** A bulletin's links: what it is a translation of ("bản dịch của …"), and its translations. */
export interface BulletinTranslations {
  translationOf: TranslationLink | null;
  translations: TranslationLink[];
}

/** A translation as the editor opens it: its segments, links and current QA findings. */
export interface TranslationView extends Translation {
  link: TranslationLink;
  qa: QaIssue[];
  /** The source bulletin was edited since: `translation.refresh` marks the changed segments for review. */
  sourceOutdated: boolean;
  /** The segments' recorded takes and the voices of the target language. */
  voicing: import('./voicing.ts').TranslationVoicing;
}

/** What the editor is offered for one segment. Machine candidates are suggestions, never approved. */
export interface SegmentSuggestions {
  tm: TmMatch[];
  glossary: GlossaryEntry[];
  machine: import('./engine.ts').EngineCandidate[];
}

/** The engines an evaluation can measure: the source copied, the TM (exact only, or full pre-translation), the learned engine. */
export const EVALUATION_ENGINES = ['copy', 'tm-exact', 'tm', 'learned'] as const;
export type EvaluationEngine = (typeof EVALUATION_ENGINES)[number];

/** One recorded evaluation of an engine on a test file. */
export interface EngineEvaluation {
  id: number;
  from: string;
  to: string;
  engine: string;
  segments: number;
  /** chrF++ (sacrebleu chrF2++), 0–100. */
  chrF: number;
  /** BLEU (13a), 0–100. */
  bleu: number;
  /** Share of source words translated rather than copied, 0–1. */
  coverage: number;
  msPerSegment: number;
  testFile: string;
  trainFile: string | null;
  createdAt: string;
}

/** A pair's trained model, as the engine panel shows it. */
export interface LearnedModelInfo {
  from: string;
  to: string;
  pairCount: number;
  trainedAt: string;
  pairsSha256: string;
  file: string;
}

/** An installed neural model pack. */
export interface EnginePack {
  id: string;
  name: string;
  layout: string;
  languages: string[];
  licence: string;
  sizeBytes: number;
  installedAt: string;
}

/** The engine panel for one pair. */
export interface EngineStatus {
  learned: LearnedModelInfo | null;
  packs: EnginePack[];
  /** Pairs in the translation memory the learned engine would train from. */
  memoryPairs: number;
}

/** What a TM or glossary import did. */
export interface TranslationImportResult {
  added: number;
  /** Already there (same source and target). */
  duplicates: number;
  /** Units without both languages (TMX). */
  skipped: number;
}
