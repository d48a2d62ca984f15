/**
 * `studio ports | send | receive | flash | device identify | modbus read` as a technician runs them
 * (bin/studio.js in its own process), over socat ptys with real peers: lrzsz `rb`/`sb`, the AN3155
 * emulator, a modbus-serial server. The peers run in this process, so the CLI is started
 * asynchronously (a blocking spawn would stop them answering).
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ServerSerial } from 'modbus-serial';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openStudio } from '../../../src/main/studio.ts';
import type { DeviceProfileInput, PortInfo } from '../../../src/shared/api/serial.ts';
import { REPO_ROOT } from '../../helpers/browser-host.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';
import { Stm32Emulator } from '../services/serial/stm32-emulator.ts';
import { applicationImage } from '../services/serial/firmware-fixtures.ts';
import { openPtyPair, receiverAsking, runOnPty, type PtyPair } from '../services/serial/pty.ts';

const LONG = 300_000;
let temp: ReturnType<typeof makeTempDir>;
let pty: PtyPair;

beforeEach(async () => {
  temp = makeTempDir();
  pty = await openPtyPair();
});
afterEach(async () => {
  await pty.close();
  temp.remove();
});

function studio(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/studio.js', ...args], { cwd: REPO_ROOT, env: { ...process.env, STUDIO_DATA_DIR: temp.dir } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

it('studio ports --json prints the list, or says in both languages that listing failed', async () => {
  const run = await studio(['ports', '--json']);
  if (run.status === 0) {
    expect(Array.isArray(JSON.parse(run.stdout))).toBe(true);
  } else {
    expect(run.stderr).toContain('Lỗi: Không liệt kê được cổng COM');
    expect(run.stderr).toContain('Error: Cannot list serial ports');
  }
}, LONG);

it('studio ports --json lists the device profiles’ typed paths the system list does not show, marked as typed', async () => {
  // Profiles stored by the studio itself, on the data folder the CLI then opens.
  const stored = openStudio({ dataDir: temp.dir, transport: 'test' });
  const profile = (name: string, portPath: string) => stored.services.serial.createProfile({ name, kind: 'receiver', port: { path: portPath }, driver: 'ymodem' } as DeviceProfileInput);
  profile('Máy thu xã Tân Lập', pty.a);
  profile('Máy phát huyện', 'com7');
  profile('Bảng LED chợ', '/dev/ttyUSB97');
  profile('Máy thu dự phòng', pty.a);
  await stored.close();

  const run = await studio(['ports', '--json']);
  // Where the system list works, it exits 0; where it fails (no udev), it says so in both languages,
  // and the typed paths are printed all the same.
  if (run.status !== 0) {
    expect(run.stderr).toContain('Lỗi: Không liệt kê được cổng COM');
    expect(run.stderr).toContain('Error: Cannot list serial ports');
  }
  const ports = JSON.parse(run.stdout) as PortInfo[];
  const typed = ports.filter((p) => p.typed);
  expect(typed).toEqual(
    expect.arrayContaining([
      { path: pty.a, source: 'profile', typed: true, present: true, profiles: ['Máy thu dự phòng', 'Máy thu xã Tân Lập'] },
      { path: 'COM7', source: 'profile', typed: true, profiles: ['Máy phát huyện'] },
      { path: '/dev/ttyUSB97', source: 'profile', typed: true, present: false, profiles: ['Bảng LED chợ'] },
    ]),
  );
  expect(typed).toHaveLength(3);
  // Enumerated ports are not marked typed.
  expect(ports.filter((p) => !p.typed).every((p) => p.source !== 'profile')).toBe(true);

  const plain = await studio(['ports']);
  expect(plain.stdout).toContain(`${pty.a}\t\t\tgõ trong hồ sơ / typed in: Máy thu dự phòng, Máy thu xã Tân Lập\n`);
  expect(plain.stdout).toContain('/dev/ttyUSB97\t\t\tgõ trong hồ sơ / typed in: Bảng LED chợ (không thấy / not found)\n');
}, LONG);

it('studio send --protocol ymodem sends a file to rb; it arrives byte-identical', async () => {
  const file = path.join(pty.dir, 'chuong-trinh.mp3');
  const data = randomBytes(200_000);
  fs.writeFileSync(file, data);
  const work = fs.mkdtempSync(path.join(pty.dir, 'rb-'));
  const rb = runOnPty('rb', ['-q'], pty.b, work);
  const run = await studio(['send', '--port', pty.a, '--protocol', 'ymodem', file, '--json']);
  expect(run.status, run.stderr).toBe(0);
  expect(JSON.parse(run.stdout)).toMatchObject({ name: 'chuong-trinh.mp3', bytes: 200_000, protocol: 'ymodem', endConfirmed: true });
  expect(run.stderr).toContain('Đang gửi / sending');
  expect((await rb.done).code).toBe(0);
  expect(fs.readFileSync(path.join(work, 'chuong-trinh.mp3')).equals(data)).toBe(true);
}, LONG);

it('studio receive --protocol ymodem fetches a batch from sb into --dest, keeping a file already there', async () => {
  const outbox = fs.mkdtempSync(path.join(pty.dir, 'sb-'));
  const log = randomBytes(70_000);
  const second = Buffer.from('tx-power=1250\n');
  fs.writeFileSync(path.join(outbox, 'nhat-ky.log'), log);
  fs.writeFileSync(path.join(outbox, 'status.txt'), second);
  const dest = path.join(pty.dir, 'logs');
  fs.mkdirSync(dest);
  fs.writeFileSync(path.join(dest, 'status.txt'), 'older'); // never overwritten
  const running = studio(['receive', '--port', pty.a, '--protocol', 'ymodem', '--dest', dest, '--json']);
  await receiverAsking(pty.b);
  const sb = runOnPty('sb', ['-q', '-k', 'nhat-ky.log', 'status.txt'], pty.b, outbox);
  const run = await running;
  expect(run.status, run.stderr).toBe(0);
  expect((await sb.done).code).toBe(0);
  expect(run.stderr).toContain('Đang nhận / receiving');
  const result = JSON.parse(run.stdout);
  expect(result).toMatchObject({ protocol: 'ymodem', port: pty.a, dest });
  expect(result.files).toEqual([
    { name: 'nhat-ky.log', bytes: log.length, sha256: createHash('sha256').update(log).digest('hex'), path: path.join(dest, 'nhat-ky.log') },
    { name: 'status (2).txt', bytes: second.length, sha256: createHash('sha256').update(second).digest('hex'), path: path.join(dest, 'status (2).txt') },
  ]);
  expect(fs.readFileSync(path.join(dest, 'nhat-ky.log')).equals(log)).toBe(true);
  expect(fs.readFileSync(path.join(dest, 'status.txt'), 'utf8')).toBe('older');
  expect(fs.readdirSync(dest).sort()).toEqual(['nhat-ky.log', 'status (2).txt', 'status.txt']);
}, LONG);

it('studio device identify and studio flash --verify on the STM32 emulator; a bad image is refused in both languages', async () => {
  const emulator = await Stm32Emulator.start(pty.b);
  try {
    const identified = await studio(['device', 'identify', '--port', pty.a, '--protocol', 'stm32', '--json']);
    expect(identified.status, identified.stderr).toBe(0);
    expect(JSON.parse(identified.stdout)).toMatchObject({ protocol: 'stm32', model: 'stm32:0x410' });

    const image = applicationImage(10_000);
    const file = path.join(pty.dir, 'fw.bin');
    fs.writeFileSync(file, image);
    const flashed = await studio(['flash', '--port', pty.a, '--protocol', 'stm32', file, '--address', '0x08000000', '--verify', '--json']);
    expect(flashed.status, flashed.stderr).toBe(0);
    expect(JSON.parse(flashed.stdout)).toMatchObject({ verified: true, model: 'stm32:0x410', bytes: 10_000 });
    expect(flashed.stderr).toContain('Đang ghi / writing');
    expect(emulator.flash.subarray(0, image.length).equals(image)).toBe(true);

    const bad = path.join(pty.dir, 'bad.bin');
    fs.writeFileSync(bad, applicationImage(2048, 0x1000_0000));
    const erasesBefore = emulator.eraseCount;
    const refused = await studio(['flash', '--port', pty.a, '--protocol', 'stm32', bad]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Lỗi: Tệp firmware không hợp lệ');
    expect(refused.stderr).toContain('Error: The firmware image is not valid');
    expect(refused.stderr).toContain('bad_stack_pointer');
    expect(emulator.eraseCount).toBe(erasesBefore);
  } finally {
    await emulator.stop();
  }
}, LONG);

it('studio modbus read (and device status --port) reads a transmitter; a wrong unit times out with a clear error', async () => {
  const registers = [1250, 35, 412, 9990, 0];
  const server = await new Promise<ServerSerial>((resolve, reject) => {
    const s = new ServerSerial(
      { getHoldingRegister: (address: number) => registers[address] ?? 0, getInputRegister: (address: number) => registers[address] ?? 0 },
      { path: pty.b, baudRate: 9600, unitID: 3, openCallback: (error: Error | null) => (error ? reject(error) : resolve(s)) } as never,
    );
  });
  try {
    const map = path.join(pty.dir, 'map.json');
    fs.writeFileSync(map, JSON.stringify({ entries: [{ key: 'forwardPower', table: 'holding', address: 0, type: 'uint16', scale: 0.1, unit: 'W' }] }));
    const run = await studio(['modbus', 'read', '--port', pty.a, '--baud', '9600', '--unit', '3', '--map', map, '--timeout', '3000', '--json']);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).forwardPower).toMatchObject({ value: 125, unit: 'W' });
    const status = await studio(['device', 'status', '--port', pty.a, '--unit', '3', '--map', map, '--timeout', '3000', '--json']);
    expect(status.status, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout).forwardPower.value).toBe(125);
    const wrongUnit = await studio(['modbus', 'read', '--port', pty.a, '--unit', '9', '--map', map, '--timeout', '500']);
    expect(wrongUnit.status).toBe(1);
    expect(wrongUnit.stderr).toContain('Lỗi: Thiết bị không trả lời');
    expect(wrongUnit.stderr).toContain('Error: The device did not answer');
  } finally {
    await new Promise((r) => server.close(r as never));
  }
}, LONG);
