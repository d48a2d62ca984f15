/** Library requests onto the library's face; a programme's length comes with its current render (audio's). */
import type { Programme } from '../../shared/api/library-types.ts';
import type { AudioService } from '../services/audio/index.ts';
import type { Library } from '../services/library/index.ts';
import type { DomainHandlers } from './dispatch.ts';

export function libraryApi({ library, audio }: { library: Library; audio: AudioService }): DomainHandlers<'library'> {
  const { bulletins, programmes, areas, assets } = library;
  const rendered = (programme: Programme) => audio.withRender(programme);
  return {
    'bulletin.create': (fields, ctx) => bulletins.create(fields, ctx.actor),
    'bulletin.get': ({ id }) => bulletins.get(id),
    'bulletin.update': ({ id, changes }, ctx) => bulletins.update(id, changes, ctx.actor),
    'bulletin.delete': ({ id }, ctx) => {
      bulletins.delete(id, ctx.actor);
      return { deleted: true as const };
    },
    'bulletin.transition': ({ id, to, approver }, ctx) => bulletins.transition(id, to, ctx.actor, approver),
    'bulletin.duplicate': ({ id }, ctx) => bulletins.duplicate(id, ctx.actor),
    'bulletin.audio.set': ({ id, assetId }, ctx) => bulletins.setAudio(id, { assetId, origin: 'import' }, ctx.actor),
    'bulletin.audio.confirm': ({ id }, ctx) => bulletins.confirmAudio(id, ctx.actor),
    'bulletin.list': (filters) => bulletins.list(filters),
    'library.search': (filters) => bulletins.search(filters),

    'programme.create': ({ title, notes, presetLufs }, ctx) => rendered(programmes.create(title, notes, ctx.actor, presetLufs)),
    'programme.get': ({ id }) => rendered(programmes.get(id)),
    'programme.list': () =>
      programmes.list().map((summary) => {
        const { totalSec, exceedsCap } = rendered(programmes.get(summary.id));
        return { ...summary, totalSec, exceedsCap };
      }),
    'programme.update': ({ id, ...changes }, ctx) => rendered(programmes.update(id, changes, ctx.actor)),
    'programme.delete': ({ id }, ctx) => {
      programmes.delete(id, ctx.actor);
      return { deleted: true as const };
    },
    'programme.addItem': ({ programmeId, ...item }, ctx) => rendered(programmes.addItem(programmeId, item, ctx.actor)),
    'programme.removeItem': ({ programmeId, itemId }, ctx) => rendered(programmes.removeItem(programmeId, itemId, ctx.actor)),
    'programme.reorder': ({ programmeId, itemIds }, ctx) => rendered(programmes.reorder(programmeId, itemIds, ctx.actor)),

    'area.list': () => areas.list(),
    'area.create': (input, ctx) => areas.create(input, ctx.actor),
    'area.update': ({ id, ...changes }, ctx) => areas.update(id, changes, ctx.actor),
    'area.delete': ({ id }, ctx) => {
      areas.delete(id, ctx.actor);
      return { deleted: true as const };
    },

    'asset.list': ({ role }) => assets.list(role),
    'asset.get': ({ id }) => assets.get(id),
    'library.backup': ({ destDir }) => library.backup(destDir),
  };
}
