/**
 * Translation of bulletins into the communes' languages (issues 12, 13): languages, the workbench
 * (a bulletin's translation into a new, linked target-language bulletin; segments edited and
 * approved, approved ones entering the translation memory), TM and glossary exchange and search,
 * and the engines (`translation.engine.*`): the learned engine trained as a job, evaluations as jobs.
 */
import { z } from 'zod';
import { Id } from './define.ts';
import { type JobInfo } from './jobs.ts';
import { label, multiLineText, userPath } from '../text.ts';
import {
  EVALUATION_ENGINES,
  languageInputSchema,
  type BulletinTranslations,
  type EngineCandidate,
  type EngineEvaluation,
  type EnginePack,
  type EngineStatus,
  type GlossaryEntry,
  type Language,
  type SegmentSuggestions,
  type TextImport,
  type TmEntry,
  type TranslationImportResult,
  type TranslationLink,
  type TranslationSegment,
  type TranslationView,
  type SegmentTake,
  type TranslationAssembleResult,
} from '../translation/index.ts';
import { request } from './define.ts';

/** A language code as people type it ("vi", "tyz", "bdq"); stored as ISO 639-3. */
const Code = z.string().trim().toLowerCase().regex(/^[a-z]{2,3}$/, 'ISO 639 code, e.g. vi, tyz');
const Pair = { from: Code, to: Code };
const SegmentRef = { id: Id, index: z.number().int().min(0).max(100_000) };
/** The segment text an editor types: one segment, no line breaks needed but tolerated. */
const SegmentText = multiLineText(5000);

/** The learned engine's training job: the model file written and its header. */
export interface TranslationTrainResult {
  file: string;
  header: { from: string; to: string; pairCount: number; pairsSha256: string; trainedAt: string; trainingSeconds: number };
}

/** An evaluation job's figures (the hypotheses go to `outPath`): those of a recorded evaluation. */
export type TranslationEvaluationFigures = Pick<EngineEvaluation, 'engine' | 'segments' | 'chrF' | 'bleu' | 'coverage' | 'msPerSegment'>;

/** The jobs this domain starts, by kind, and what each returns. */
export interface TranslationJobResults {
  'translation.train': TranslationTrainResult;
  'translation.evaluate': TranslationEvaluationFigures;
  /** A neural model pack validated and installed. */
  'translation.pack.install': EnginePack;
  /** The learned engine translating segments off the main thread (machine suggestions). */
  'translation.translate': EngineCandidate[];
  /** The bulletin's audio assembled from the segments' takes and synthesised speech. */
  'translation.assemble': TranslationAssembleResult;
  /** The assembly's signal work: pieces levelled, joined with pauses, normalised (a step of `translation.assemble`). */
  'translation.mix': TranslationMixResult;
}

/** What the mixing step writes: the joined audio file and where each piece landed. */
export interface TranslationMixResult {
  file: string;
  durationSec: number;
  loudness: import('./audio.ts').LoudnessResult;
  pieces: { index: number; startSec: number; durationSec: number; gainDb: number }[];
}

export const translationRequests = {
  'translation.language.list': request<Language[]>()(z.strictObject({})),
  /** Adds or edits a language (a province may add one). */
  'translation.language.save': request<Language>()(languageInputSchema.strict()),

  /** Translates a bulletin into `to`: a new target-language bulletin linked to it, pre-translated. */
  'translation.start': request<TranslationView>()(
    z.strictObject({ bulletinId: Id, to: Code, engine: z.enum(['learned']).optional() }),
  ),
  'translation.get': request<TranslationView>()(z.strictObject({ id: Id })),
  /** Translations of bulletins, newest first. */
  'translation.list': request<TranslationLink[]>()(z.strictObject({ limit: z.number().int().min(1).max(500).default(100) })),
  /** What a bulletin is a translation of, and its translations. */
  'translation.links': request<BulletinTranslations>()(z.strictObject({ bulletinId: Id })),
  /** The source bulletin changed: re-segment, keep what is unchanged, mark the rest for review. */
  'translation.refresh': request<TranslationView>()(z.strictObject({ id: Id })),

  'translation.segment.update': request<TranslationSegment>()(z.strictObject({ ...SegmentRef, target: SegmentText })),
  /** Approves a segment; it enters the translation memory. */
  'translation.segment.approve': request<TranslationSegment>()(z.strictObject(SegmentRef)),
  'translation.segment.reject': request<TranslationSegment>()(z.strictObject(SegmentRef)),
  /** TM matches, glossary terms and machine candidates ("máy dịch") for one segment. */
  'translation.segment.suggest': request<SegmentSuggestions>()(z.strictObject(SegmentRef)),

  /** Imports a TMX 1.4b, TSV or CSV file of pairs into the pair's memory. */
  'translation.tm.import': request<TranslationImportResult>()(z.strictObject({ path: userPath(), ...Pair })),
  /** Exports the pair's memory as TMX (.tmx) or TSV/CSV (by the file's extension). */
  'translation.tm.export': request<{ count: number }>()(z.strictObject({ path: userPath(), ...Pair })),
  /** Concordance: pairs whose source or target contains the text. */
  'translation.tm.search': request<TmEntry[]>()(
    z.strictObject({ ...Pair, text: label(500, 1), limit: z.number().int().min(1).max(500).default(50) }),
  ),
  'translation.glossary.list': request<GlossaryEntry[]>()(z.strictObject(Pair)),
  'translation.glossary.import': request<TranslationImportResult>()(z.strictObject({ path: userPath(), ...Pair })),
  'translation.glossary.export': request<{ count: number }>()(z.strictObject({ path: userPath(), ...Pair })),

  /** Attaches a recorded take (an audio asset) to a segment; a take already there is replaced. */
  'translation.take.attach': request<SegmentTake>()(z.strictObject({ ...SegmentRef, assetId: Id })),
  /** Unlinks a segment's take (the recording stays in the library). */
  'translation.take.remove': request<{ removed: true }>()(z.strictObject(SegmentRef)),
  /**
   * Assembles the target bulletin's audio as a job `translation.assemble`: each segment's take, or
   * its text spoken by `voiceId` (default: the first voice of the target language; null: takes
   * only), with pauses,
   * at the broadcast loudness target. Refused when a segment has neither take nor voice.
   */
  'translation.assemble': request<JobInfo<'translation.assemble'>>()(
    z.strictObject({ id: Id, voiceId: label(300, 1).nullable().optional() }),
  ),

  /** Reads a .txt or .docx bulletin from Word: TCVN3/VNI and leftovers converted, each change listed for undo. */
  'translation.text.import': request<TextImport>()(z.strictObject({ path: userPath() })),

  /** The pair's learned model, installed packs and TM size. */
  'translation.engine.status': request<EngineStatus>()(z.strictObject(Pair)),
  /** Trains the learned engine from the pair's TM (or a TSV of pairs) as a job `translation.train`. */
  'translation.engine.train': request<JobInfo<'translation.train'>>()(z.strictObject({ ...Pair, pairsPath: userPath().optional() })),
  /** Measures an engine on a test TSV as a job `translation.evaluate`; the figures are recorded. */
  'translation.engine.evaluate': request<JobInfo<'translation.evaluate'>>()(
    z.strictObject({
      ...Pair,
      engine: z.enum(EVALUATION_ENGINES),
      testPath: userPath(),
      trainPath: userPath().optional(),
      outPath: userPath().optional(),
    }),
  ),
  /** Installs a neural model pack (folder or .zip) as a job `translation.pack.install`. */
  'translation.engine.pack.install': request<JobInfo<'translation.pack.install'>>()(z.strictObject({ path: userPath() })),
  'translation.engine.pack.remove': request<{ removed: true }>()(z.strictObject({ id: label(200, 1) })),
  /** Recorded evaluations, newest first (one pair, or all). */
  'translation.engine.evaluations': request<EngineEvaluation[]>()(
    z.strictObject({ from: Code.optional(), to: Code.optional() }),
  ),
} as const;
