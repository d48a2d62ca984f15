/**
 * Modbus RTU telemetry (transmitters): a register map read on a timer through `modbus-serial`,
 * the last good values kept. A poll that times out is reported as `device_timeout` and marks
 * the kept values stale; it never clears them.
 */
import type ModbusRTU from 'modbus-serial';
import { StudioError, type ErrorPayload } from '../../../../shared/errors.ts';
import type { PortSettings } from '../../../../shared/api/serial-types.ts';
import { deviceError } from '../device-errors.ts';
import { DEFAULT_PORT_SETTINGS } from '../link/serial-port-link.ts';

export type RegisterType = 'uint16' | 'int16' | 'uint32' | 'int32' | 'float32';

export interface RegisterEntry {
  /** e.g. forwardPower, reflectedPower, temperature, frequency, alarms. */
  key: string;
  table: 'holding' | 'input';
  address: number;
  type: RegisterType;
  /** Value = raw × scale (e.g. 0.1 for tenths of a watt). */
  scale?: number;
  unit?: string;
}

export interface RegisterMap {
  unitId: number;
  entries: RegisterEntry[];
}

/** A transmitter map that works as a default: tenths of watts, tenths of °C, frequency in 10 kHz steps, alarm bits. */
export const EXAMPLE_TRANSMITTER_MAP: RegisterMap = {
  unitId: 1,
  entries: [
    { key: 'forwardPower', table: 'holding', address: 0, type: 'uint16', scale: 0.1, unit: 'W' },
    { key: 'reflectedPower', table: 'holding', address: 1, type: 'uint16', scale: 0.1, unit: 'W' },
    { key: 'temperature', table: 'holding', address: 2, type: 'int16', scale: 0.1, unit: '°C' },
    { key: 'frequency', table: 'holding', address: 3, type: 'uint16', scale: 0.01, unit: 'MHz' },
    { key: 'alarms', table: 'holding', address: 4, type: 'uint16' },
  ],
};

export interface TelemetryReading {
  value: number;
  unit?: string;
  at: string;
}

export interface TelemetrySnapshot {
  values: Record<string, TelemetryReading>;
  /** True when the last poll failed: values are the last good ones. */
  stale: boolean;
  lastError: ErrorPayload | null;
  polls: number;
}

const WORDS: Record<RegisterType, number> = { uint16: 1, int16: 1, uint32: 2, int32: 2, float32: 2 };

function decode(words: number[], type: RegisterType): number {
  const b = Buffer.alloc(4);
  b.writeUInt16BE(words[0]! & 0xffff, 0);
  if (WORDS[type] === 2) b.writeUInt16BE(words[1]! & 0xffff, 2);
  switch (type) {
    case 'uint16':
      return b.readUInt16BE(0);
    case 'int16':
      return b.readInt16BE(0);
    case 'uint32':
      return b.readUInt32BE(0);
    case 'int32':
      return b.readInt32BE(0);
    case 'float32':
      return b.readFloatBE(0);
  }
}

function toStudioError(error: unknown, stage: string): StudioError {
  if (error instanceof StudioError) return error;
  const e = error as { errno?: string; message?: string; modbusCode?: number };
  if (e?.errno === 'ETIMEDOUT') return deviceError('device_timeout', stage, 'untouched', 'check_settings');
  if (typeof e?.modbusCode === 'number') return deviceError('device_refused', stage, 'untouched', 'check_settings', { modbusCode: e.modbusCode });
  if (e?.errno === 'ECONNREFUSED' || e?.errno === 'Port Not Open') return deviceError('serial_disconnected', stage, 'untouched', 'check_cable');
  return deviceError('device_refused', stage, 'untouched', 'check_settings', { cause: e?.message ?? String(error) });
}

export class ModbusTelemetry {
  private snapshot: TelemetrySnapshot = { values: {}, stale: false, lastError: null, polls: 0 };
  private timer: NodeJS.Timeout | null = null;

  private constructor(
    readonly map: RegisterMap,
    private readonly client: ModbusRTU,
  ) {}

  static async open(port: Partial<PortSettings> & { path: string }, map: RegisterMap, options: { timeoutMs?: number } = {}): Promise<ModbusTelemetry> {
    // modbus-serial loads serialport (a native addon, ~0.2 s): on first use, not with every command.
    const { default: ModbusClient } = await import('modbus-serial');
    const t = new ModbusTelemetry(map, new ModbusClient());
    const s = { ...DEFAULT_PORT_SETTINGS, baudRate: 9600, ...port };
    try {
      await t.client.connectRTUBuffered(s.path, { baudRate: s.baudRate, dataBits: s.dataBits, parity: s.parity, stopBits: s.stopBits === 1.5 ? 1 : s.stopBits });
    } catch (error) {
      throw deviceError('serial_port_unavailable', 'modbus.open', 'untouched', 'check_settings', { path: s.path, cause: (error as Error)?.message });
    }
    t.client.setID(map.unitId);
    t.client.setTimeout(options.timeoutMs ?? 1000);
    return t;
  }

  get current(): TelemetrySnapshot {
    return structuredClone(this.snapshot);
  }

  /** Reads every register once; keeps and returns the values, or records the failure. */
  async poll(): Promise<TelemetrySnapshot> {
    try {
      const at = new Date().toISOString();
      const values: Record<string, TelemetryReading> = {};
      for (const entry of this.map.entries) {
        const count = WORDS[entry.type];
        const read = entry.table === 'holding' ? this.client.readHoldingRegisters(entry.address, count) : this.client.readInputRegisters(entry.address, count);
        const words = (await read).data;
        const value = decode(words, entry.type) * (entry.scale ?? 1);
        values[entry.key] = { value: Math.round(value * 1e6) / 1e6, ...(entry.unit ? { unit: entry.unit } : {}), at };
      }
      this.snapshot = { values, stale: false, lastError: null, polls: this.snapshot.polls + 1 };
    } catch (error) {
      this.snapshot = { ...this.snapshot, stale: true, lastError: toStudioError(error, 'modbus.poll').toPayload(), polls: this.snapshot.polls + 1 };
    }
    return this.current;
  }

  /** Polls every `intervalMs` (one poll at a time) and reports each snapshot. */
  start(intervalMs: number, onSnapshot: (snapshot: TelemetrySnapshot) => void): void {
    const tick = async () => {
      onSnapshot(await this.poll());
      if (this.timer) this.timer = setTimeout(tick, intervalMs);
    };
    this.timer = setTimeout(tick, 0);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  async close(): Promise<void> {
    this.stop();
    if (this.client.isOpen) await new Promise<void>((resolve) => this.client.close(() => resolve()));
  }
}
