/**
 * Plug and unplug, watched in the main process only while someone looks: a screen (or any
 * caller) takes a lease with `serial.port.watch`, renews it the same way, and gives it back with
 * `serial.port.unwatch`. The poll runs while at least one lease is live and stops by itself when
 * the last one ends or expires — a screen that was closed without saying so (a crashed window, a
 * dropped WebSocket) stops costing anything once its lease runs out. Changes go out as the
 * `serial.ports.changed` event.
 *
 * Why a poll: serialport has no plug/unplug notification of its own on every platform (on Linux
 * its list is udev's); reading the list every second and a half is cheap and the same everywhere.
 */
import { randomUUID } from 'node:crypto';
import type { PortInfo, PortsChanged } from '../../../shared/api/serial-types.ts';
import type { StudioError } from '../../../shared/errors.ts';
import type { StudioEvents } from '../../../shared/events.ts';
import { watchPorts, type PortSnapshot, type PortWatcher } from './ports.ts';

export interface PortWatchDeps {
  /** The ports now: the system list merged with the profiles' typed paths present on disk. */
  snapshot: () => Promise<PortSnapshot>;
  emit: (name: 'serial.ports.changed', payload: StudioEvents['serial.ports.changed']) => void;
  intervalMs?: number;
  leaseMs?: number;
}

export interface WatchLease {
  watchId: string;
  /** Renew (call `serial.port.watch` with the id) well before this many milliseconds pass. */
  leaseMs: number;
  ports: PortInfo[];
  error: PortsChanged['error'];
}

export const PORT_POLL_MS = 1500;
export const PORT_LEASE_MS = 60_000;

export function createPortWatch(deps: PortWatchDeps) {
  const intervalMs = deps.intervalMs ?? PORT_POLL_MS;
  const leaseMs = deps.leaseMs ?? PORT_LEASE_MS;
  const leases = new Map<string, number>();
  let watcher: PortWatcher | null = null;
  let last: PortSnapshot | null = null;
  let expiryTimer: NodeJS.Timeout | null = null;

  const payloadError = (error: StudioError | null) => (error ? error.toPayload() : null);

  function stopIfUnwatched(): void {
    const now = Date.now();
    for (const [id, until] of leases) if (until <= now) leases.delete(id);
    if (leases.size > 0) return;
    watcher?.stop();
    watcher = null;
    last = null;
    if (expiryTimer) clearInterval(expiryTimer);
    expiryTimer = null;
  }

  async function start(): Promise<PortSnapshot> {
    const initial = await deps.snapshot();
    // Another watch may have started the poll while this snapshot was read.
    if (watcher) return last ?? initial;
    last = initial;
    watcher = watchPorts(
      (change) => {
        last = { ports: change.ports, error: change.error };
        deps.emit('serial.ports.changed', { added: change.added, removed: change.removed, ports: change.ports, error: payloadError(change.error) });
      },
      { intervalMs, snapshot: deps.snapshot, initial },
    );
    // Leases that nobody renews end the poll even when no call comes in.
    expiryTimer = setInterval(stopIfUnwatched, Math.min(leaseMs, 10_000));
    expiryTimer.unref();
    return initial;
  }

  return {
    /** Takes a lease (or renews `watchId`'s) and answers with the ports seen now. */
    async watch(watchId?: string): Promise<WatchLease> {
      const id = watchId && leases.has(watchId) ? watchId : randomUUID();
      leases.set(id, Date.now() + leaseMs);
      const snap = watcher && last ? last : await start();
      return { watchId: id, leaseMs, ports: snap.ports, error: payloadError(snap.error) };
    },
    /** Gives a lease back; the poll stops with the last one. */
    unwatch(watchId: string): { watching: boolean } {
      leases.delete(watchId);
      stopIfUnwatched();
      return { watching: watcher !== null };
    },
    /** Whether the poll runs now (for tests and the studio's shutdown). */
    get running(): boolean {
      return watcher !== null;
    },
    close(): void {
      leases.clear();
      stopIfUnwatched();
    },
  };
}

export type PortWatch = ReturnType<typeof createPortWatch>;
