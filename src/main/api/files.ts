/** File and folder choosing onto the files face. */
import type { Files } from '../services/files/index.ts';
import type { DomainHandlers } from './dispatch.ts';

export const filesApi = ({ files }: { files: Files }): DomainHandlers<'files'> => ({
  'files.places': () => files.places(),
  'files.defaultFolder': ({ purpose }) => files.defaultFolder(purpose),
  'files.chooseFile': ({ purpose, title }) => files.chooseFile(purpose, title),
  'files.chooseFolder': ({ purpose, title }) => files.chooseFolder(purpose, title),
});
