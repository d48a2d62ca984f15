import { StudioError } from '../../../shared/errors.ts';
import type { Handlers } from '../../dispatch.ts';
import type { StudioServices } from '../../studio.ts';

const notYet = (name: string) => () => {
  throw new StudioError('internal', `${name}: not yet implemented`);
};

export const audioHandlers = (_s: StudioServices) =>
  ({
    'audio.import': notYet('audio.import'),
    'audio.loudness': notYet('audio.loudness'),
    'audio.normalize': notYet('audio.normalize'),
    'audio.export': notYet('audio.export'),
    'edit.open': notYet('edit.open'),
    'edit.get': notYet('edit.get'),
    'edit.apply': notYet('edit.apply'),
    'edit.undo': notYet('edit.undo'),
    'edit.redo': notYet('edit.redo'),
    'edit.peaks': notYet('edit.peaks'),
    'edit.preview': notYet('edit.preview'),
    'programme.render': notYet('programme.render'),
  }) satisfies Partial<Handlers>;
