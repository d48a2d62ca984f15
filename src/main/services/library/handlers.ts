import path from 'node:path';
import type { Handlers } from '../../dispatch.ts';
import type { StudioServices } from '../../studio.ts';
import type { NewAsset } from './assets.ts';
import { prepareDestinationFolder } from '../files/index.ts';
import type { BackupInput, BackupResult } from './backup.worker.ts';
import type { ImportAssetInput } from './import-asset.worker.ts';
import { searchBulletins } from './search.ts';
import { workerUrl } from '../jobs/worker-files.ts';

export const libraryHandlers = (s: StudioServices) => {
  const changed = (entity: 'bulletin' | 'programme' | 'area' | 'asset', id: number | null) =>
    s.events.emit('library.changed', { entity, id });

  return {
    'bulletin.create': (fields, ctx) => {
      const bulletin = s.bulletins.create(fields, ctx.actor);
      changed('bulletin', bulletin.id);
      return bulletin;
    },
    'bulletin.get': ({ id }) => s.bulletins.get(id),
    'bulletin.update': ({ id, changes }, ctx) => {
      const bulletin = s.bulletins.update(id, changes, ctx.actor);
      changed('bulletin', id);
      return bulletin;
    },
    'bulletin.delete': ({ id }, ctx) => {
      s.bulletins.delete(id, ctx.actor);
      changed('bulletin', id);
      return { deleted: true as const };
    },
    'bulletin.transition': ({ id, to, approver }, ctx) => {
      const bulletin = s.bulletins.transition(id, to, ctx.actor, approver);
      changed('bulletin', id);
      return bulletin;
    },
    'bulletin.list': (filters) => searchBulletins(s.db, { ...filters, text: '' }),
    'library.search': (filters) => searchBulletins(s.db, filters),

    'programme.create': ({ title, notes }, ctx) => {
      const programme = s.programmes.create(title, notes, ctx.actor);
      changed('programme', programme.id);
      return programme;
    },
    'programme.get': ({ id }) => s.programmes.get(id),
    'programme.list': () => s.programmes.list(),
    'programme.update': ({ id, ...changes }, ctx) => {
      const programme = s.programmes.update(id, changes, ctx.actor);
      changed('programme', id);
      return programme;
    },
    'programme.delete': ({ id }, ctx) => {
      s.programmes.delete(id, ctx.actor);
      changed('programme', id);
      return { deleted: true as const };
    },
    'programme.addItem': ({ programmeId, ...item }, ctx) => {
      const programme = s.programmes.addItem(programmeId, item, ctx.actor);
      changed('programme', programmeId);
      return programme;
    },
    'programme.removeItem': ({ programmeId, itemId }, ctx) => {
      const programme = s.programmes.removeItem(programmeId, itemId, ctx.actor);
      changed('programme', programmeId);
      return programme;
    },
    'programme.reorder': ({ programmeId, itemIds }, ctx) => {
      const programme = s.programmes.reorder(programmeId, itemIds, ctx.actor);
      changed('programme', programmeId);
      return programme;
    },

    'area.list': () => s.areas.list(),
    'area.create': (input, ctx) => {
      const area = s.areas.create(input, ctx.actor);
      changed('area', area.id);
      return area;
    },
    'area.update': ({ id, ...changes }, ctx) => {
      const area = s.areas.update(id, changes, ctx.actor);
      changed('area', id);
      return area;
    },
    'area.delete': ({ id }, ctx) => {
      s.areas.delete(id, ctx.actor);
      changed('area', id);
      return { deleted: true as const };
    },

    'audit.list': (filter) => s.audit.list(filter),

    'asset.list': () => s.assets.list(),
    'asset.get': ({ id }) => s.assets.get(id),
    'asset.import': ({ path: source, name }, ctx) =>
      s.jobs.start<ImportAssetInput, NewAsset>({
        kind: 'asset.import',
        title: `Nhập tệp ${path.basename(source)}`,
        worker: workerUrl('library/import-asset.worker.ts'),
        input: { source: path.resolve(source), dataDir: s.dataDir, name: name || path.basename(source) },
        finish: (asset) => {
          const added = s.assets.add(asset, ctx.actor);
          changed('asset', added.id);
          return added;
        },
      }),
    'library.backup': ({ destDir }) => startLibraryBackup(s, destDir),
  } satisfies Partial<Handlers>;
};

/** The library backup job; the updates service runs it too, before installing, and `finish` gets its folder. */
export const startLibraryBackup = (s: Pick<StudioServices, 'jobs' | 'dataDir'>, destDir: string, finish?: (result: BackupResult) => unknown) =>
  s.jobs.start<BackupInput, BackupResult>({
    kind: 'library.backup',
    title: 'Sao lưu thư viện',
    worker: workerUrl('library/backup.worker.ts'),
    // Checked here, before a job starts: a mistyped folder is refused at once with a clear code.
    input: { dataDir: s.dataDir, destDir: prepareDestinationFolder(destDir) },
    finish,
  });
