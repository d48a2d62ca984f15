/**
 * Where a chooser starts: removable drives (the USB stick an editor brings from the district
 * centre) first, then the user's own folders. Everything is read from the file system each time,
 * so a stick plugged in while the chooser is open shows up at the next look.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FilePurpose, FolderPurpose, Place } from '../../../shared/api/files.ts';

export interface PlaceRoots {
  /** The operating system whose conventions apply (tests pass 'linux' with a made-up tree). */
  platform: NodeJS.Platform;
  /** The user's home folder. */
  home: string;
  /** The user's login name: udisks mounts sticks under /media/<name>/ and /run/media/<name>/. */
  user: string;
  /** Linux: where sticks are mounted, `/media` and `/run/media`; macOS: `/Volumes`. */
  mediaRoots: string[];
  /** Windows: the removable drive letters, when the system can say (see windowsRemovableDrives). */
  windowsDrives?: () => Promise<{ removable: string[]; fixed: string[] }>;
}

/** The running system's roots; STUDIO_MEDIA_ROOTS (folders joined by the path delimiter) names other mount folders. */
export function systemRoots(env: NodeJS.ProcessEnv = process.env): PlaceRoots {
  const platform = process.platform;
  return {
    platform,
    home: os.homedir(),
    user: safeUserName(),
    mediaRoots: env.STUDIO_MEDIA_ROOTS ? env.STUDIO_MEDIA_ROOTS.split(path.delimiter).filter(Boolean) : platform === 'darwin' ? ['/Volumes'] : ['/media', '/run/media'],
    windowsDrives: platform === 'win32' ? windowsDrives : undefined,
  };
}

function safeUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? '';
  }
}

const isDir = (file: string) => {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
};

const subfolders = (dir: string): string[] => {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((entry) => !entry.name.startsWith('.') && (entry.isDirectory() || (entry.isSymbolicLink() && isDir(path.join(dir, entry.name)))))
      .map((entry) => path.join(dir, entry.name))
      .sort();
  } catch {
    return [];
  }
};

/**
 * Linux and macOS sticks: `/media/<label>` (Debian's automounters, macOS's /Volumes),
 * `/media/<user>/<label>` (udisks on Debian and Ubuntu) and `/run/media/<user>/<label>` (udisks on
 * Fedora). The user's own folder under /run/media, or under /media when it bears the user's name,
 * holds sticks; any other folder there is one.
 */
function unixRemovable(mediaRoots: string[], user: string): string[] {
  const found: string[] = [];
  for (const root of mediaRoots) {
    const perUserRoot = path.basename(root) === 'media' && path.basename(path.dirname(root)) === 'run';
    for (const entry of subfolders(root)) {
      if (perUserRoot || (user && path.basename(entry) === user)) found.push(...subfolders(entry));
      else found.push(entry);
    }
  }
  return found;
}

/**
 * The user's folders by XDG names where the desktop set them (`~/.config/user-dirs.dirs`: a
 * Vietnamese desktop names Music "Nhạc"), else the English defaults.
 */
function userFolder(home: string, key: 'MUSIC' | 'DOCUMENTS' | 'DESKTOP', platform: NodeJS.Platform): string {
  const fallback = path.join(home, { MUSIC: 'Music', DOCUMENTS: 'Documents', DESKTOP: 'Desktop' }[key]);
  if (platform !== 'linux') return fallback;
  try {
    const text = fs.readFileSync(path.join(home, '.config', 'user-dirs.dirs'), 'utf8');
    const match = new RegExp(`^XDG_${key}_DIR="([^"]+)"`, 'm').exec(text);
    if (match) return match[1]!.replace(/^\$HOME/, home);
  } catch {
    // No user-dirs file: the defaults.
  }
  return fallback;
}

/** Removable drives first, then Music, Documents, Desktop, home (and, on Windows, the other drives). */
export async function listPlaces(roots: PlaceRoots): Promise<Place[]> {
  const places: Place[] = [];
  // Asked once per listing: on Windows it is a PowerShell call.
  const drives = roots.platform === 'win32' && roots.windowsDrives ? await roots.windowsDrives() : null;
  if (drives) {
    for (const drive of drives.removable) places.push({ kind: 'removable', path: drive, name: drive.replace(/\\$/, '') });
  } else {
    for (const dir of unixRemovable(roots.mediaRoots, roots.user)) places.push({ kind: 'removable', path: dir, name: path.basename(dir) });
  }
  for (const [kind, key] of [['music', 'MUSIC'], ['documents', 'DOCUMENTS'], ['desktop', 'DESKTOP']] as const) {
    const dir = userFolder(roots.home, key, roots.platform);
    if (isDir(dir)) places.push({ kind, path: dir, name: path.basename(dir) });
  }
  if (isDir(roots.home)) places.push({ kind: 'home', path: roots.home, name: path.basename(roots.home) });
  if (drives) {
    for (const drive of drives.fixed) places.push({ kind: 'drive', path: drive, name: drive.replace(/\\$/, '') });
  } else if (roots.platform !== 'win32') {
    places.push({ kind: 'drive', path: '/', name: '/' });
  }
  return places;
}

/**
 * Where a chooser opens: the USB stick when one is present for what usually travels on one (audio,
 * packages, exports, backups), else Music for audio and Documents for the rest. Never the data
 * folder: an export or a backup there would be lost with it.
 */
export function defaultPlace(places: Place[], purpose: FilePurpose | FolderPurpose, dataDir: string): string {
  const stick = places.find((p) => p.kind === 'removable');
  const preferred = purpose === 'audio' ? ['music', 'documents', 'home'] : ['documents', 'desktop', 'home'];
  const wantsStick = purpose !== 'certificate' && purpose !== 'text';
  const inData = (dir: string) => dir === dataDir || dir.startsWith(`${dataDir}${path.sep}`);
  if (wantsStick && stick) return stick.path;
  for (const kind of preferred) {
    const place = places.find((p) => p.kind === kind && !inData(p.path));
    if (place) return place.path;
  }
  return places.find((p) => !inData(p.path))?.path ?? path.parse(dataDir).root;
}

/**
 * Windows drive letters by type, from the system's own table (DriveType 2 = removable, 3 = fixed).
 * PowerShell answers in about a second; a machine where it cannot run gets every existing letter
 * as a fixed drive, which is still a working chooser, only without the stick first.
 */
function windowsDrives(): Promise<{ removable: string[]; fixed: string[] }> {
  const script = 'Get-CimInstance Win32_LogicalDisk | ForEach-Object { "$($_.DeviceID)|$($_.DriveType)" }';
  return new Promise((resolve) => {
    execFile('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', script], { timeout: 10_000, windowsHide: true }, (error, stdout) => {
      if (error) {
        const letters = 'CDEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((l) => `${l}:\\`).filter(isDir);
        resolve({ removable: [], fixed: letters });
        return;
      }
      const removable: string[] = [];
      const fixed: string[] = [];
      for (const line of stdout.split(/\r?\n/)) {
        const [id, type] = line.trim().split('|');
        if (!id || !/^[A-Z]:$/.test(id)) continue;
        (type === '2' ? removable : fixed).push(`${id}\\`);
      }
      resolve({ removable, fixed });
    });
  });
}
