/**
 * Plug and unplug through the request and the event, with socat making and removing a real pty.
 * serialport's list never shows ptys (on Linux it is udev's list of hardware ports, and in this
 * container it fails: no udevadm), so the pty is seen the way the studio sees any port the list
 * misses: it is a device profile's typed path, checked on disk by the same watch (ports.ts
 * `snapshotPorts`). No list function is faked: the system list runs as it is (and its failure,
 * where there is no udev, is carried in the event as `serial_listing_failed`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { PortsChanged } from '../../../../src/shared/api/serial-types.ts';
import { useTestStudio } from '../../../helpers/studio.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { openPtyPair } from './pty.ts';

const studio = useTestStudio();

it('a pty that socat makes and removes arrives as serial.ports.changed added, then removed; the watch stops when given back', async () => {
  const temp = makeTempDir();
  try {
    const port = path.join(temp.dir, 'ttyRECEIVER');
    await studio.call('serial.profile.create', { name: 'Máy thu xã', kind: 'receiver', port: { path: port }, driver: 'ymodem' });
    const changes: PortsChanged[] = [];
    const stop = studio.events.subscribe((event) => event.name === 'serial.ports.changed' && changes.push(event.payload));
    const lease = await studio.call('serial.port.watch', {});
    expect(lease.ports.map((p) => p.path)).not.toContain(port);
    // Where the system list fails (no udev), the watch says so and carries on with the typed paths.
    if (lease.error) expect(lease.error.code).toBe('serial_listing_failed');

    const pty = await openPtyPair({ a: port, b: path.join(temp.dir, 'ttyDEVICE') });
    await expect.poll(() => changes.flatMap((c) => c.added.map((p) => p.path)), { timeout: 30_000 }).toContain(port);
    const added = changes.find((c) => c.added.some((p) => p.path === port))!;
    expect(added.added.find((p) => p.path === port)).toMatchObject({ source: 'profile' });
    expect(added.ports.map((p) => p.path)).toContain(port);

    // The lease is renewed with its id and answers with the ports now.
    const renewed = await studio.call('serial.port.watch', { watchId: lease.watchId });
    expect(renewed.watchId).toBe(lease.watchId);
    expect(renewed.ports.map((p) => p.path)).toContain(port);

    await pty.close(); // socat removes its link as it ends: the cable is pulled
    expect(fs.existsSync(port)).toBe(false);
    await expect.poll(() => changes.flatMap((c) => c.removed.map((p) => p.path)), { timeout: 30_000 }).toContain(port);

    expect(await studio.call('serial.port.unwatch', { watchId: lease.watchId })).toEqual({ watching: false });
    stop();
  } finally {
    temp.remove();
  }
}, 120_000);
