/**
 * The `serial.*` requests through dispatch, on a real studio database, over socat pty pairs with
 * real peers: lrzsz `rb` receives what `serial.sendFile` sends, `sx` sends what `serial.receiveFile` fetches, the AN3155 emulator is flashed by
 * `serial.flash` and `stm32flash` reads it back, a modbus-serial server answers `serial.status`.
 * Ptys ignore baud, parity and DTR/RTS: the line settings are stored and passed on, not checked.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ServerSerial } from 'modbus-serial';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobInfo } from '../../../src/shared/api/jobs.ts';
import { StudioError } from '../../../src/shared/errors.ts';
import { serialJobResult } from '../../../src/shared/api/serial.ts';
import { serialApi } from '../../../src/main/api/serial.ts';
import { createSerial } from '../../../src/main/services/serial/index.ts';
import { useTestStudio } from '../../helpers/studio.ts';
import { Stm32Emulator } from '../services/serial/stm32-emulator.ts';
import { EspEmulator } from '../services/serial/esp-emulator.ts';
import { openSerialLink } from '../../../src/main/services/serial/link/serial-port-link.ts';
import { FLASH, applicationImage } from '../services/serial/firmware-fixtures.ts';
import { openPtyPair, receiverAsking, runOnPty, type PtyPair } from '../services/serial/pty.ts';
import { importFile, speechWav } from '../services/audio/fixtures.ts';
import type { RenderedProgramme } from '../../../src/shared/api/audio.ts';

const studio = useTestStudio();
const LONG = 300_000;
let pty: PtyPair;

beforeEach(async () => {
  pty = await openPtyPair();
});
afterEach(async () => {
  await pty.close();
});

const receiver = (portPath: string) => ({ name: 'Máy thu xã Tân Lập', kind: 'receiver' as const, port: { path: portPath }, driver: 'ymodem' as const });

async function failure(promise: Promise<unknown>): Promise<StudioError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StudioError);
  return error as StudioError;
}

describe('ports and profiles', () => {
  it('a listing that fails says serial_listing_failed and still lists the profiles’ typed paths; a typed path is still checked and accepted', async () => {
    await studio.call('serial.profile.create', receiver(pty.a));
    const serial = createSerial({
      db: studio.services.db,
      jobs: studio.services.jobs,
      dataDir: studio.dataDir,
      programmes: studio.services.library.programmes,
      emit: () => undefined,
      lister: () => Promise.reject(new Error('udev not available')),
    });
    const api = serialApi({ serial });
    const listing = await api['serial.port.list']({}, { actor: 'test' });
    expect(listing.error?.code).toBe('serial_listing_failed');
    expect(listing.ports).toEqual([{ path: pty.a, source: 'profile', typed: true, present: true, profiles: [receiver(pty.a).name] }]);
    expect(await studio.call('serial.port.check', { path: ' com7 ' })).toEqual({ path: 'COM7' });
    expect(await studio.call('serial.port.check', { path: pty.a })).toEqual({ path: pty.a });
    expect((await failure(studio.call('serial.port.check', { path: 'not a port' }))).code).toBe('invalid_argument');
  });

  it('creates, lists, updates and deletes profiles; a typed COM path is normalised; bad input is refused', async () => {
    const created = await studio.call('serial.profile.create', { ...receiver('com12'), port: { path: 'com12', baudRate: 57600 } });
    expect(created.port).toMatchObject({ path: 'COM12', baudRate: 57600, parity: 'none', dataBits: 8 });
    expect((await studio.call('serial.profile.list', {})).map((p) => p.name)).toEqual(['Máy thu xã Tân Lập']);
    const updated = await studio.call('serial.profile.update', { id: created.id, profile: { ...receiver(pty.a), driver: 'xmodem1k' } });
    expect(updated).toMatchObject({ driver: 'xmodem1k', port: { path: pty.a, baudRate: 115200 } });
    expect((await failure(studio.call('serial.profile.create', receiver(pty.a)))).code).toBe('conflict');
    expect((await failure(studio.call('serial.profile.create', { ...receiver('../etc'), name: 'x' }))).code).toBe('invalid_argument');
    const badMap = { ...receiver(pty.a), name: 'Máy phát', driver: 'modbus' as const, options: { registerMap: { unitId: 1, entries: [] } } };
    expect((await failure(studio.call('serial.profile.create', badMap))).details).toMatchObject({ reason: 'bad_register_map' });
    expect(await studio.call('serial.profile.delete', { id: created.id })).toEqual({ deleted: true });
    expect((await failure(studio.call('serial.profile.get', { id: created.id }))).code).toBe('not_found');
  });
});

function waitJob(job: JobInfo): Promise<JobInfo> {
  return studio.services.jobs.wait(job.id);
}

describe('serial.sendFile to lrzsz rb', () => {
  it('sends a file to rb with progress; it arrives byte-identical and the result is typed', async () => {
    const work = fs.mkdtempSync(path.join(pty.dir, 'rb-'));
    const file = path.join(pty.dir, 'chuong-trinh.mp3');
    const data = randomBytes(300_000);
    fs.writeFileSync(file, data);
    const profile = await studio.call('serial.profile.create', receiver(pty.a));
    const rb = runOnPty('rb', ['-q'], pty.b, work);
    const progress: number[] = [];
    const stop = studio.events.subscribe((event) => {
      if (event.name === 'job.progress' && event.payload.kind === 'serial.sendFile' && event.payload.progress !== null) progress.push(event.payload.progress);
    });
    const job = await studio.call('serial.sendFile', { profileId: profile.id, file });
    expect(job).toMatchObject({ kind: 'serial.sendFile', state: 'running', subject: 'chuong-trinh.mp3' });
    const done = await waitJob(job);
    stop();
    expect(done.state).toBe('done');
    const result = serialJobResult(done, 'serial.sendFile');
    expect(result).toMatchObject({ name: 'chuong-trinh.mp3', bytes: data.length, protocol: 'ymodem', port: pty.a, endConfirmed: true });
    expect((await rb.done).code).toBe(0);
    expect(fs.readFileSync(path.join(work, 'chuong-trinh.mp3')).equals(data)).toBe(true);
    expect(progress.some((p) => p > 0 && p < 1)).toBe(true);
  }, LONG);

  it("sends a rendered programme's audio under the programme's title", async () => {
    const jingle = await importFile(studio, speechWav(pty.dir, 'jingle.wav', 1, 48000, 2));
    const programme = await studio.call('programme.create', { title: 'Thời sự sáng' });
    await studio.call('programme.addItem', { programmeId: programme.id, kind: 'jingle', assetId: jingle.id });
    const render = await waitJob(await studio.call('programme.render', { programmeId: programme.id }));
    expect(render.state).toBe('done');
    const rendered = render.result as RenderedProgramme;
    const work = fs.mkdtempSync(path.join(pty.dir, 'rb-'));
    const rb = runOnPty('rb', ['-q'], pty.b, work);
    const done = await waitJob(await studio.call('serial.sendFile', { port: { path: pty.a }, programmeId: programme.id }));
    expect(done.state).toBe('done');
    const name = `Thời sự sáng${path.extname(rendered.media)}`;
    expect(serialJobResult(done, 'serial.sendFile')).toMatchObject({ name, protocol: 'ymodem', endConfirmed: true });
    expect((await rb.done).code).toBe(0);
    expect(fs.readFileSync(path.join(work, name)).equals(fs.readFileSync(path.join(studio.dataDir, rendered.media)))).toBe(true);
  }, LONG);

  it('cancel mid-transfer ends the job as cancelled; rb is told and stops', async () => {
    const work = fs.mkdtempSync(path.join(pty.dir, 'rb-'));
    const file = path.join(pty.dir, 'lon.mp3');
    fs.writeFileSync(file, randomBytes(5 * 1024 * 1024));
    const rb = runOnPty('rb', ['-q'], pty.b, work);
    const job = await studio.call('serial.sendFile', { port: { path: pty.a }, protocol: 'ymodem', file });
    await new Promise<void>((resolve) => {
      const stop = studio.events.subscribe((event) => {
        if (event.name === 'job.progress' && event.payload.id === job.id && (event.payload.progress ?? 0) > 0.01) {
          stop();
          resolve();
        }
      });
    });
    await studio.call('job.cancel', { id: job.id });
    expect((await waitJob(job)).state).toBe('cancelled');
    expect((await rb.done).code).not.toBe(0);
  }, LONG);

  it('refuses what cannot be sent: a programme not rendered, a missing file, no port', async () => {
    const programme = await studio.call('programme.create', { title: 'Bản tin sáng' });
    const notRendered = await failure(studio.call('serial.sendFile', { port: { path: pty.a }, programmeId: programme.id }));
    expect(notRendered.details).toMatchObject({ reason: 'programme_not_rendered' });
    expect((await failure(studio.call('serial.sendFile', { port: { path: pty.a }, file: path.join(pty.dir, 'none.mp3') }))).code).toBe('not_found');
    expect((await failure(studio.call('serial.sendFile', { file: path.join(pty.dir, 'x') }))).details).toMatchObject({ reason: 'no_port' });
  });
});

describe('serial.receiveFile from lrzsz sx', () => {
  it("fetches a device's log over XMODEM into the studio's received folder, under the given name, typed result with sha256", async () => {
    const log = Buffer.concat([randomBytes(9000), Buffer.from('END\n')]);
    fs.writeFileSync(path.join(pty.dir, 'device.log'), log);
    const profile = await studio.call('serial.profile.create', { ...receiver(pty.a), driver: 'xmodem' });
    const job = await studio.call('serial.receiveFile', { profileId: profile.id, name: 'nhat-ky-may-thu.log' });
    await receiverAsking(pty.b);
    const sx = runOnPty('sx', ['-q', 'device.log'], pty.b, pty.dir);
    expect(job).toMatchObject({ kind: 'serial.receiveFile', state: 'running', subject: 'Máy thu xã Tân Lập' });
    const done = await waitJob(job);
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    expect((await sx.done).code).toBe(0);
    const dest = path.join(studio.dataDir, 'received');
    expect(serialJobResult(done, 'serial.receiveFile')).toMatchObject({
      protocol: 'xmodem',
      port: pty.a,
      dest,
      files: [{ name: 'nhat-ky-may-thu.log', bytes: log.length, sha256: createHash('sha256').update(log).digest('hex'), path: path.join(dest, 'nhat-ky-may-thu.log') }],
    });
    expect(fs.readFileSync(path.join(dest, 'nhat-ky-may-thu.log')).equals(log)).toBe(true);
  }, LONG);

  it('cancel while waiting for the device ends the job as cancelled; a folder that is a file is refused before the port opens', async () => {
    const job = await studio.call('serial.receiveFile', { port: { path: pty.a }, protocol: 'ymodem', dest: path.join(pty.dir, 'in') });
    await studio.call('job.cancel', { id: job.id });
    expect((await waitJob(job)).state).toBe('cancelled');
    fs.writeFileSync(path.join(pty.dir, 'a-file'), 'x');
    const refused = await failure(studio.call('serial.receiveFile', { port: { path: pty.a }, dest: path.join(pty.dir, 'a-file') }));
    expect(refused.details).toMatchObject({ reason: 'receive_dest_unusable' });
  }, LONG);
});

function stm32flashRead(device: string, address: number, length: number, out: string): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn('stm32flash', ['-b', '115200', '-m', '8n1', '-r', out, '-S', `0x${address.toString(16)}:${length}`, device], { stdio: 'ignore' });
    child.on('close', resolve);
  });
}

describe('serial.flash and serial.identify on the AN3155 emulator', () => {
  let emulator: Stm32Emulator;
  beforeEach(async () => {
    emulator = await Stm32Emulator.start(pty.b);
  });
  afterEach(async () => {
    await emulator.stop();
  });

  const board = () => ({ name: 'Bo điều khiển LED', kind: 'led_controller' as const, port: { path: pty.a, parity: 'even' as const }, driver: 'stm32' as const });

  it('identifies, checks, flashes and verifies; stm32flash reads back the same bytes; the audit trail has it', async () => {
    const profile = await studio.call('serial.profile.create', board());
    expect(await studio.call('serial.identify', { profileId: profile.id })).toMatchObject({ protocol: 'stm32', model: 'stm32:0x410' });
    const image = applicationImage(20_000);
    const file = path.join(pty.dir, 'led.bin');
    fs.writeFileSync(file, image);
    const check = await studio.call('serial.firmware.check', { file, protocol: 'stm32' });
    expect(check).toMatchObject({ format: 'bin', start: FLASH, bytes: 20_000, initialStackPointer: 0x2000_5000 });
    const stages = new Set<string>();
    const stop = studio.events.subscribe((event) => {
      if (event.name === 'job.progress' && event.payload.kind === 'serial.flash') stages.add(event.payload.message.split(' ')[0]!);
    });
    const done = await waitJob(await studio.call('serial.flash', { profileId: profile.id, file }));
    stop();
    expect(done.state).toBe('done');
    expect(serialJobResult(done, 'serial.flash')).toMatchObject({ model: 'stm32:0x410', verified: true, sha256: check.sha256, bytes: 20_000, protocol: 'stm32' });
    expect([...stages]).toEqual(expect.arrayContaining(['write', 'verify']));
    expect(emulator.flash.subarray(0, 20_000).equals(image)).toBe(true);
    const out = path.join(pty.dir, 'read.bin');
    const audit = await studio.call('serial.flash.audit', {});
    expect(audit[0]).toMatchObject({ deviceId: profile.id, deviceModel: 'stm32:0x410', port: pty.a, imageSha256: check.sha256, result: 'verified' });
    expect(await stm32flashRead(pty.a, FLASH, 20_000, out)).toBe(0);
    expect(fs.readFileSync(out).equals(image)).toBe(true);
  }, LONG);

  it('a bad vector table is refused before anything is erased, a truncated HEX before any port is opened; both audited as refused', async () => {
    const image = applicationImage(4096, 0x1000_0000);
    const file = path.join(pty.dir, 'bad.bin');
    fs.writeFileSync(file, image);
    const checked = await failure(studio.call('serial.firmware.check', { file, protocol: 'stm32' }));
    expect(checked).toMatchObject({ code: 'firmware_rejected', details: { reason: 'bad_stack_pointer', deviceState: 'untouched' } });
    const flashed = await studio.call('serial.flash', { port: { path: pty.a }, protocol: 'stm32', file });
    const done = await waitJob(flashed);
    expect(done).toMatchObject({ state: 'failed', error: { code: 'firmware_rejected', details: { reason: 'bad_stack_pointer', deviceState: 'untouched' } } });
    expect(emulator.eraseCount).toBe(0);
    expect(emulator.writes).toBe(0);
    const truncated = path.join(pty.dir, 'cut.hex');
    fs.writeFileSync(truncated, ':020000040800F2\n:10000000000000000000000000000000000000F0\n');
    expect((await failure(studio.call('serial.flash', { port: { path: pty.a }, protocol: 'stm32', file: truncated }))).details).toMatchObject({ reason: 'hex_truncated' });
    const audit = await studio.call('serial.flash.audit', {});
    expect(audit.map((a) => a.result)).toEqual(['refused', 'refused']);
  }, LONG);

  it('a device going silent mid-write fails the job with the state it left and the next step; after its reset a second run succeeds', async () => {
    const image = applicationImage(30_000);
    const file = path.join(pty.dir, 'app.bin');
    fs.writeFileSync(file, image);
    emulator.faults = { silentAtWrite: 30 };
    const failed = await waitJob(await studio.call('serial.flash', { port: { path: pty.a }, protocol: 'stm32', file }));
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'device_timeout', details: { deviceState: 'partially_written', nextStep: 'reset_device_and_retry' } } });
    emulator.faults = {};
    emulator.reset();
    const done = await waitJob(await studio.call('serial.flash', { port: { path: pty.a }, protocol: 'stm32', file }));
    expect(done.state).toBe('done');
    expect(emulator.flash.subarray(0, image.length).equals(image)).toBe(true);
    const audit = await studio.call('serial.flash.audit', {});
    expect(audit.map((a) => [a.result, a.errorCode, a.deviceState])).toEqual([
      ['verified', null, 'verified'],
      ['failed', 'device_timeout', 'partially_written'],
    ]);
  }, LONG);
});

describe('serial.status on a modbus-serial transmitter', () => {
  it('reads the register map; when the transmitter stops answering the last values stay, marked stale, with the timeout', async () => {
    const registers = [1250, 35, 0x10000 - 25, 9990, 0];
    const server = await new Promise<ServerSerial>((resolve, reject) => {
      const s = new ServerSerial(
        { getHoldingRegister: (address: number) => registers[address] ?? 0, getInputRegister: (address: number) => registers[address] ?? 0 },
        { path: pty.b, baudRate: 9600, unitID: 1, openCallback: (error: Error | null) => (error ? reject(error) : resolve(s)) } as never,
      );
    });
    const profile = await studio.call('serial.profile.create', { name: 'Máy phát FM', kind: 'transmitter', port: { path: pty.a, baudRate: 9600 }, driver: 'modbus' });
    const first = await studio.call('serial.status', { profileId: profile.id, timeoutMs: 3000 });
    expect(first).toMatchObject({ stale: false, lastError: null, reads: 1 });
    expect(first.values.forwardPower).toMatchObject({ value: 125, unit: 'W' });
    expect(first.values.temperature!.value).toBe(-2.5);
    await new Promise((r) => server.close(r as never));
    const second = await studio.call('serial.status', { profileId: profile.id, timeoutMs: 500 });
    expect(second).toMatchObject({ stale: true, reads: 2, lastError: { code: 'device_timeout' } });
    expect(second.values.forwardPower!.value).toBe(125);
    const receiverProfile = await studio.call('serial.profile.create', receiver(pty.a));
    expect((await failure(studio.call('serial.status', { profileId: receiverProfile.id }))).details).toMatchObject({ reason: 'no_status' });
  }, LONG);
});

describe('serial.flash on the ESP ROM emulator', () => {
  it('identifies an esp32 and flashes a .bin at 0x10000 through the job, MD5-verified', async () => {
    const emulator = await EspEmulator.start(pty.b, 'esp32');
    try {
      const profile = await studio.call('serial.profile.create', { name: 'Máy thu IP', kind: 'receiver', port: { path: pty.a }, driver: 'esp', options: { address: 0x10000 } });
      expect(await studio.call('serial.identify', { profileId: profile.id })).toMatchObject({ protocol: 'esp', model: 'esp32' });
      const image = Buffer.concat([Buffer.from([0xc0, 0xdb, 0xc0]), randomBytes(100_000)]);
      const file = path.join(pty.dir, 'receiver.bin');
      fs.writeFileSync(file, image);
      const done = await waitJob(await studio.call('serial.flash', { profileId: profile.id, file }));
      expect(done.state, JSON.stringify(done.error)).toBe('done');
      expect(serialJobResult(done, 'serial.flash')).toMatchObject({ model: 'esp32', verified: true, protocol: 'esp', bytes: image.length });
      expect(emulator.flash.subarray(0x10000, 0x10000 + image.length).equals(image)).toBe(true);
      expect((await studio.call('serial.flash.audit', {}))[0]).toMatchObject({ protocol: 'esp', address: 0x10000, result: 'verified' });
    } finally {
      await emulator.stop();
    }
  }, LONG);
});

describe('a line-command device (an FM transmitter speaking text)', () => {
  it('identifies it and reads its status from the profile\'s commands; a refusal is device_refused', async () => {
    // The transmitter: answers ID?, FREQ? and POW? lines, refuses anything else.
    const device = await openSerialLink({ path: pty.b });
    let buffer = '';
    const answering = (async () => {
      for (;;) {
        const chunk = await device.readSome(60_000).catch(() => null);
        if (!chunk) return;
        buffer += chunk.toString('utf8');
        let end;
        while ((end = buffer.indexOf('\r\n')) >= 0) {
          const line = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const reply = line === 'ID?' ? 'ID TX-300 v1.2' : line === 'FREQ?' ? 'FREQ 99.90' : line === 'POW?' ? 'POW 120 W' : 'ERR 7';
          await device.write(Buffer.from(`${line}\r\n${reply}\r\n`));
        }
      }
    })();
    try {
      const line = {
        commands: {
          id: { send: 'ID?', reply: '^ID (?<model>\\S+)' },
          freq: { send: 'FREQ?', reply: '^FREQ (?<mhz>[\\d.]+)', error: '^ERR (?<code>\\d+)' },
          power: { send: 'POW?', reply: '^POW (?<watts>\\d+)' },
          bad: { send: 'XYZ', reply: '^OK', error: '^ERR (?<code>\\d+)' },
        },
        identify: 'id',
        status: ['freq', 'power'],
      };
      const profile = await studio.call('serial.profile.create', { name: 'Máy phát FM xã', kind: 'transmitter', port: { path: pty.a }, driver: 'line', options: { line } });
      expect(await studio.call('serial.identify', { profileId: profile.id })).toMatchObject({ protocol: 'line', model: 'TX-300' });
      const status = await studio.call('serial.status', { profileId: profile.id, timeoutMs: 3000 });
      expect(status).toMatchObject({ stale: false, values: { 'freq.mhz': { value: 99.9 }, 'power.watts': { value: 120 } } });
      const refusing = await studio.call('serial.profile.update', { id: profile.id, profile: { name: 'Máy phát FM xã', kind: 'transmitter', port: { path: pty.a }, driver: 'line', options: { line: { ...line, status: ['bad'] } } } });
      const refused = await studio.call('serial.status', { profileId: refusing.id, timeoutMs: 3000 });
      expect(refused).toMatchObject({ stale: true, lastError: { code: 'device_refused' }, values: { 'freq.mhz': { value: 99.9 } } });
    } finally {
      await device.close();
      await answering;
    }
  }, LONG);
});
