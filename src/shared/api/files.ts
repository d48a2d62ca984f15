/**
 * Choosing files and folders (issue 11, item 4). In Electron the operating system's own dialogs
 * answer `files.chooseFile` / `files.chooseFolder`; in browser mode the host takes uploads and
 * serves a folder chooser over HTTP (see FILE_ENDPOINTS), both on 127.0.0.1 behind the run's token.
 */
import { z } from 'zod';
import { label } from '../text.ts';
import { request } from './define.ts';

/** What a chosen file is for: it sets the dialog's filters, the default folder and the upload limit. */
export const FILE_PURPOSES = ['audio', 'voicePack', 'certificate', 'text', 'any'] as const;
export const FilePurpose = z.enum(FILE_PURPOSES);
export type FilePurpose = z.infer<typeof FilePurpose>;

/** What a chosen folder is for: where it starts (a USB stick first, never the data folder). */
export const FOLDER_PURPOSES = ['export', 'backup', 'usb', 'package', 'voicePack', 'any'] as const;
export const FolderPurpose = z.enum(FOLDER_PURPOSES);
export type FolderPurpose = z.infer<typeof FolderPurpose>;

/** File name extensions each purpose offers (lower case, no dot); contents are still checked. */
export const FILE_EXTENSIONS: Record<FilePurpose, readonly string[]> = {
  audio: ['mp3', 'wav', 'flac', 'ogg', 'opus', 'oga', 'm4a', 'aac'],
  voicePack: ['zip'],
  certificate: ['pem', 'crt', 'cer'],
  text: ['txt', 'tmx', 'tsv', 'csv'],
  any: [],
};

const MiB = 1024 * 1024;
/** The largest upload the host stages for each purpose: a four-hour WAV, a voice pack, a certificate. */
export const UPLOAD_LIMITS: Record<FilePurpose, number> = {
  audio: 4096 * MiB,
  voicePack: 2048 * MiB,
  certificate: 1 * MiB,
  text: 64 * MiB,
  any: 4096 * MiB,
};

/** A folder offered as a starting point. Removable drives come first. */
export interface Place {
  kind: 'removable' | 'music' | 'documents' | 'desktop' | 'home' | 'drive';
  path: string;
  /** The folder's own name (a USB stick's label, "Music"); the screen words the kind. */
  name: string;
}

export interface FolderEntry {
  name: string;
  path: string;
}

/** One folder as the browser-mode chooser shows it: its subfolders (no files), and the places. */
export interface FolderListing {
  path: string;
  /** null at a root. */
  parent: string | null;
  folders: FolderEntry[];
  places: Place[];
}

/** A file the browser uploaded, staged on the host under its own name: `path` goes to any request. */
export interface StagedUpload {
  path: string;
  name: string;
  bytes: number;
}

/** The host's HTTP endpoints for browser mode (the same origin, token and loopback checks as the screen). */
export const FILE_ENDPOINTS = {
  /**
   * GET ?purpose=…&path=… → FolderListing (path omitted: the purpose's default folder);
   * POST ?purpose=…&path=…&name=… makes folder `name` inside `path` → the new folder's FolderListing.
   */
  folders: '/files/folders',
  /** POST ?purpose=…&name=… with the file as the body → StagedUpload; DELETE ?path=… drops it. */
  upload: '/files/upload',
} as const;

export const filesRequests = {
  /** Removable drives first, then the user's Music, Documents, Desktop and home folders. */
  'files.places': request<Place[]>()(z.strictObject({})),
  /** Where a chooser for this purpose starts: the USB stick when present, else Music or Documents; never the data folder. */
  'files.defaultFolder': request<{ path: string }>()(z.strictObject({ purpose: z.union([FolderPurpose, FilePurpose]) })),
  /** The operating system's open-file dialog (Electron only); null when the user cancels. */
  'files.chooseFile': request<{ path: string | null }>()(z.strictObject({ purpose: FilePurpose, title: label(200).optional() })),
  /** The operating system's folder dialog (Electron only); null when the user cancels. */
  'files.chooseFolder': request<{ path: string | null }>()(z.strictObject({ purpose: FolderPurpose, title: label(200).optional() })),
} as const;
