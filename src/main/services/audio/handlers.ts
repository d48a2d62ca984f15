import type { Handlers } from '../../dispatch.ts';
import type { StudioServices } from '../../studio.ts';
import { AudioService } from './audio-service.ts';

export const audioHandlers = (s: StudioServices) => {
  const audio = new AudioService(s);
  return {
    'audio.import': ({ path, name }, ctx) => audio.import(path, name, ctx.actor),
    'audio.loudness': (ref) => audio.loudness(ref),
    'audio.normalize': ({ documentId, preset, target, ceiling }) => audio.normalize(documentId, preset, target, ceiling),
    'audio.export': (req) => audio.export(req),
    'audio.loudnessFile': ({ path }) => audio.loudnessFile(path),
    'audio.normalizeFile': (input) => audio.normalizeFile(input),
    'edit.open': ({ assetId }) => audio.edits.open(assetId),
    'edit.get': ({ documentId }) => audio.edits.get(documentId),
    'edit.apply': ({ documentId, op }) => audio.apply(documentId, op),
    'edit.undo': ({ documentId }) => audio.edits.undo(documentId),
    'edit.redo': ({ documentId }) => audio.edits.redo(documentId),
    'edit.peaks': ({ documentId, pixelsPerSecond }) => audio.peaks(documentId, pixelsPerSecond),
    'edit.preview': ({ documentId }) => audio.preview(documentId),
    'programme.render': ({ programmeId, ...options }) => audio.renderProgramme(programmeId, options),
  } satisfies Partial<Handlers>;
};
