/**
 * Audio requests (issue 3): import, the non-destructive editor, loudness, normalise, export and
 * programme rendering. Times cross the contract in seconds; the services turn them into sample
 * frames of the source's rate, so every edit lands on an exact sample.
 */
import { z } from 'zod';
import { label, multiLineText, userPath } from '../text.ts';
import { Id, request } from './define.ts';
import type { JobInfo } from './jobs.ts';
import { AssetRole, ProgrammeMixSettings } from './library-types.ts';

/** Length of an edit document (a recording being edited): a few hours. */
export const MAX_DOCUMENT_SECONDS = 4 * 3600;

const seconds = z.number().min(0).max(MAX_DOCUMENT_SECONDS);
const range = { start: seconds, end: seconds };

/** One edit. Ranges are [start, end) on the current (edited) timeline. */
export const EditOp = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('cut'), ...range }),
  /** Copies the range to the document's clipboard; it changes no audio and adds no history. */
  z.strictObject({ type: z.literal('copy'), ...range }),
  z.strictObject({ type: z.literal('paste'), at: seconds }),
  z.strictObject({ type: z.literal('delete'), ...range }),
  z.strictObject({ type: z.literal('insertSilence'), at: seconds, duration: z.number().positive().max(3600) }),
  /** Keeps only [start, end). */
  z.strictObject({ type: z.literal('trim'), ...range }),
  z.strictObject({ type: z.literal('fadeIn'), ...range }),
  z.strictObject({ type: z.literal('fadeOut'), ...range }),
  z.strictObject({ type: z.literal('gain'), ...range, db: z.number().min(-96).max(48) }),
  z.strictObject({ type: z.literal('marker'), at: seconds, name: label(200, 1) }),
  z.strictObject({ type: z.literal('removeMarker'), name: label(200, 1) }),
]);
export type EditOp = z.infer<typeof EditOp>;

export interface Marker {
  name: string;
  /** Seconds on the edited timeline. */
  at: number;
}

export interface EditDocument {
  id: number;
  assetId: number;
  sampleRate: number;
  channels: number;
  durationSec: number;
  /** The active history, oldest first (undone edits are not listed). */
  ops: EditOpRecord[];
  canUndo: boolean;
  canRedo: boolean;
  markers: Marker[];
  /** Set once the document was normalised: the gain and limiter ceiling applied on render. */
  master: { gainDb: number; ceilingDb: number } | null;
}

/** An edit as stored: what was asked, plus the `normalize` edit that audio.normalize appends. */
export type EditOpRecord = EditOp | { type: 'normalize'; gainDb: number; ceilingDb: number; target: number };

export interface LoudnessResult {
  /** LUFS; -Infinity for silence is reported as null. */
  integrated: number | null;
  /** LU */
  range: number;
  /** dBTP; null for digital silence. */
  truePeak: number | null;
}

export const NORMALIZE_PRESETS = {
  broadcast: { target: -23, ceiling: -1 },
  outdoor: { target: -16, ceiling: -1 },
} as const;

export interface RenderedProgramme {
  programmeId: number;
  /** Path relative to the data directory. */
  media: string;
  durationSec: number;
  loudness: LoudnessResult;
}

/** What normalising a document did: its gain, the loudness before and after, and the document with the new edit. */
export interface NormalizeResult {
  gainDb: number;
  before: LoudnessResult;
  after: LoudnessResult;
  document: EditDocument;
}

export interface ExportResult {
  path: string;
  format: 'wav' | 'mp3';
  sampleRate: number;
  durationSec: number;
  bytes: number;
  loudness: LoudnessResult;
}

/** A bulletin's audio as the screen shows it: what is delivered is the edit, not the source. */
export interface BulletinAudioInfo {
  bulletinId: number;
  assetId: number;
  /** The edit document over the asset, null until the editor opens it. */
  documentId: number | null;
  /** Any edit made (cuts, gain, normalise…). */
  edited: boolean;
  /** Seconds of the edited audio. */
  durationSec: number;
  /** The target of the last normalise edit, if any. */
  normalisedTo: { target: number; ceiling: number } | null;
  stale: boolean;
}

const docRef = z.strictObject({ documentId: Id });
const target = z.number().min(-60).max(0);
const ceiling = z.number().min(-20).max(0);

export const ExportArg = z
  .strictObject({
    documentId: Id.optional(),
    programmeId: Id.optional(),
    format: z.enum(['wav', 'mp3']),
    sampleRate: z.union([z.literal(44100), z.literal(48000)]).default(48000),
    /** kbit/s, MP3 only (CBR). */
    bitrate: z.union([z.literal(64), z.literal(96), z.literal(128), z.literal(160), z.literal(192), z.literal(256), z.literal(320)]).default(128),
    outPath: userPath(),
    /** Tags: ID3v2 for MP3, bext description/originator for WAV. */
    title: label(300).optional(),
    author: label(200).optional(),
    album: label(300).optional(),
    comment: multiLineText(1000).optional(),
    language: z.string().regex(/^[a-z]{2,3}$/).optional(),
  })
  .refine((a) => (a.documentId === undefined) !== (a.programmeId === undefined), 'name exactly one of documentId, programmeId');

export const audioRequests = {
  /**
   * Decodes WAV/BWF, MP3, FLAC, OGG Vorbis/Opus in a job; result: the Asset, with peaks stored.
   * `role`: a jingle or music bed joins the music library; anything else is a voice file (default).
   */
  'audio.import': request<JobInfo<'audio.import'>>()(
    z.strictObject({ path: userPath(), name: label(300).optional(), role: AssetRole.optional() }),
  ),
  'audio.loudness': request<LoudnessResult>()(
    z.strictObject({ assetId: Id.optional(), documentId: Id.optional() }).refine(
      (a) => (a.assetId === undefined) !== (a.documentId === undefined),
      'name exactly one of assetId, documentId',
    ),
  ),
  /** Measures the document in a job, then appends a `normalize` edit (gain + true-peak limiter), undoable. */
  'audio.normalize': request<JobInfo<'audio.normalize'>>()(
    z.strictObject({
      documentId: Id,
      preset: z.enum(['broadcast', 'outdoor', 'custom']),
      target: target.optional(),
      ceiling: ceiling.optional(),
    }),
  ),
  /** Job result: ExportResult. */
  'audio.export': request<JobInfo<'audio.export'>>()(ExportArg),

  /** Loudness of any supported file, not in the library (the CLI's `studio loudness`). */
  'audio.loudnessFile': request<LoudnessResult>()(z.strictObject({ path: userPath() })),
  /** Normalises a file into a new file, .wav (BWF) or .mp3 by its extension; job result: ExportResult. */
  'audio.normalizeFile': request<JobInfo<'audio.normalizeFile'>>()(
    z.strictObject({
      input: userPath(),
      output: userPath(),
      target: target.default(-23),
      ceiling: ceiling.default(-1),
      bitrate: z.number().int().min(32).max(320).default(128),
    }),
  ),

  /** The bulletin's audio with its edits (refused, bulletin_without_audio, when it has none). */
  'bulletin.audio.get': request<BulletinAudioInfo>()(z.strictObject({ id: Id })),
  'edit.open': request<EditDocument>()(z.strictObject({ assetId: Id })),
  'edit.get': request<EditDocument>()(docRef),
  'edit.apply': request<EditDocument>()(z.strictObject({ documentId: Id, op: EditOp })),
  'edit.undo': request<EditDocument>()(docRef),
  'edit.redo': request<EditDocument>()(docRef),
  'edit.peaks': request<{ durationSec: number; pixelsPerSecond: number; peaks: number[][] }>()(
    z.strictObject({ documentId: Id, pixelsPerSecond: z.number().positive().max(48000) }),
  ),
  /** A rendered WAV of the current edit (cached by the edit list), relative to the data dir. */
  'edit.preview': request<{ media: string; durationSec: number }>()(docRef),

  /**
   * Renders the programme, normalised to its loudness preset under the true-peak ceiling; job
   * result: RenderedProgramme. Settings given here are saved on the programme first, so its
   * planned length (what every screen shows) and the render agree. Refused (`conflict`,
   * reason `programme_has_unapproved`) while a bulletin in it is not approved.
   */
  'programme.render': request<JobInfo<'programme.render'>>()(
    ProgrammeMixSettings.partial().extend({ programmeId: Id }).strict(),
  ),
} as const;
