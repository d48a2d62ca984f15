/**
 * The translation service: languages, translation memory, glossary, segmentation, pre-translation
 * (TM + glossary, plus plug-in engines), QA and legacy text import. Its one public face.
 *
 *   const translation = createTranslation({ db });
 *   translation.tm.importFile('train.tsv', 'vi', 'tyz');
 *   const work = await translation.workbench.start(script, 'vi', 'tyz');
 *
 * Language codes may be given as users type them ("vi"); they are stored as ISO 639-3 ("vie").
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { readUserFile } from '../files/index.ts';
import { StudioError } from '../../../shared/errors.ts';
import type { EngineSegment, LanguageInput, TranslationEngine } from '../../../shared/translation/index.ts';
import { createBulletinTranslations, type BulletinAccess } from './bulletins.ts';
import { exportGlossaryFile, exportTmFile, importGlossaryFile, importTmFile } from './files.ts';
import { createGlossary, type GlossaryInput } from './glossary.ts';
import { createLanguages } from './languages.ts';
import { memoryEngine, preTranslate, type PreTranslateOptions } from './pretranslate.ts';
import { checkBulletin, type QaSegment } from './qa.ts';
import { segmentScript } from './segment.ts';
import { importText, importTextFile } from './text-import.ts';
import type { TakeAssets } from './takes.ts';
import { createTranslationMemory, type LookupOptions, type TmInput } from './tm.ts';
import type { VoicingDeps } from './voicing.ts';
import { createWorkbench, type StartOptions } from './workbench.ts';

export type { ImportResult } from './files.ts';
export type { BulletinAccess } from './bulletins.ts';
export { composeScript } from './bulletins.ts';
export { checkReadableFile, checkWritableFile } from './files.ts';
export type { GlossaryInput } from './glossary.ts';
export type { PreTranslateOptions } from './pretranslate.ts';
export type { QaSegment } from './qa.ts';
export type { Segmented } from './segment.ts';
export type { LookupOptions, TmInput } from './tm.ts';
export type { StartOptions } from './workbench.ts';
export type { TakeAssets } from './takes.ts';
export type { VoicingDeps } from './voicing.ts';
export { fuzzyScore, bandOf } from './fuzzy.ts';
export { tokenKeys, normaliseText } from './text.ts';
export { parsePairs, type PairsFormat } from './pairs-file.ts';

export interface TranslationDeps {
  /** The studio database, migrated (migrations 100–102 hold this service's tables). */
  db: Database;
  /** Learned engines (src/main/services/translation-engines/), asked by id in pre-translation. */
  engines?: TranslationEngine[];
  /** Written into exported TMX headers. */
  version?: string;
  /** The library's bulletins, for translating a bulletin into a new one (`bulletins.*`). */
  library?: BulletinAccess;
  /** Told after a bulletin's segment is approved: the engines retrain a pair when enough is new. */
  onApproved?: (from: string, to: string) => void;
  /** The library's assets: a segment's recorded take is one (issue 12 §9). */
  assets?: TakeAssets;
  /** Jobs, voices, synthesis and import, for assembling a translation's audio. */
  voicing?: VoicingDeps;
}

/** A bulletin file (.txt, .docx) larger than this is not a bulletin. */
const MAX_TEXT_FILE_BYTES = 20 * 1024 * 1024;

export function createTranslation(deps: TranslationDeps) {
  const { db } = deps;
  const languages = createLanguages(db);
  const memory = createTranslationMemory(db);
  const terms = createGlossary(db);
  const engines = deps.engines ?? [];
  const workbench = createWorkbench(db, { tm: memory, glossary: terms, engines });
  const pair = (from: string, to: string): [string, string] => [languages.resolve(from), languages.resolve(to)];
  /** An engine over this service's tables takes codes as users type them, like the rest of the face. */
  const resolving = (engine: TranslationEngine): TranslationEngine => ({
    id: engine.id,
    supports: (from, to) => engine.supports(from, to),
    translate: (segments, from, to, options) => engine.translate(segments, ...pair(from, to), options),
  });

  const bulletins = () => {
    if (!deps.library) throw new StudioError('internal', 'translation service opened without the library');
    return createBulletinTranslations({
      db, workbench, tm: memory, glossary: terms, engines, library: deps.library, onApproved: deps.onApproved, assets: deps.assets, voicing: deps.voicing,
      language: (code) => languages.get(languages.resolve(code))!,
    });
  };
  const bulletinTranslations = deps.library ? bulletins() : null;
  const linked = () => bulletinTranslations ?? bulletins();

  return {
    /** Bulletins and their translations: start, open, edit/approve with the target bulletin kept in step. */
    bulletins: {
      start: (bulletinId: number, to: string, actor: string, options?: { engine?: string }) => linked().start(bulletinId, to, actor, options),
      view: (id: number) => linked().view(id),
      links: (bulletinId: number) => linked().links(bulletinId),
      list: (limit?: number) => linked().list(limit),
      edit: (id: number, index: number, target: string, actor: string) => linked().edit(id, index, target, actor),
      approve: (id: number, index: number, actor: string) => linked().approve(id, index, actor),
      reject: (id: number, index: number, actor: string) => linked().reject(id, index, actor),
      refresh: (id: number, actor: string) => linked().refresh(id, actor),
      suggestions: (id: number, index: number, signal?: AbortSignal) => linked().suggestions(id, index, signal),
    },
    /** Voicing (issue 12 §9): takes recorded per segment, and the target bulletin's audio assembled. */
    voicing: {
      attachTake: (id: number, index: number, assetId: number, actor: string) => linked().attachTake(id, index, assetId, actor),
      removeTake: (id: number, index: number) => linked().removeTake(id, index),
      assemble: (id: number, actor: string, voiceId?: string | null) => linked().assemble(id, actor, voiceId),
    },
    languages: {
      list: languages.list,
      get: (code: string) => languages.get(languages.resolve(code)),
      save: (input: LanguageInput) => languages.save(input),
      remove: (code: string) => languages.remove(languages.resolve(code)),
    },
    tm: {
      add: (from: string, to: string, inputs: TmInput[]) => memory.add(...pair(from, to), inputs),
      lookup: (from: string, to: string, text: string, options?: LookupOptions) => memory.lookup(...pair(from, to), text, options),
      search: (from: string, to: string, text: string, limit?: number) => memory.search(...pair(from, to), text, limit),
      entries: (from: string, to: string) => memory.entries(...pair(from, to)),
      count: (from: string, to: string) => memory.count(...pair(from, to)),
      importFile: (file: string, from: string, to: string) => importTmFile(memory, file, ...pair(from, to)),
      exportFile: (file: string, from: string, to: string) => exportTmFile(memory, file, ...pair(from, to), deps.version ?? '0'),
    },
    glossary: {
      add: (from: string, to: string, inputs: GlossaryInput[]) => terms.add(...pair(from, to), inputs),
      entries: (from: string, to: string) => terms.entries(...pair(from, to)),
      remove: (id: number) => terms.remove(id),
      termsIn: (from: string, to: string, text: string) => terms.termsIn(...pair(from, to), text),
      importFile: (file: string, from: string, to: string) => importGlossaryFile(terms, file, ...pair(from, to)),
      exportFile: (file: string, from: string, to: string) => exportGlossaryFile(terms, file, ...pair(from, to)),
    },
    segment: segmentScript,
    preTranslate: (segments: EngineSegment[], from: string, to: string, options?: PreTranslateOptions) =>
      preTranslate({ tm: memory, glossary: terms, engines }, segments, ...pair(from, to), options),
    /** The TM + glossary path behind the engine interface. */
    memoryEngine: resolving(memoryEngine({ tm: memory, glossary: terms })),
    /** Exact TM matches only (no fuzzy, no assembly): a baseline for measuring the other paths. */
    exactMemoryEngine: resolving(memoryEngine({ tm: memory, glossary: terms }, 'tm-exact')),
    qa: (segments: QaSegment[], from: string, to: string) => {
      const [f, t] = pair(from, to);
      return checkBulletin(segments, { termsIn: (source) => terms.termsIn(f, t, source), usualRatio: memory.lengthRatio(f, t) });
    },
    workbench: {
      start: (script: string, from: string, to: string, options?: StartOptions) => workbench.start(script, ...pair(from, to), options),
      get: workbench.get,
      updateSource: workbench.updateSource,
      edit: workbench.edit,
      approve: workbench.approve,
      reject: workbench.reject,
      qa: workbench.qa,
    },
    importText,
    importTextFile,
    /** Reads a .txt or .docx bulletin (legacy TCVN3/VNI fonts converted, each change listed for undo). */
    importTextPath: async (file: string) => importTextFile(await readUserFile(file, { maxBytes: MAX_TEXT_FILE_BYTES }), path.basename(file)),
  };
}

export type TranslationService = ReturnType<typeof createTranslation>;
