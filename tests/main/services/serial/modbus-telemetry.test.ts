/** Modbus RTU telemetry against a modbus-serial ServerSerial on the other end of a pty pair (baud and parity are not checked by ptys). */
import { ServerSerial } from 'modbus-serial';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { EXAMPLE_TRANSMITTER_MAP, ModbusTelemetry } from '../../../../src/main/services/serial/modbus/telemetry.ts';
import { openPtyPair, type PtyPair } from './pty.ts';

let pty: PtyPair;
let server: ServerSerial | null;
let telemetry: ModbusTelemetry | null;
/** The transmitter's registers: 125.0 W forward, 3.5 W reflected, -2.5 °C, 99.90 MHz, alarm bit 2. */
const registers = [1250, 35, 0x10000 - 25, 9990, 0b100];

beforeEach(async () => {
  pty = await openPtyPair();
  server = await new Promise((resolve, reject) => {
    const s = new ServerSerial(
      { getHoldingRegister: (address: number) => registers[address] ?? 0, getInputRegister: (address: number) => registers[address] ?? 0 },
      { path: pty.b, baudRate: 9600, unitID: 1, openCallback: (error: Error | null) => (error ? reject(error) : resolve(s)) } as never,
    );
  });
  telemetry = null;
});

afterEach(async () => {
  await telemetry?.close();
  if (server) await new Promise((r) => server!.close(r as never));
  await pty.close();
});

it('polls the register map and keeps the values', async () => {
  telemetry = await ModbusTelemetry.open({ path: pty.a, baudRate: 9600 }, EXAMPLE_TRANSMITTER_MAP, { timeoutMs: 3000 });
  const snapshot = await telemetry.poll();
  expect(snapshot.stale).toBe(false);
  expect(snapshot.values.forwardPower).toMatchObject({ value: 125, unit: 'W' });
  expect(snapshot.values.reflectedPower!.value).toBe(3.5);
  expect(snapshot.values.temperature!.value).toBe(-2.5);
  expect(snapshot.values.frequency!.value).toBe(99.9);
  expect(snapshot.values.alarms!.value).toBe(4);
  registers[0] = 1300;
  expect((await telemetry.poll()).values.forwardPower!.value).toBe(130);
});

it('a silent transmitter is reported as a timeout and the last values stay', async () => {
  telemetry = await ModbusTelemetry.open({ path: pty.a, baudRate: 9600 }, EXAMPLE_TRANSMITTER_MAP, { timeoutMs: 3000 });
  await telemetry.poll();
  await new Promise((r) => server!.close(r as never));
  server = null;
  const snapshot = await telemetry.poll();
  expect(snapshot.stale).toBe(true);
  expect(snapshot.lastError?.code).toBe('device_timeout');
  expect(snapshot.values.forwardPower!.value).toBeGreaterThan(0);
});

it('a wrong unit id gets no answer: a timeout, nothing kept', async () => {
  telemetry = await ModbusTelemetry.open({ path: pty.a, baudRate: 9600 }, { ...EXAMPLE_TRANSMITTER_MAP, unitId: 7 }, { timeoutMs: 1500 });
  const snapshot = await telemetry.poll();
  expect(snapshot.lastError?.code).toBe('device_timeout');
  expect(snapshot.values).toEqual({});
});
