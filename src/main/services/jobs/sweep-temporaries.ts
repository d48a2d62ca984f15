/**
 * Start-up sweep of what crashed work left in the data directory: `.part` files and folders,
 * decode temporaries, voice-pack staging folders (207 MB and 1.5 GB were seen left behind).
 * Carefully: a temporary is removed only when nothing can still be writing it, i.e. it has not
 * been touched for STALE_MS and the process named in it (when its name carries one) is gone.
 * Another studio process on the same data (the CLI beside the app) keeps its files.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { processAlive } from './process-alive.ts';

export const STALE_MS = 10 * 60_000;
const MAX_DEPTH = 4;

/** Names the studio gives its temporaries, and where the writer's pid is in each. */
const TEMPORARY: { pattern: RegExp; dir: boolean }[] = [
  { pattern: /^\.import-(\d+)-\d+\.(part|wav)$/, dir: false }, // audio import
  { pattern: /^\.package-(\d+)-\d+\.part$/, dir: false }, // package import
  { pattern: /^\..+\.(\d+)\.\d+\.part$/, dir: false }, // PartFile
  { pattern: /\.(\d+)\.part$/, dir: false }, // peaks
  { pattern: /\.tmp-(\d+)$/, dir: false }, // package hash-copy
  { pattern: /\.[0-9a-f-]{36}\.part$/, dir: false }, // sentence cache
  { pattern: /^staging-[0-9a-f-]{36}$/, dir: true }, // voice-pack install
  { pattern: /\.part(-[0-9a-f]{8})?$/, dir: true }, // package or backup folder being written
];

export interface SweepResult {
  removed: string[];
  bytes: number;
}

export async function sweepTemporaries(root: string, options: { now?: number; isAlive?: (pid: number) => boolean } = {}): Promise<SweepResult> {
  const now = options.now ?? Date.now();
  const isAlive = options.isAlive ?? processAlive;
  const result: SweepResult = { removed: [], bytes: 0 };
  const visit = async (dir: string, depth: number): Promise<void> => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) continue;
      const kind = TEMPORARY.find((t) => t.dir === entry.isDirectory() && t.pattern.test(entry.name));
      if (kind) {
        const pid = Number(kind.pattern.exec(entry.name)?.[1]);
        const writerAlive = Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid);
        const usage = await lastTouched(full);
        if (!writerAlive && usage && now - usage.mtimeMs > STALE_MS) {
          try {
            await fs.rm(full, { recursive: true, force: true });
            result.removed.push(full);
            result.bytes += usage.bytes;
          } catch {
            // Locked (an antivirus scan on Windows): the next start tries again.
          }
        }
      } else if (entry.isDirectory() && depth < MAX_DEPTH) {
        await visit(full, depth + 1);
      }
    }
  };
  await visit(root, 0);
  return result;
}

/** The newest modification inside (a folder's own mtime misses writes to its files) and the size. */
async function lastTouched(target: string): Promise<{ mtimeMs: number; bytes: number } | null> {
  try {
    const stat = await fs.lstat(target);
    if (!stat.isDirectory()) return { mtimeMs: stat.mtimeMs, bytes: stat.size };
    let mtimeMs = stat.mtimeMs;
    let bytes = 0;
    for (const entry of await fs.readdir(target, { withFileTypes: true, recursive: true })) {
      const inner = await fs.lstat(path.join(entry.parentPath ?? entry.path, entry.name)).catch(() => null);
      if (!inner) continue;
      mtimeMs = Math.max(mtimeMs, inner.mtimeMs);
      if (inner.isFile()) bytes += inner.size;
    }
    return { mtimeMs, bytes };
  } catch {
    return null;
  }
}

