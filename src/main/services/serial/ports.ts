/**
 * Port discovery: the system's list (which can fail: no udev in a container, no permission),
 * typed paths the list does not show (a pty, a port behind a driver the list misses), and a
 * plug/unplug watcher that polls the list.
 */
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

export interface PortChange {
  added: PortInfo[];
  removed: PortInfo[];
  ports: PortInfo[];
}

export interface PortWatcher {
  stop(): void;
}

/**
 * Polls the list and reports what appeared and disappeared. A failing listing is reported once
 * per failure streak through `onError`, and watching carries on.
 */
export function watchPorts(
  onChange: (change: PortChange) => void,
  options: { intervalMs?: number; lister?: PortLister; onError?: (error: StudioError) => void } = {},
): PortWatcher {
  const intervalMs = options.intervalMs ?? 1500;
  let known: Map<string, PortInfo> | null = null;
  let failing = false;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const tick = async () => {
    try {
      const ports = await listPorts(options.lister);
      failing = false;
      const now = new Map(ports.map((p) => [p.path, p]));
      if (known) {
        const added = ports.filter((p) => !known!.has(p.path));
        const removed = [...known.values()].filter((p) => !now.has(p.path));
        if (added.length > 0 || removed.length > 0) onChange({ added, removed, ports });
      } else {
        onChange({ added: ports, removed: [], ports });
      }
      known = now;
    } catch (error) {
      if (!failing && error instanceof StudioError) options.onError?.(error);
      failing = true;
    }
    if (!stopped) timer = setTimeout(tick, intervalMs);
  };
  void tick();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
