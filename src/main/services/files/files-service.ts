/**
 * The files face: places to start from, folder listings for the browser-mode chooser, the
 * operating system's dialogs where the host has them (Electron), and staged uploads.
 */
import path from 'node:path';
import { FILE_EXTENSIONS, type FilePurpose, type FolderListing, type FolderPurpose, type Place } from '../../../shared/api/files.ts';
import { StudioError } from '../../../shared/errors.ts';
import { listSubfolders } from './folder-list.ts';
import { makeFolder } from './new-folder.ts';
import { defaultPlace, listPlaces, systemRoots, type PlaceRoots } from './places.ts';
import { UploadStaging } from './uploads.ts';

/** The host's own open dialogs (Electron's `dialog`); absent in browser mode, the CLI and tests. */
export interface NativeDialogs {
  openFile(options: { title?: string; defaultPath: string; extensions: readonly string[] }): Promise<string | null>;
  openFolder(options: { title?: string; defaultPath: string }): Promise<string | null>;
}

export interface FilesDeps {
  dataDir: string;
  dialogs?: NativeDialogs;
  /** Where removable drives and the user's folders are looked for (tests pass a made-up tree). */
  roots?: PlaceRoots;
}

export function createFiles({ dataDir, dialogs, roots = systemRoots() }: FilesDeps) {
  const uploads = new UploadStaging(path.join(dataDir, 'uploads'), path.join(dataDir, 'certificates'));
  const noDialogs = () => new StudioError('invalid_argument', 'no native file dialog in this host', { reason: 'native_dialog_unavailable' });
  const startAt = async (purpose: FilePurpose | FolderPurpose) => defaultPlace(await listPlaces(roots), purpose, dataDir);
  /** One folder's subfolders and the places; without `dir`, the purpose's default folder. */
  const folders = async (dir: string | undefined, purpose: FilePurpose | FolderPurpose): Promise<FolderListing> => {
    const places = await listPlaces(roots);
    const listing = await listSubfolders(dir ?? defaultPlace(places, purpose, dataDir));
    return { ...listing, places };
  };
  return {
    places: (): Promise<Place[]> => listPlaces(roots),
    defaultFolder: async (purpose: FilePurpose | FolderPurpose): Promise<{ path: string }> => ({ path: await startAt(purpose) }),
    folders,
    /** "Thư mục mới": makes `name` inside `parent` and answers the new folder's listing (the chooser moves into it). */
    createFolder: async (parent: string, name: string, purpose: FilePurpose | FolderPurpose): Promise<FolderListing> => folders(await makeFolder(parent, name), purpose),
    async chooseFile(purpose: FilePurpose, title?: string): Promise<{ path: string | null }> {
      if (!dialogs) throw noDialogs();
      return { path: await dialogs.openFile({ title, defaultPath: await startAt(purpose), extensions: FILE_EXTENSIONS[purpose] }) };
    },
    async chooseFolder(purpose: FolderPurpose, title?: string): Promise<{ path: string | null }> {
      if (!dialogs) throw noDialogs();
      return { path: await dialogs.openFolder({ title, defaultPath: await startAt(purpose) }) };
    },
    uploads,
  };
}

export type Files = ReturnType<typeof createFiles>;
