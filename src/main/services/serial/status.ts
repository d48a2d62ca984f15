/**
 * One status read of a device: a transmitter's Modbus registers or a line device's status
 * commands. The last good values are kept per profile, so a read that fails (a timeout, the
 * cable out) shows the old values as stale beside the error rather than an empty panel. Reads of
 * one port wait for each other (a live panel polling while a technician presses "read").
 */
import { StudioError } from '../../../shared/errors.ts';
import type { DeviceStatus, StatusValue } from '../../../shared/api/serial.ts';
import type { DeviceProfile, PortSettings } from '../../../shared/api/serial-types.ts';
import { LineDriver, type LineDriverConfig } from './line/line-driver.ts';
import { openSerialLink } from './link/serial-port-link.ts';
import { EXAMPLE_TRANSMITTER_MAP, ModbusTelemetry, type RegisterMap } from './modbus/telemetry.ts';

export type StatusKeeper = Map<string, DeviceStatus>;

export type StatusSource = { kind: 'modbus'; map?: RegisterMap; timeoutMs: number } | { kind: 'line'; config: LineDriverConfig; timeoutMs: number };

const portQueues = new Map<string, Promise<unknown>>();

function onePerPort<T>(portPath: string, work: () => Promise<T>): Promise<T> {
  const before = portQueues.get(portPath) ?? Promise.resolve();
  const run = before.then(work, work);
  const settled = run.catch(() => undefined);
  portQueues.set(portPath, settled);
  void settled.then(() => portQueues.get(portPath) === settled && portQueues.delete(portPath));
  return run;
}

/** One poll of a register map; a failed read is thrown (device_timeout, device_refused, …). */
export async function readModbus(port: Partial<PortSettings> & { path: string }, map: RegisterMap, timeoutMs: number): Promise<Record<string, StatusValue>> {
  const telemetry = await ModbusTelemetry.open(port, map, { timeoutMs });
  try {
    const snapshot = await telemetry.poll();
    if (snapshot.lastError) throw new StudioError(snapshot.lastError.code, snapshot.lastError.message, snapshot.lastError.details);
    return snapshot.values;
  } finally {
    await telemetry.close();
  }
}

async function readLine(profile: DeviceProfile, config: LineDriverConfig, timeoutMs: number): Promise<Record<string, StatusValue>> {
  const link = await openSerialLink(profile.port);
  try {
    const commands = Object.fromEntries(Object.entries(config.commands).map(([name, c]) => [name, { ...c, timeoutMs: c.timeoutMs ?? timeoutMs }]));
    const replies = await new LineDriver(link, { ...config, commands }).readStatus();
    const at = new Date().toISOString();
    const values: Record<string, StatusValue> = {};
    for (const [command, groups] of Object.entries(replies)) {
      for (const [group, text] of Object.entries(groups)) {
        const number = Number(text);
        values[`${command}.${group}`] = { value: text.trim() !== '' && Number.isFinite(number) ? number : text, at };
      }
    }
    return values;
  } finally {
    await link.close();
  }
}

/** Reads once; a failure is returned in `lastError` with the kept values marked stale (never thrown). */
export function readDeviceStatus(kept: StatusKeeper, profile: DeviceProfile, source: StatusSource): Promise<DeviceStatus> {
  return onePerPort(profile.port.path, async () => {
    const previous = kept.get(profile.id);
    const reads = (previous?.reads ?? 0) + 1;
    let status: DeviceStatus;
    try {
      const values = source.kind === 'modbus' ? await readModbus(profile.port, source.map ?? EXAMPLE_TRANSMITTER_MAP, source.timeoutMs) : await readLine(profile, source.config, source.timeoutMs);
      status = { profileId: profile.id, values, stale: false, lastError: null, reads };
    } catch (error) {
      if (!(error instanceof StudioError)) throw error;
      status = { profileId: profile.id, values: previous?.values ?? {}, stale: true, lastError: error.toPayload(), reads };
    }
    kept.set(profile.id, status);
    return status;
  });
}
