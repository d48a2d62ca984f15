/**
 * Port discovery: the system's list (which can fail: no udev in a container, no permission),
 * typed paths the list does not show (a pty, a port behind a driver the list misses), and a
 * plug/unplug watcher that polls both (port-watch.ts runs it only while a screen watches).
 */
import fs from 'node:fs';
import { StudioError } from '../../../shared/errors.ts';
import type { PortInfo } from '../../../shared/api/serial-types.ts';

export type PortLister = () => Promise<Array<{ path: string; manufacturer?: string; serialNumber?: string; vendorId?: string; productId?: string }>>;

// serialport (a native addon, ~0.2 s to load) is loaded on first use, not by every `studio` command.
const systemLister: PortLister = async () => (await import('serialport')).SerialPort.list();

/** The ports the system knows; a listing failure is `serial_listing_failed`, never a crash. */
export async function listPorts(lister: PortLister = systemLister): Promise<PortInfo[]> {
  let raw;
  try {
    raw = await lister();
  } catch (error) {
    throw new StudioError('serial_listing_failed', 'ports.list', { cause: error instanceof Error ? error.message : String(error) });
  }
  return raw
    .map((p) => ({
      path: p.path,
      ...(p.manufacturer ? { manufacturer: p.manufacturer } : {}),
      ...(p.serialNumber ? { serialNumber: p.serialNumber } : {}),
      ...(p.vendorId ? { vendorId: p.vendorId } : {}),
      ...(p.productId ? { productId: p.productId } : {}),
    }))
    .sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
}

const WINDOWS_PORT = /^(\\\\\.\\)?COM[1-9]\d{0,2}$/i;
const UNIX_PORT = /^\/dev\/[\w./-]+$|^\/[\w./-]+$/;

/**
 * Checks a path typed by a technician: `COM7` (any case), `\\.\COM12`, `/dev/ttyUSB0`, or an
 * absolute path (a pty link). Returns it normalised (`com7` → `COM7`).
 */
export function normalisePortPath(typed: string): string {
  const path = typed.trim();
  if (WINDOWS_PORT.test(path)) return path.replace(/com/i, 'COM');
  if (UNIX_PORT.test(path) && !path.includes('..')) return path;
  throw new StudioError('invalid_argument', 'ports.path', { path: typed });
}

/**
 * The device profiles' typed paths, once each, marked as typed, with the profiles using them. The
 * system list never shows ptys and fails where udev is missing, so a Unix path is checked on disk
 * (`present`), which is what the open would find. `COM7` cannot be checked that way (the system
 * list covers Windows ports): its presence is left unsaid.
 */
export function typedPorts(profiles: Iterable<{ name: string; path: string }>): PortInfo[] {
  const byPath = new Map<string, PortInfo & { profiles: string[] }>();
  for (const { name, path: typed } of profiles) {
    const known = byPath.get(typed);
    if (known) known.profiles.push(name);
    else byPath.set(typed, { path: typed, source: 'profile', typed: true, ...(WINDOWS_PORT.test(typed) ? {} : { present: fs.existsSync(typed) }), profiles: [name] });
  }
  return [...byPath.values()];
}

/** The typed paths that exist right now (a pty, `/dev/ttyUSB0` on a machine without udev): what the watch follows. */
export function presentTypedPaths(profiles: Iterable<{ name: string; path: string }>): PortInfo[] {
  return typedPorts(profiles).filter((p) => p.present === true);
}

export interface PortSnapshot {
  ports: PortInfo[];
  /** The system listing's failure (`serial_listing_failed`); the typed paths are still there. */
  error: StudioError | null;
}

/**
 * The ports as the studio sees them: the system list merged with the typed paths present on disk.
 * A failing listing keeps the typed paths and carries its error.
 */
export async function snapshotPorts(lister: PortLister | undefined, profiles: Iterable<{ name: string; path: string }>, which: 'present' | 'all' = 'present'): Promise<PortSnapshot> {
  let system: PortInfo[] = [];
  let error: StudioError | null = null;
  try {
    system = await listPorts(lister);
  } catch (caught) {
    if (!(caught instanceof StudioError)) throw caught;
    error = caught;
  }
  const listed = new Set(system.map((p) => p.path));
  const typed = (which === 'all' ? typedPorts(profiles) : presentTypedPaths(profiles)).filter((p) => !listed.has(p.path));
  return { ports: [...system, ...typed].sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true })), error };
}

export interface PortChange {
  added: PortInfo[];
  removed: PortInfo[];
  ports: PortInfo[];
  error: StudioError | null;
}

export interface PortWatcher {
  stop(): void;
}

/**
 * Polls a snapshot source and reports what appeared and disappeared, and when the listing starts
 * or stops failing. While the listing fails, the system's ports last seen are kept (a failing
 * listing is not an unplug). The baseline (`initial`, or else the first snapshot) is not reported.
 */
export function watchPorts(
  onChange: (change: PortChange) => void,
  options: { intervalMs: number; snapshot: () => Promise<PortSnapshot>; initial?: PortSnapshot },
): PortWatcher {
  let known: Map<string, PortInfo> | null = options.initial ? new Map(options.initial.ports.map((p) => [p.path, p])) : null;
  let failing: string | null = options.initial?.error?.code ?? null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const tick = async () => {
    try {
      const snap = await options.snapshot();
      const now = new Map(snap.ports.map((p) => [p.path, p]));
      // The listing failed: what it showed before is assumed still there.
      if (snap.error && known) for (const [path, port] of known) if (port.source !== 'profile' && !now.has(path)) now.set(path, port);
      const code = snap.error ? snap.error.code : null;
      if (known && !stopped) {
        const added = [...now.values()].filter((p) => !known!.has(p.path));
        const removed = [...known.values()].filter((p) => !now.has(p.path));
        if (added.length > 0 || removed.length > 0 || code !== failing) onChange({ added, removed, ports: [...now.values()], error: snap.error });
      }
      known = now;
      failing = code;
    } catch {
      // A snapshot that throws something untyped (a bug) must not end the watching.
    }
    if (!stopped) timer = setTimeout(() => void tick(), options.intervalMs);
  };
  if (options.initial) timer = setTimeout(() => void tick(), options.intervalMs);
  else void tick();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
