/** The updates domain's types (issue 16), shared by the service, the screen and the CLI. */
import type { ErrorPayload } from '../errors.ts';

/** Where updates come from: the province's HTTPS server, or a folder (USB stick, LAN share) served on 127.0.0.1. */
export type UpdateSource = { kind: 'server'; url: string } | { kind: 'folder'; path: string };

export interface UpdateSettings {
  /** null until a technician chooses one (the packaged app-update.yml's server is the default). */
  source: UpdateSource | null;
  /**
   * The signing certificate's subject CN an installer must carry (electron-updater's
   * Authenticode check). null: the name packaged in app-update.yml.
   */
  publisherName: string | null;
}

export interface DownloadProgress {
  /** 0–100 */
  percent: number;
  bytesPerSecond: number;
  transferred: number;
  total: number;
}

/**
 * The life of one update, as the Electron glue drives it and the screen shows it. `up-to-date` is
 * kept apart from `idle` so the screen can say "you have the newest version" after a check.
 * `ready` holds the path of the library backup: installing is refused until it is taken.
 */
export type UpdateState =
  | { status: 'idle' }
  | { status: 'checking'; source: UpdateSource }
  | { status: 'up-to-date'; version: string }
  | { status: 'available'; version: string; notes: string | null }
  | { status: 'downloading'; version: string; notes: string | null; progress: DownloadProgress }
  | { status: 'ready'; version: string; notes: string | null; backupPath: string | null }
  | { status: 'installing'; version: string; backupPath: string }
  | { status: 'error'; error: ErrorPayload; version: string | null };

export interface UpdateStatus {
  currentVersion: string;
  state: UpdateState;
  /** Whether this studio can download and install (the desktop app); browser mode and the CLI only check. */
  canInstall: boolean;
}

/** What a check found. `available` is null when the source holds the running version. */
export interface UpdateCheck {
  currentVersion: string;
  source: UpdateSource;
  available: null | {
    version: string;
    notes: string | null;
    releaseDate: string | null;
    /** 'older' or 'same' only when a technician allowed a downgrade. */
    relation: 'newer' | 'same' | 'older';
    installer: { file: string; size: number | null; sha512: string };
  };
}

export interface UpdateDownloadResult {
  version: string;
}

export interface UpdateInstallResult {
  version: string;
  /** The library backup taken before the installer runs; restored if the new version's migrations fail. */
  backupPath: string;
  when: 'now' | 'quit';
}

/** An update folder written for a USB stick or a LAN share (`studio update prepare-folder`). */
export interface UpdateFolderPrepared {
  folder: string;
  version: string;
  /** The files copied, latest.yml last. */
  files: string[];
}
