/**
 * Choosing files and folders, whichever host the screen runs in: in Electron the operating
 * system's dialogs (files.chooseFile/chooseFolder) and dropped files' own paths; in browser mode
 * uploads to the host (a staged copy whose path any request accepts) and the host's folder
 * listing. Screens use PathPicker, never these directly, except for drops.
 */
import { FILE_ENDPOINTS, type FilePurpose, type FolderListing, type FolderPurpose, type StagedUpload } from '../../shared/api/files.ts';
import type { ErrorPayload } from '../../shared/errors.ts';
import { api, ApiError } from './client.ts';

/** Electron: the preload hands over native dialogs and the paths of dropped files. */
export const hasNativeDialogs = (): boolean => typeof window.studio?.pathForFile === 'function';

export interface PickedFile {
  path: string;
  /** The file's own name (the staged copy keeps it too). */
  name: string;
  /** Browser mode: the staged copy is removed on the host; Electron: nothing to do. */
  release(): Promise<void>;
}

const nothingToRelease = async () => undefined;

/** The native open dialog; null when the user cancels. */
export async function chooseNativeFile(purpose: FilePurpose, title?: string): Promise<PickedFile | null> {
  const { path } = await api.call('files.chooseFile', { purpose, title });
  return path ? { path, name: path.split(/[\\/]/).pop() ?? path, release: nothingToRelease } : null;
}

export async function chooseNativeFolder(purpose: FolderPurpose, title?: string): Promise<string | null> {
  return (await api.call('files.chooseFolder', { purpose, title })).path;
}

const failure = (status: number, body: string): ApiError => {
  try {
    const parsed = JSON.parse(body) as { error?: ErrorPayload };
    if (parsed.error?.code) return new ApiError(parsed.error);
  } catch {
    // Not our JSON (a proxy, a dead host): said as a failed transfer below.
  }
  return new ApiError({ code: status === 403 ? 'unauthorized' : 'io_error', message: `HTTP ${status}`, details: { reason: 'upload_interrupted' } });
};

/**
 * A file the user picked or dropped: in Electron its own path; in browser mode uploaded to the
 * host (streamed, with progress 0..1), refused there at once when it is too large or not what
 * the purpose needs.
 */
export function fileToPath(file: File, purpose: FilePurpose, onProgress?: (fraction: number) => void): Promise<PickedFile> {
  const nativePath = window.studio?.pathForFile?.(file);
  if (nativePath) return Promise.resolve({ path: nativePath, name: file.name, release: nothingToRelease });
  return new Promise((resolve, reject) => {
    // XMLHttpRequest, not fetch: only it reports upload progress for a large file.
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${FILE_ENDPOINTS.upload}?purpose=${purpose}&name=${encodeURIComponent(file.name)}`);
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress?.(event.loaded / event.total);
    xhr.onerror = () => reject(failure(0, ''));
    xhr.onload = () => {
      if (xhr.status !== 200) return reject(failure(xhr.status, xhr.responseText));
      const staged = JSON.parse(xhr.responseText) as StagedUpload;
      resolve({
        path: staged.path,
        name: staged.name,
        release: async () => {
          await fetch(`${FILE_ENDPOINTS.upload}?path=${encodeURIComponent(staged.path)}`, { method: 'DELETE' }).catch(() => undefined);
        },
      });
    };
    xhr.send(file);
  });
}

/** Browser mode: one folder's subfolders and the places (USB sticks first), from the host. */
export async function listFolder(purpose: FolderPurpose | FilePurpose, path?: string): Promise<FolderListing> {
  const query = new URLSearchParams({ purpose, ...(path ? { path } : {}) });
  const response = await fetch(`${FILE_ENDPOINTS.folders}?${query}`);
  const body = await response.text();
  if (!response.ok) throw failure(response.status, body);
  return JSON.parse(body) as FolderListing;
}

/** Browser mode's "Thư mục mới": makes `name` inside `parent` on the host; answers the new folder's listing. */
export async function createFolder(purpose: FolderPurpose | FilePurpose, parent: string, name: string): Promise<FolderListing> {
  const response = await fetch(`${FILE_ENDPOINTS.folders}?${new URLSearchParams({ purpose, path: parent, name })}`, { method: 'POST' });
  const body = await response.text();
  if (!response.ok) throw failure(response.status, body);
  return JSON.parse(body) as FolderListing;
}
