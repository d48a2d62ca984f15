/** Device profiles and the flash audit trail in a real studio database; a flash job writes its audit record. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../src/main/services/storage/database.ts';
import { StudioError } from '../../../../src/shared/errors.ts';
import { createProfile, deleteProfile, getProfile, listFlashAudit, listPorts, listProfiles, normalisePortPath, recordFlash, runFlashJob, updateProfile } from '../../../../src/main/services/serial/index.ts';
import { Stm32Emulator } from './stm32-emulator.ts';
import { FLASH, applicationImage } from './firmware-fixtures.ts';
import { openPtyPair } from './pty.ts';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-serial-db-'));
  db = openDatabase(dir);
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const receiver = { name: 'Máy thu xã Tân Lập', kind: 'receiver' as const, port: { path: 'COM7', baudRate: 115200 }, driver: 'ymodem' as const };

it('stores, lists, updates and deletes device profiles; names are unique; bad input is refused', () => {
  const created = createProfile(db, receiver);
  expect(created.port).toMatchObject({ path: 'COM7', baudRate: 115200, parity: 'none', dataBits: 8, flowControl: 'none' });
  expect(listProfiles(db).map((p) => p.name)).toEqual(['Máy thu xã Tân Lập']);
  expect(() => createProfile(db, receiver)).toThrow(expect.objectContaining({ code: 'conflict' }));
  const updated = updateProfile(db, created.id, { ...receiver, kind: 'transmitter', driver: 'modbus', options: { unitId: 3 } });
  expect(getProfile(db, created.id)).toMatchObject({ kind: 'transmitter', driver: 'modbus', options: { unitId: 3 } });
  expect(updated.updatedAt >= created.updatedAt).toBe(true);
  expect(() => createProfile(db, { ...receiver, name: 'x', kind: 'toaster' as never })).toThrow(expect.objectContaining({ code: 'invalid_argument' }));
  deleteProfile(db, created.id);
  expect(() => getProfile(db, created.id)).toThrow(expect.objectContaining({ code: 'not_found' }));
});

it('a flash job writes and verifies through the emulator and leaves an audit record of success and of refusal', async () => {
  const pty = await openPtyPair();
  const emulator = await Stm32Emulator.start(pty.b);
  try {
    const device = createProfile(db, { name: 'Bộ điều khiển LED', kind: 'led_controller', port: { path: pty.a, parity: 'even' }, driver: 'stm32' });
    const good = path.join(dir, 'app.bin');
    fs.writeFileSync(good, applicationImage(8192));
    const fractions: number[] = [];
    const audit = (entry: Parameters<typeof recordFlash>[1]) => recordFlash(db, entry);
    const result = await runFlashJob({ port: device.port, protocol: 'stm32', file: good, address: FLASH, deviceId: device.id }, { progress: (f) => fractions.push(f ?? -1) }, audit);
    expect(result).toMatchObject({ model: 'stm32:0x410', verified: true, bytes: 8192 });
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1]!)).toBe(true);

    const bad = path.join(dir, 'big.bin');
    fs.writeFileSync(bad, applicationImage(200 * 1024));
    const error = (await runFlashJob({ port: device.port, protocol: 'stm32', file: bad, address: FLASH, deviceId: device.id }, {}, audit).catch((e: unknown) => e)) as StudioError;
    expect(error.code).toBe('firmware_rejected');

    const records = listFlashAudit(db);
    expect(records.map((r) => r.result)).toEqual(['refused', 'verified']);
    expect(records[1]).toMatchObject({ deviceId: device.id, deviceModel: 'stm32:0x410', port: pty.a, protocol: 'stm32', imageName: 'app.bin', address: FLASH });
    expect(records[1]!.imageSha256).toBe(result.sha256);
    expect(records[0]).toMatchObject({ errorCode: 'firmware_rejected', deviceState: 'untouched' });
  } finally {
    await emulator.stop();
    await pty.close();
  }
});

it('a listing failure is a typed error; typed paths are checked', async () => {
  const failing = await listPorts(() => Promise.reject(new Error('spawn udevadm ENOENT'))).catch((e: unknown) => e);
  expect((failing as StudioError).code).toBe('serial_listing_failed');
  expect(normalisePortPath(' com7 ')).toBe('COM7');
  expect(normalisePortPath('/dev/ttyUSB0')).toBe('/dev/ttyUSB0');
  expect(() => normalisePortPath('COM0')).toThrow(StudioError);
  expect(() => normalisePortPath('/dev/../etc/passwd')).toThrow(StudioError);

  // Plug and unplug is tested against socat's ptys in port-watch.test.ts.
});
