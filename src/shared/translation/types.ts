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
