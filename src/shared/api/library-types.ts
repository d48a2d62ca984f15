/**
 * The library's vocabulary (see ../shared/DOMAIN.md): bulletins, programmes, areas and assets.
 * Schemas double as the validation of every request that carries these shapes.
 */
import { z } from 'zod';
import { label, multiLineText } from '../text.ts';
import { boundedArray, Id, LanguageCode } from './define.ts';
import type { RemoteStatus } from './delivery.ts';

export const PRIORITIES = ['normal', 'priority', 'emergency'] as const;
export const STATUSES = ['draft', 'submitted', 'approved', 'delivered'] as const;

/**
 * Whether a programme item may go on air: music always, a bulletin once approved (or already
 * delivered). One rule for the renderer, delivery, the CLI and the screen's warnings.
 */
export const clearedForAir = (bulletinStatus: (typeof STATUSES)[number] | null): boolean =>
  bulletinStatus === null || bulletinStatus === 'approved' || bulletinStatus === 'delivered';
export const CATEGORIES = [
  'politics',
  'health',
  'agriculture',
  'weather',
  'security',
  'culture',
  'education',
  'economy',
  'other',
] as const;
export const AREA_KINDS = ['province', 'district', 'region', 'commune', 'cluster', 'board'] as const;
export const ITEM_KINDS = ['bulletin', 'jingle', 'music_bed'] as const;

/**
 * The editor's real maxima, in the contract so every transport refuses more before any work is
 * done (issue 8, item 10): a script is a few pages, a programme one broadcast session, an edited
 * recording at most a long meeting.
 *
 * Characters of one script: about an hour of speech, far more than any bulletin, so that a reading
 * preview of the longest (on the main thread) still answers in about a second.
 */
export const MAX_SCRIPT_CHARS = 60_000;
/** Items in one programme: a 45-minute session holds a few dozen bulletins and jingles. */
export const MAX_PROGRAMME_ITEMS = 500;

export const Priority = z.enum(PRIORITIES);
export const Status = z.enum(STATUSES);
export const Category = z.enum(CATEGORIES);
export const AreaKind = z.enum(AREA_KINDS);
export const ItemKind = z.enum(ITEM_KINDS);

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
export const Schedule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('now') }),
  z.strictObject({ kind: z.literal('once'), at: z.iso.datetime({ local: true }) }),
  z.strictObject({ kind: z.literal('daily'), time: clockTime }),
  z.strictObject({
    kind: z.literal('weekly'),
    /** ISO weekdays: 1 = Monday … 7 = Sunday. */
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    time: clockTime,
  }),
]);
export const Repeat = z.strictObject({
  count: z.number().int().min(1).max(10),
  gapMinutes: z.number().int().min(0).max(24 * 60),
});

export type Priority = z.infer<typeof Priority>;
export type Status = z.infer<typeof Status>;
export type Category = z.infer<typeof Category>;
export type AreaKind = z.infer<typeof AreaKind>;
export type ItemKind = z.infer<typeof ItemKind>;
export type Schedule = z.infer<typeof Schedule>;
export type Repeat = z.infer<typeof Repeat>;

/** The editable fields of a bulletin; status and approval move through `bulletin.transition`. */
export const BulletinFields = z.strictObject({
  title: label(300, 1),
  script: multiLineText(MAX_SCRIPT_CHARS),
  category: Category,
  language: LanguageCode,
  author: label(200),
  priority: Priority,
  targetAreaIds: boundedArray(Id, 5000),
  schedule: Schedule,
  repeat: Repeat,
  audioAssetId: Id.nullable(),
});
export type BulletinFields = z.infer<typeof BulletinFields>;

/** What a new bulletin starts with, on the screen and in the library alike. */
export const BULLETIN_DEFAULTS: Omit<BulletinFields, 'title'> = {
  script: '',
  category: 'other',
  language: 'vi',
  author: '',
  priority: 'normal',
  targetAreaIds: [],
  schedule: { kind: 'now' },
  repeat: { count: 1, gapMinutes: 0 },
  audioAssetId: null,
};

/** How a bulletin's audio was made: speech from its script, a recording, an imported file. */
export const AUDIO_ORIGINS = ['tts', 'recording', 'import'] as const;
export type AudioOrigin = (typeof AUDIO_ORIGINS)[number];

/** What the provincial source system last said of a delivered bulletin (polled in the background). */
export interface SourceVerdict {
  status: RemoteStatus;
  /** The province's reason, for a rejection. */
  reason: string | null;
  checkedAt: string;
}

export interface Bulletin extends BulletinFields {
  id: number;
  status: Status;
  /** How the audio was made; null without audio. */
  audioOrigin: AudioOrigin | null;
  /**
   * The script was edited after the audio was made: approval is refused until the audio is made
   * again or the editor confirms it still matches.
   */
  audioStale: boolean;
  approver: string | null;
  approvedAt: string | null;
  /** The source system's verdict once delivered there, else null. */
  sourceVerdict: SourceVerdict | null;
  /** Seconds of audio when an asset is attached, else null. */
  durationSec: number | null;
  createdAt: string;
  updatedAt: string;
}

export type BulletinSummary = Pick<
  Bulletin,
  'id' | 'title' | 'category' | 'language' | 'priority' | 'status' | 'author' | 'updatedAt' | 'durationSec' | 'audioStale' | 'sourceVerdict'
> & {
  snippet: string;
  /** Where a search matched, as [start, end) character ranges of the title and of the snippet (for highlighting). */
  matches?: { title: [number, number][]; snippet: [number, number][] };
};

/**
 * What an audio file is for: a bulletin's speech (`voice`), a programme's `jingle`, or a music
 * `bed` under speech. Jingles and beds form the music library, kept apart from voice files.
 */
export const ASSET_ROLES = ['voice', 'jingle', 'bed'] as const;
export const AssetRole = z.enum(ASSET_ROLES);
export type AssetRole = z.infer<typeof AssetRole>;

export interface Asset {
  id: number;
  kind: 'audio';
  role: AssetRole;
  name: string;
  /** Path relative to the data directory. */
  file: string;
  sha256: string;
  bytes: number;
  durationSec: number;
  sampleRate: number;
  channels: number;
  createdAt: string;
  /** EBU R128 figures of the file, or null when it has not been measured yet. */
  loudness: AssetLoudness | null;
}

/** Integrated loudness (LUFS), loudness range (LU) and true peak (dBTP); null figures mean silence. */
export interface AssetLoudness {
  integratedLufs: number | null;
  rangeLu: number;
  truePeakDbtp: number | null;
  measuredAt: string;
}

export interface ProgrammeItem {
  id: number;
  position: number;
  kind: ItemKind;
  bulletinId: number | null;
  assetId: number | null;
  label: string;
  /** Seconds; estimated from the script when a bulletin has no audio yet. */
  durationSec: number;
  durationEstimated: boolean;
  /** A bulletin's workflow status (only approved or delivered ones may be rendered); null for audio items. */
  bulletinStatus: Status | null;
  /** Where the item starts in the programme (seconds), by the same plan the renderer mixes by. */
  startSec: number;
}

/** Loudness presets a programme is normalised to: broadcast (EBU R128) and outdoor loudspeakers. */
export const PROGRAMME_PRESETS = [-23, -16] as const;
export type ProgrammePreset = (typeof PROGRAMME_PRESETS)[number];
/** The true-peak ceiling of every programme render (dBTP). */
export const PROGRAMME_CEILING_DB = -1;

/** How a programme is mixed: stored on it, so its planned length and its render agree. */
export const ProgrammeMixSettings = z.strictObject({
  presetLufs: z.union([z.literal(-23), z.literal(-16)]),
  /** Silence between consecutive items, seconds (ignored under a crossfade). */
  gapSec: z.number().min(0).max(60),
  /** Overlap of consecutive items, seconds; replaces the gap when above 0. */
  crossfadeSec: z.number().min(0).max(10),
  /** How far music beds are ducked under speech, dB. */
  duckDb: z.number().min(-60).max(0),
  /** Bring each item to the preset before mixing. */
  normalizeItems: z.boolean(),
});
export type ProgrammeMixSettings = z.infer<typeof ProgrammeMixSettings>;

export interface Programme {
  id: number;
  title: string;
  notes: string;
  items: ProgrammeItem[];
  /** The planned length (src/shared/audio/programme-plan.ts): what a render of it will be. */
  totalSec: number;
  capMinutes: number;
  exceedsCap: boolean;
  mix: ProgrammeMixSettings;
  /** The last render when it was made from the current items and settings. */
  rendered?: { durationSec: number; media: string; renderedAt: string; loudness: { integrated: number | null; truePeak: number | null } } | null;
  createdAt: string;
  updatedAt: string;
}

export type ProgrammeSummary = Pick<Programme, 'id' | 'title' | 'totalSec' | 'exceedsCap' | 'updatedAt'> & {
  itemCount: number;
};

export interface Area {
  id: number;
  parentId: number | null;
  kind: AreaKind;
  name: string;
  code: string;
}

export interface BackupResult {
  folder: string;
  files: number;
  bytes: number;
}
