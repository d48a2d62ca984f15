/**
 * Translating a bulletin: the workbench's translation of its script plus a new bulletin in the
 * target language, linked both ways (the source lists its translations, the target says whose
 * translation it is), with the source's category, priority, target areas and schedule. The target
 * bulletin's script follows the segments as they are edited, and it goes through the same
 * approval and delivery as any bulletin.
 */
import type { Database } from 'better-sqlite3';
import type { AudioOrigin, Bulletin, BulletinFields } from '../../../shared/api/library-types.ts';
import { StudioError } from '../../../shared/errors.ts';
import type {
  BulletinTranslations,
  EngineCandidate,
  Language,
  SegmentSuggestions,
  SegmentTake,
  TranslationEngine,
  TranslationLink,
  TranslationSegment,
  TranslationView,
} from '../../../shared/translation/index.ts';
import type { Glossary } from './glossary.ts';
import { segmentScript } from './segment.ts';
import { exactKey } from './text.ts';
import { createTakes, type TakeAssets } from './takes.ts';
import type { TranslationMemory } from './tm.ts';
import { createVoicing, type VoicingDeps } from './voicing.ts';
import type { Workbench } from './workbench.ts';

/** What the translation service needs of the library's bulletins (its face, narrowed). */
export interface BulletinAccess {
  get(id: number): Bulletin;
  create(fields: Partial<BulletinFields> & { title: string }, actor: string): Bulletin;
  update(id: number, changes: Partial<BulletinFields>, actor: string): Bulletin;
  setAudio(id: number, audio: { assetId: number; origin: AudioOrigin }, actor: string): Bulletin;
}

interface Deps {
  db: Database;
  workbench: Workbench;
  tm: TranslationMemory;
  glossary: Glossary;
  engines: TranslationEngine[];
  library: BulletinAccess;
  language: (code: string) => Language;
  /** Told after a segment is approved (the memory grew): the engines may retrain the pair. */
  onApproved?: (from: string, to: string) => void;
  /** The library's assets: a segment's take is one. */
  assets?: TakeAssets;
  /** Jobs, voices, synthesis and import for voicing (takes need only `assets`). */
  voicing?: VoicingDeps;
}

interface LinkRow {
  id: number;
  src_lang: string;
  tgt_lang: string;
  source_bulletin_id: number | null;
  target_bulletin_id: number | null;
}

/**
 * The target script from the segments: paragraphs as in the source, headings and list items on
 * lines of their own, sentences of a paragraph joined by a space. Empty targets are left out.
 */
export function composeScript(segments: readonly TranslationSegment[]): string {
  const paragraphs: string[] = [];
  let lines: string[] = [];
  let paragraph: number | null = null;
  let lastKind: TranslationSegment['kind'] | null = null;
  const flush = () => {
    if (lines.length) paragraphs.push(lines.join('\n'));
    lines = [];
  };
  for (const segment of segments) {
    const text = segment.target.trim();
    if (!text) continue;
    if ((segment.paragraph ?? 0) !== paragraph) {
      flush();
      paragraph = segment.paragraph ?? 0;
      lastKind = null;
    }
    if (segment.kind === 'sentence' && lastKind === 'sentence') lines[lines.length - 1] += ` ${text}`;
    else lines.push(text);
    lastKind = segment.kind;
  }
  flush();
  return paragraphs.join('\n\n');
}

export function createBulletinTranslations(deps: Deps) {
  const { db, workbench, library } = deps;
  const linkOf = (id: number): LinkRow => {
    const row = db.prepare('SELECT id, src_lang, tgt_lang, source_bulletin_id, target_bulletin_id FROM translations WHERE id = ?').get(id) as LinkRow | undefined;
    if (!row) throw new StudioError('not_found', `no translation ${id}`, { kind: 'translation', id });
    return row;
  };
  const toLink = (row: LinkRow): TranslationLink => {
    const { progress } = workbench.get(row.id);
    const title = (bulletinId: number | null) => {
      if (bulletinId === null) return null;
      try {
        return library.get(bulletinId).title;
      } catch {
        return null;
      }
    };
    return {
      translationId: row.id, from: row.src_lang, to: row.tgt_lang, progress,
      sourceBulletinId: row.source_bulletin_id, sourceTitle: title(row.source_bulletin_id),
      targetBulletinId: row.target_bulletin_id, targetTitle: title(row.target_bulletin_id),
    };
  };

  /** A delivered target bulletin is final: its translation can no longer change. */
  function checkEditable(row: LinkRow): void {
    if (row.target_bulletin_id === null) return;
    const target = library.get(row.target_bulletin_id);
    if (target.status === 'delivered') {
      throw new StudioError('invalid_transition', 'the translated bulletin was delivered', { reason: 'translation_delivered', bulletinId: target.id });
    }
  }

  /** Writes the segments' current text into the target bulletin. */
  function syncTarget(row: LinkRow, actor: string): void {
    if (row.target_bulletin_id === null) return;
    library.update(row.target_bulletin_id, { script: composeScript(workbench.get(row.id).segments) }, actor);
  }

  /** Whether the source bulletin's script no longer splits into the segments being translated. */
  function sourceOutdated(row: LinkRow, segments: readonly TranslationSegment[]): boolean {
    if (row.source_bulletin_id === null) return false;
    let script: string;
    try {
      script = library.get(row.source_bulletin_id).script;
    } catch {
      return false;
    }
    const now = segmentScript(script).segments.map((s) => exactKey(s.text));
    return now.length !== segments.length || now.some((key, i) => key !== exactKey(segments[i]!.source));
  }

  const takes = createTakes(db, deps.assets ?? { get: (assetId) => { throw new StudioError('not_found', `asset ${assetId}`, { kind: 'asset', id: assetId }); } });
  const voicing = createVoicing(deps.voicing, {
    takes,
    translation: (id) => workbench.get(id),
    target(id) {
      const row = linkOf(id);
      checkEditable(row);
      if (row.target_bulletin_id === null) throw new StudioError('not_found', `translation ${id} has no target bulletin`, { reason: 'translation_without_bulletin', kind: 'bulletin', translation: id });
      return library.get(row.target_bulletin_id);
    },
    // Until bulletin audio is an edit document (issue 11), the library's bulletin update sets it.
    // Assembled from the editor's takes (and a voice for the rest): recorded for the script as it is now.
    setBulletinAudio: (bulletinId, assetId, actor) => void library.setAudio(bulletinId, { assetId, origin: 'recording' }, actor),
  });

  function segmentOf(id: number, index: number): TranslationSegment {
    const segment = workbench.get(id).segments.find((s) => s.index === index);
    if (!segment) throw new StudioError('not_found', `no segment ${index}`, { kind: 'segment', translation: id, index });
    return segment;
  }

  function view(id: number): TranslationView {
    const row = linkOf(id);
    const translation = workbench.get(id);
    return {
      ...translation, link: toLink(row), qa: workbench.qa(id), sourceOutdated: sourceOutdated(row, translation.segments),
      voicing: voicing.view(id, translation),
    };
  }

  return {
    view,
    /**
     * Translates bulletin `bulletinId` into `to`: pre-translates its script (TM, then `engine`
     * when given, then assembled drafts) and creates the target bulletin. A bulletin already
     * translated into that language gets its existing translation back.
     */
    async start(bulletinId: number, to: string, actor: string, options: { engine?: string } = {}): Promise<TranslationView> {
      const source = library.get(bulletinId);
      const from = deps.language(source.language).code;
      const target = deps.language(to);
      if (from === target.code) throw new StudioError('invalid_argument', 'source and target language are the same', { reason: 'same_language', language: from });
      const existing = db.prepare('SELECT id FROM translations WHERE source_bulletin_id = ? AND tgt_lang = ? ORDER BY id LIMIT 1').pluck().get(bulletinId, target.code) as number | undefined;
      if (existing !== undefined) return view(existing);
      const work = await workbench.start(source.script, from, target.code, { sourceRef: `bulletin:${bulletinId}`, ...(options.engine ? { engine: options.engine } : {}) });
      db.transaction(() => {
        const created = library.create({
          title: `${source.title} (${target.nameVi})`.slice(0, 300),
          script: composeScript(work.segments),
          language: target.code,
          category: source.category,
          priority: source.priority,
          author: source.author,
          targetAreaIds: source.targetAreaIds,
          schedule: source.schedule,
          repeat: source.repeat,
        }, actor);
        db.prepare('UPDATE translations SET source_bulletin_id = ?, target_bulletin_id = ? WHERE id = ?').run(bulletinId, created.id, work.id);
      })();
      return view(work.id);
    },
    /** The translations of bulletins, newest first. */
    list(limit = 100): TranslationLink[] {
      const rows = db.prepare('SELECT id, src_lang, tgt_lang, source_bulletin_id, target_bulletin_id FROM translations WHERE source_bulletin_id IS NOT NULL OR target_bulletin_id IS NOT NULL ORDER BY id DESC LIMIT ?').all(limit) as LinkRow[];
      return rows.map(toLink);
    },
    /** What a bulletin is a translation of, and its own translations. */
    links(bulletinId: number): BulletinTranslations {
      library.get(bulletinId);
      const of = db.prepare('SELECT id, src_lang, tgt_lang, source_bulletin_id, target_bulletin_id FROM translations WHERE target_bulletin_id = ?').get(bulletinId) as LinkRow | undefined;
      const into = db.prepare('SELECT id, src_lang, tgt_lang, source_bulletin_id, target_bulletin_id FROM translations WHERE source_bulletin_id = ? ORDER BY tgt_lang, id').all(bulletinId) as LinkRow[];
      return { translationOf: of ? toLink(of) : null, translations: into.map(toLink) };
    },
    edit(id: number, index: number, target: string, actor: string): TranslationSegment {
      const row = linkOf(id);
      checkEditable(row);
      return db.transaction(() => {
        const segment = workbench.edit(id, index, target, actor);
        syncTarget(row, actor);
        return segment;
      })();
    },
    approve(id: number, index: number, actor: string): TranslationSegment {
      const row = linkOf(id);
      checkEditable(row);
      const segment = db.transaction(() => {
        const approved = workbench.approve(id, index, actor);
        syncTarget(row, actor);
        return approved;
      })();
      deps.onApproved?.(row.src_lang, row.tgt_lang);
      return segment;
    },
    reject(id: number, index: number, actor: string): TranslationSegment {
      const row = linkOf(id);
      checkEditable(row);
      return db.transaction(() => {
        const segment = workbench.reject(id, index, actor);
        syncTarget(row, actor);
        return segment;
      })();
    },
    /** The source bulletin changed: unchanged segments keep their work, the others are marked for review. */
    async refresh(id: number, actor: string): Promise<TranslationView> {
      const row = linkOf(id);
      if (row.source_bulletin_id === null) throw new StudioError('not_found', `translation ${id} has no source bulletin`, { kind: 'bulletin', translation: id });
      checkEditable(row);
      const updated = await workbench.updateSource(id, library.get(row.source_bulletin_id).script);
      takes.follow(id, updated.segments);
      syncTarget(row, actor);
      return view(id);
    },
    /** Links a recorded take (an asset) to a segment; the segment's previous take is replaced. */
    attachTake(id: number, index: number, assetId: number, actor: string): SegmentTake {
      checkEditable(linkOf(id));
      return takes.attach(id, segmentOf(id, index), assetId, actor);
    },
    /** Unlinks a segment's take; the recording stays in the library. */
    removeTake(id: number, index: number): { removed: true } {
      checkEditable(linkOf(id));
      segmentOf(id, index);
      if (!takes.remove(id, index)) throw new StudioError('not_found', `segment ${index} has no take`, { reason: 'segment_without_take', kind: 'take', segment: index + 1 });
      return { removed: true };
    },
    /** Assembles the target bulletin's audio from the takes and a voice (a job). */
    assemble: (id: number, actor: string, voiceId?: string | null) => voicing.assemble(id, actor, voiceId),
    /**
     * What the editor is offered for one segment: TM matches (best first, with band), the glossary
     * terms it contains, and each engine's machine candidates (never approved: the editor decides).
     */
    async suggestions(id: number, index: number, signal?: AbortSignal): Promise<SegmentSuggestions> {
      const translation = workbench.get(id);
      const segment = translation.segments.find((s) => s.index === index);
      if (!segment) throw new StudioError('not_found', `no segment ${index}`, { kind: 'segment', translation: id, index });
      const previous = translation.segments.find((s) => s.index === index - 1)?.source ?? null;
      const { from, to } = translation;
      const glossary = deps.glossary.termsIn(from, to, segment.source);
      const machine: EngineCandidate[] = [];
      for (const engine of deps.engines.filter((e) => e.supports(from, to))) {
        const candidates = await engine.translate([{ index, text: segment.source, ...(previous ? { previous } : {}) }], from, to, {
          maxCandidates: 3,
          glossary: glossary.map((term) => ({ source: term.term, target: term.translation })),
          ...(signal ? { signal } : {}),
        });
        machine.push(...candidates);
      }
      return {
        tm: deps.tm.lookup(from, to, segment.source, { previousSource: previous, minScore: 50, limit: 5 }),
        glossary,
        machine,
      };
    },
  };
}

export type BulletinTranslationsService = ReturnType<typeof createBulletinTranslations>;
