/**
 * A bulletin's translation as stored work: its segments, each with a state (new, pre-translated,
 * edited, approved, rejected), the author and time of its last change. Approving a segment puts it
 * in the translation memory, with the segment before it as context and the bulletin as origin.
 */
import type { Database } from 'better-sqlite3';
import { StudioError } from '../../../shared/errors.ts';
import type { QaIssue, SegmentState, SourceSegment, Translation, TranslationEngine, TranslationSegment } from '../../../shared/translation/index.ts';
import type { Glossary } from './glossary.ts';
import { preTranslate, type PreTranslateOptions } from './pretranslate.ts';
import { checkBulletin } from './qa.ts';
import { segmentScript } from './segment.ts';
import { exactKey } from './text.ts';
import type { TranslationMemory } from './tm.ts';

interface SegmentRow {
  idx: number;
  kind: TranslationSegment['kind'];
  source: string;
  target: string;
  state: SegmentState;
  origin: TranslationSegment['origin'];
  score: number | null;
  spans: string;
  author: string | null;
  at: string | null;
  source_changed: number;
  paragraph: number;
}

export interface StartOptions extends PreTranslateOptions {
  sourceRef?: string | null;
}

export function createWorkbench(db: Database, deps: { tm: TranslationMemory; glossary: Glossary; engines: TranslationEngine[] }) {
  /** Any decision on a segment (edit, approve, reject) is its review: the changed-source flag clears. */
  const updateSegment = db.prepare(`UPDATE translation_segments SET target = @target, state = @state, author = @author, at = @at,
    source_changed = 0 WHERE translation_id = @id AND idx = @index`);

  function get(id: number): Translation {
    const head = db.prepare('SELECT * FROM translations WHERE id = ?').get(id) as
      | { id: number; source_ref: string | null; src_lang: string; tgt_lang: string; created_at: string }
      | undefined;
    if (!head) throw new StudioError('not_found', `no translation ${id}`, { kind: 'translation', id });
    const rows = db.prepare('SELECT * FROM translation_segments WHERE translation_id = ? ORDER BY idx').all(id) as SegmentRow[];
    const segments = rows.map((r): TranslationSegment => ({
      index: r.idx, kind: r.kind, source: r.source, target: r.target, state: r.state, origin: r.origin,
      score: r.score, spans: JSON.parse(r.spans) as TranslationSegment['spans'], author: r.author, at: r.at,
      sourceChanged: r.source_changed === 1, paragraph: r.paragraph,
    }));
    return {
      id, sourceRef: head.source_ref, from: head.src_lang, to: head.tgt_lang, createdAt: head.created_at, segments,
      progress: { approved: segments.filter((s) => s.state === 'approved').length, total: segments.length },
    };
  }

  function split(script: string): SourceSegment[] {
    const { segments } = segmentScript(script);
    if (segments.length === 0) throw new StudioError('invalid_argument', 'nothing to translate', { reason: 'empty-script' });
    return segments;
  }

  /** Pre-translates `which` of a script's segments, each with the one before it in the script as context. */
  function draft(script: SourceSegment[], which: SourceSegment[], from: string, to: string, options: PreTranslateOptions) {
    const textAt = new Map(script.map((s) => [s.index, s.text]));
    return preTranslate(
      deps,
      which.map((s) => {
        const previous = textAt.get(s.index - 1);
        return previous === undefined ? { index: s.index, text: s.text } : { index: s.index, text: s.text, previous };
      }),
      from, to, options,
    );
  }

  function store(translationId: number, segments: TranslationSegment[]): void {
    const insert = db.prepare(`INSERT INTO translation_segments (translation_id, idx, kind, source, target, state, origin, score, spans, author, at, source_changed, paragraph)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const s of segments) {
      insert.run(translationId, s.index, s.kind, s.source, s.target, s.state, s.origin, s.score, JSON.stringify(s.spans), s.author, s.at, s.sourceChanged ? 1 : 0, s.paragraph ?? 0);
    }
  }

  function segmentOf(translation: Translation, index: number): TranslationSegment {
    const segment = translation.segments.find((s) => s.index === index);
    if (!segment) throw new StudioError('not_found', `no segment ${index}`, { kind: 'segment', translation: translation.id, index });
    return segment;
  }

  return {
    get,
    /** Splits the script, pre-translates every segment and stores the translation. */
    async start(script: string, from: string, to: string, options: StartOptions = {}): Promise<Translation> {
      const segments = split(script);
      const drafts = await draft(segments, segments, from, to, options);
      const id = db.transaction(() => {
        const tid = Number(db.prepare('INSERT INTO translations (source_ref, src_lang, tgt_lang, created_at) VALUES (?, ?, ?, ?)')
          .run(options.sourceRef ?? null, from, to, new Date().toISOString()).lastInsertRowid);
        store(tid, drafts.map((d, i) => ({ ...d, kind: segments[i]!.kind, paragraph: segments[i]!.paragraph, sourceChanged: false })));
        return tid;
      })();
      return get(id);
    },
    /**
     * The source bulletin changed: segments whose source is still there keep their translation and
     * state; new or changed ones are pre-translated again and marked for review.
     */
    async updateSource(id: number, script: string, options: PreTranslateOptions = {}): Promise<Translation> {
      const translation = get(id);
      const segments = split(script);
      const unused = [...translation.segments];
      const kept = segments.map((s) => {
        const at = unused.findIndex((old) => exactKey(old.source) === exactKey(s.text));
        return at < 0 ? null : unused.splice(at, 1)[0]!;
      });
      const changed = segments.filter((_, i) => kept[i] === null);
      const drafts = new Map((await draft(segments, changed, translation.from, translation.to, options)).map((d) => [d.index, d]));
      db.transaction(() => {
        db.prepare('DELETE FROM translation_segments WHERE translation_id = ?').run(id);
        store(id, segments.map((s, i): TranslationSegment => {
          const old = kept[i];
          if (old) return { ...old, index: s.index, kind: s.kind, paragraph: s.paragraph };
          return { ...drafts.get(s.index)!, kind: s.kind, paragraph: s.paragraph, sourceChanged: true };
        }));
      })();
      return get(id);
    },
    /** The editor's text for a segment: state "edited". */
    edit(id: number, index: number, target: string, author: string): TranslationSegment {
      segmentOf(get(id), index);
      updateSegment.run({ id, index, target: target.normalize('NFC'), state: 'edited', author, at: new Date().toISOString() });
      return segmentOf(get(id), index);
    },
    /** Approves a segment and stores it in the TM (an alternative if the source already has another). */
    approve(id: number, index: number, author: string): TranslationSegment {
      const translation = get(id);
      const segment = segmentOf(translation, index);
      if (!segment.target.trim()) throw new StudioError('invalid_transition', 'an empty segment cannot be approved', { translation: id, index, to: 'approved' });
      const previous = translation.segments.find((s) => s.index === index - 1);
      const at = new Date().toISOString();
      db.transaction(() => {
        updateSegment.run({ id, index, target: segment.target, state: 'approved', author, at });
        deps.tm.add(translation.from, translation.to, [{
          source: segment.source, target: segment.target, previousSource: previous?.source ?? null, author, createdAt: at,
          origin: translation.sourceRef ?? `translation:${id}`,
        }]);
      })();
      return segmentOf(get(id), index);
    },
    reject(id: number, index: number, author: string): TranslationSegment {
      const segment = segmentOf(get(id), index);
      updateSegment.run({ id, index, target: segment.target, state: 'rejected', author, at: new Date().toISOString() });
      return segmentOf(get(id), index);
    },
    /** QA findings over the whole translation. */
    qa(id: number): QaIssue[] {
      const translation = get(id);
      return checkBulletin(translation.segments, {
        termsIn: (source) => deps.glossary.termsIn(translation.from, translation.to, source),
        usualRatio: deps.tm.lengthRatio(translation.from, translation.to),
      });
    },
  };
}

export type Workbench = ReturnType<typeof createWorkbench>;
