import { z } from 'zod';
import { label, multiLineText, userPath } from '../text.ts';
import { boundedArray, Id, LanguageCode, request } from './define.ts';
import type { JobInfo } from './jobs.ts';
import {
  AreaKind,
  AssetRole,
  BulletinFields,
  Category,
  ItemKind,
  MAX_PROGRAMME_ITEMS,
  Priority,
  ProgrammeMixSettings,
  Status,
  type Area,
  type Asset,
  type Bulletin,
  type BulletinSummary,
  type Programme,
  type ProgrammeSummary,
} from './library-types.ts';

const byId = z.strictObject({ id: Id });
const page = { limit: z.number().int().min(1).max(1000).default(50), offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0) };

export const SearchFilters = z.strictObject({
  text: z.string().max(500).default(''),
  category: Category.optional(),
  language: LanguageCode.optional(),
  priority: Priority.optional(),
  status: Status.optional(),
  ...page,
});
export type SearchFilters = z.input<typeof SearchFilters>;

export const libraryRequests = {
  'bulletin.create': request<Bulletin>()(BulletinFields.partial().required({ title: true })),
  'bulletin.get': request<Bulletin>()(byId),
  'bulletin.update': request<Bulletin>()(z.strictObject({ id: Id, changes: BulletinFields.partial() })),
  'bulletin.delete': request<{ deleted: true }>()(byId),
  /** draft → submitted → approved (needs an approver) → delivered; submitted/approved → draft to send back. */
  'bulletin.transition': request<Bulletin>()(
    z.strictObject({ id: Id, to: Status, approver: label(200, 1).optional() }),
  ),
  /** "Nhân bản": a new draft with the bulletin's text, areas and schedule (not its audio). */
  'bulletin.duplicate': request<Bulletin>()(byId),
  /** Makes a library asset (an imported file) the bulletin's audio, as speaking its current script. */
  'bulletin.audio.set': request<Bulletin>()(z.strictObject({ id: Id, assetId: Id })),
  /** The editor listened: the audio still matches the edited script (clears audioStale). */
  'bulletin.audio.confirm': request<Bulletin>()(byId),
  'bulletin.list': request<{ items: BulletinSummary[]; total: number }>()(SearchFilters),
  /**
   * Diacritic- and case-insensitive search over titles and scripts: every word or "quoted phrase"
   * must match; best match first (bm25, a title above a script); each result says where it matched.
   */
  'library.search': request<{ items: BulletinSummary[]; total: number }>()(SearchFilters),

  'programme.create': request<Programme>()(
    z.strictObject({ title: label(300, 1), notes: multiLineText(5000).default(''), presetLufs: ProgrammeMixSettings.shape.presetLufs.default(-23) }),
  ),
  'programme.get': request<Programme>()(byId),
  'programme.list': request<ProgrammeSummary[]>()(z.strictObject({})),
  'programme.update': request<Programme>()(
    z.strictObject({ id: Id, title: label(300, 1).optional(), notes: multiLineText(5000).optional(), mix: ProgrammeMixSettings.partial().optional() }),
  ),
  'programme.delete': request<{ deleted: true }>()(byId),
  'programme.addItem': request<Programme>()(
    z.strictObject({
      programmeId: Id,
      kind: ItemKind,
      bulletinId: Id.optional(),
      assetId: Id.optional(),
      position: z.number().int().min(0).max(MAX_PROGRAMME_ITEMS).optional(),
    }),
  ),
  'programme.removeItem': request<Programme>()(z.strictObject({ programmeId: Id, itemId: Id })),
  /** The complete new order of the programme's item ids. */
  'programme.reorder': request<Programme>()(z.strictObject({ programmeId: Id, itemIds: boundedArray(Id, MAX_PROGRAMME_ITEMS).pipe(z.array(Id).min(1)) })),

  'area.list': request<Area[]>()(z.strictObject({})),
  'area.create': request<Area>()(
    z.strictObject({
      parentId: Id.nullable(),
      kind: AreaKind,
      name: label(200, 1),
      code: label(50).default(''),
    }),
  ),
  'area.update': request<Area>()(
    z.strictObject({ id: Id, name: label(200, 1).optional(), code: label(50).optional() }),
  ),
  'area.delete': request<{ deleted: true }>()(byId),


  /** Newest first; `role` keeps the music library (jingles, beds) apart from bulletins' voice files. */
  'asset.list': request<Asset[]>()(z.strictObject({ role: AssetRole.optional() })),
  'asset.get': request<Asset>()(byId),
  /** Copies the whole library (database and files) to a new dated folder, as a job. */
  'library.backup': request<JobInfo<'library.backup'>>()(z.strictObject({ destDir: userPath() })),
} as const;
