/**
 * The library: bulletins and their workflow, programmes, the area tree, audio assets, search and
 * backup. It owns those tables and says when they change (`library.changed`); every other service
 * reads and writes them through this face.
 */
import path from 'node:path';
import type { ParsedArg } from '../../../shared/api/index.ts';
import type { RemoteStatus } from '../../../shared/api/delivery.ts';
import type { JobInfo } from '../../../shared/api/jobs.ts';
import type { Area, AreaKind, Asset, AssetRole, AudioOrigin, Bulletin, BulletinFields, Programme, ProgrammeMixSettings, Status } from '../../../shared/api/library-types.ts';
import type { StudioEvents } from '../../../shared/events.ts';
import type { AuditTrail } from '../audit/index.ts';
import { prepareDestinationFolder } from '../files/index.ts';
import { workerUrl, type JobManager } from '../jobs/index.ts';
import type { Db } from '../storage/index.ts';
import { AreaStore } from './areas.ts';
import { checkAssetHashes } from './asset-hashes.ts';
import { AssetStore, type NewAsset } from './assets.ts';
import { BulletinStore } from './bulletins.ts';
import { ProgrammeStore, type NewItem } from './programmes.ts';
import { searchBulletins } from './search.ts';
import { recordSourceVerdict } from './source-verdict.ts';

export type { NewAsset } from './assets.ts';
export { foldForSearch } from './fold.ts';
export { withPlan } from './programmes.ts';

type Entity = StudioEvents['library.changed']['entity'];

export interface LibraryDeps {
  db: Db;
  dataDir: string;
  audit: AuditTrail;
  jobs: JobManager;
  emit: (name: 'library.changed', payload: StudioEvents['library.changed']) => void;
  /** The session cap a programme's length is checked against (a setting). */
  sessionCapMinutes: () => number;
  /** Where derived files keyed by an asset's hash live (the audio service's peaks). */
  peaksPath: (sha256: string) => string;
}

export function createLibrary({ db, dataDir, audit, jobs, emit, sessionCapMinutes, peaksPath }: LibraryDeps) {
  const bulletinStore = new BulletinStore(db, audit);
  const programmeStore = new ProgrammeStore(db, audit, sessionCapMinutes);
  const areaStore = new AreaStore(db, audit);
  const assetStore = new AssetStore(db, audit);
  /** Runs a change and says so: screens showing that entity refresh. */
  const changing = <T>(entity: Entity, id: number | null, change: () => T): T => {
    const result = change();
    emit('library.changed', { entity, id });
    return result;
  };

  return {
    bulletins: {
      create: (fields: Partial<BulletinFields> & { title: string }, actor: string): Bulletin => {
        const bulletin = bulletinStore.create(fields, actor);
        emit('library.changed', { entity: 'bulletin', id: bulletin.id });
        return bulletin;
      },
      get: (id: number) => bulletinStore.get(id),
      exists: (id: number) => bulletinStore.exists(id),
      update: (id: number, changes: Partial<BulletinFields>, actor: string) => changing('bulletin', id, () => bulletinStore.update(id, changes, actor)),
      transition: (id: number, to: Status, actor: string, approver?: string) =>
        changing('bulletin', id, () => bulletinStore.transition(id, to, actor, approver)),
      /** A bulletin read from a package takes the status it arrived with (inside the import's transaction). */
      acceptImported: (id: number, status: Exclude<Status, 'delivered'>, approval: { approver: string | null; approvedAt: string | null }) =>
        changing('bulletin', id, () => bulletinStore.acceptImported(id, status, approval)),
      delete: (id: number, actor: string) => changing('bulletin', id, () => bulletinStore.delete(id, actor)),
      /**
       * THE way to give a bulletin its audio (speech, a recording, an imported file): the asset
       * becomes the source of the bulletin's edit document, as speaking its current script. What is
       * delivered is that document rendered (see the audio face's `bulletinAudio`).
       */
      setAudio: (id: number, audio: { assetId: number; origin: AudioOrigin }, actor: string) =>
        changing('bulletin', id, () => bulletinStore.setAudio(id, audio, actor)),
      /** The editor says the audio still matches the edited script (clears `audioStale`). */
      confirmAudio: (id: number, actor: string) => changing('bulletin', id, () => bulletinStore.confirmAudio(id, actor)),
      /** "Nhân bản": a new draft copy of the bulletin (without its audio). */
      duplicate: (id: number, actor: string): Bulletin => {
        const copy = bulletinStore.duplicate(id, actor);
        emit('library.changed', { entity: 'bulletin', id: copy.id });
        return copy;
      },
      /** What the source system says of a delivered bulletin (delivery's status polling); screens refresh when it changed. */
      recordSourceVerdict: (id: number, status: RemoteStatus, reason: string | null): void => {
        if (recordSourceVerdict(db, audit, id, status, reason)) emit('library.changed', { entity: 'bulletin', id });
      },
      list: (filters: ParsedArg<'bulletin.list'>) => searchBulletins(db, { ...filters, text: '' }),
      search: (filters: ParsedArg<'library.search'>) => searchBulletins(db, filters),
    },
    programmes: {
      create: (title: string, notes: string, actor: string, presetLufs?: ProgrammeMixSettings['presetLufs']): Programme => {
        const programme = programmeStore.create(title, notes, actor, presetLufs);
        emit('library.changed', { entity: 'programme', id: programme.id });
        return programme;
      },
      get: (id: number) => programmeStore.get(id),
      list: () => programmeStore.list(),
      update: (id: number, changes: { title?: string; notes?: string; mix?: Partial<ProgrammeMixSettings> }, actor: string) =>
        changing('programme', id, () => programmeStore.update(id, changes, actor)),
      delete: (id: number, actor: string) => changing('programme', id, () => programmeStore.delete(id, actor)),
      addItem: (id: number, item: NewItem, actor: string) => changing('programme', id, () => programmeStore.addItem(id, item, actor)),
      removeItem: (id: number, itemId: number, actor: string) => changing('programme', id, () => programmeStore.removeItem(id, itemId, actor)),
      reorder: (id: number, itemIds: number[], actor: string) => changing('programme', id, () => programmeStore.reorder(id, itemIds, actor)),
      /** What a render depends on (items, order, audio): a render with another signature is stale. */
      renderSignature: (id: number) => programmeStore.renderSignature(id),
      /** Says that something about the programme changed outside the library (a new render). */
      touched: (id: number) => emit('library.changed', { entity: 'programme', id }),
    },
    areas: {
      list: () => areaStore.list(),
      get: (id: number) => areaStore.get(id),
      create: (input: { parentId: number | null; kind: AreaKind; name: string; code: string }, actor: string): Area => {
        const area = areaStore.create(input, actor);
        emit('library.changed', { entity: 'area', id: area.id });
        return area;
      },
      update: (id: number, changes: { name?: string; code?: string }, actor: string) => changing('area', id, () => areaStore.update(id, changes, actor)),
      delete: (id: number, actor: string) => changing('area', id, () => areaStore.delete(id, actor)),
      findChild: (parentId: number | null, link: { kind: AreaKind; name: string; code: string }) => areaStore.findChild(parentId, link),
    },
    assets: {
      list: (role?: AssetRole) => assetStore.list(role),
      get: (id: number) => assetStore.get(id),
      findByFile: (file: string) => assetStore.findByFile(file),
      /** Records a new asset (the same file again gives back the one already there). */
      add: (asset: NewAsset, actor: string): Asset => {
        const added = assetStore.add(asset, actor);
        emit('library.changed', { entity: 'asset', id: added.id });
        return added;
      },
      setLoudness: (id: number, loudness: Parameters<AssetStore['setLoudness']>[1]) => changing('asset', id, () => assetStore.setLoudness(id, loudness)),
    },

    /** Copies the whole library to a new dated folder under `destDir`, as a job. */
    backup(destDir: string): JobInfo<'library.backup'> {
      // Checked here, before a job starts: a mistyped folder is refused at once with a clear code.
      const checked = prepareDestinationFolder(destDir);
      return jobs.start({
        kind: 'library.backup',
        subject: path.basename(checked),
        worker: workerUrl('library/backup.worker.ts'),
        input: { dataDir, destDir: checked },
      });
    },

    /** Starts the check of every unchecked asset's stored hash against its file (at start-up). */
    checkHashes: () =>
      checkAssetHashes({ db, dataDir, jobs, audit, peaksPath, changed: (id) => emit('library.changed', { entity: 'asset', id }) }),
  };
}

export type Library = ReturnType<typeof createLibrary>;
