/** Audio and editor requests onto the audio service's face. */
import type { AudioService } from '../services/audio/index.ts';
import type { DomainHandlers } from './dispatch.ts';

export const audioApi = ({ audio }: { audio: AudioService }): DomainHandlers<'audio'> => ({
  'audio.import': ({ path, name, role }, ctx) => audio.import(path, name, ctx.actor, role),
  'audio.loudness': (ref) => audio.loudness(ref),
  'audio.normalize': ({ documentId, preset, target, ceiling }) => audio.normalize(documentId, preset, target, ceiling),
  'audio.export': (req) => audio.export(req),
  'audio.loudnessFile': ({ path }) => audio.loudnessFile(path),
  'audio.normalizeFile': (input) => audio.normalizeFile(input),
  'bulletin.audio.get': ({ id }) => audio.bulletinAudioInfo(id),
  'edit.open': ({ assetId }) => audio.edits.open(assetId),
  'edit.get': ({ documentId }) => audio.edits.get(documentId),
  'edit.apply': ({ documentId, op }) => audio.apply(documentId, op),
  'edit.undo': ({ documentId }) => audio.edits.undo(documentId),
  'edit.redo': ({ documentId }) => audio.edits.redo(documentId),
  'edit.peaks': ({ documentId, pixelsPerSecond }) => audio.peaks(documentId, pixelsPerSecond),
  'edit.preview': ({ documentId }) => audio.preview(documentId),
  'programme.render': ({ programmeId, ...settings }, ctx) => audio.renderProgramme(programmeId, settings, ctx.actor),
});
