/**
 * Serial devices for technicians (issue 15): `studio ports`, `studio device identify`,
 * `studio flash`, `studio send`, `studio receive`, `studio modbus read`, and the same under
 * `studio device …`.
 * Everything goes through dispatch; the long work runs as the studio's jobs, followed here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { FLASH_PROTOCOLS, IDENTIFY_PROTOCOLS, parseSerialProgress, registerMapSchema, serialJobResult } from '../../../shared/api/serial.ts';
import type { JobInfo } from '../../../shared/api/jobs.ts';
import { ERROR_CODES, StudioError, type ErrorCode } from '../../../shared/errors.ts';
import { call, currentStudio, printJson } from '../session.ts';

const STAGES: Record<string, string> = {
  connect: 'Đang kết nối / connecting',
  identify: 'Đang nhận diện / identifying',
  check: 'Đang kiểm tra tệp / checking',
  erase: 'Đang xóa flash / erasing',
  write: 'Đang ghi / writing',
  verify: 'Đang kiểm tra lại / verifying',
  transfer: 'Đang gửi / sending',
  receive: 'Đang nhận / receiving',
  finish: 'Hoàn tất / done',
};

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(2)} MiB`);
const knownCode = (code: string): ErrorCode => ((ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : 'internal');

/** `0x08000000`, `134217728`. */
function address(text: string): number {
  const n = /^0x[0-9a-f]+$/i.test(text) ? Number.parseInt(text.slice(2), 16) : /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < 0 || n > 0xffff_ffff) throw new StudioError('invalid_argument', `địa chỉ không hợp lệ / not an address: ${text}`);
  return n;
}

function integer(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n)) throw new StudioError('invalid_argument', `không phải số nguyên / not an integer: ${text}`);
  return n;
}

const portOptions = (command: Command) =>
  command
    .requiredOption('--port <path>', 'cổng / port: COM7, /dev/ttyUSB0, a pty')
    .option('--baud <rate>', 'baud rate', integer)
    .addOption(new Option('--parity <parity>').choices(['none', 'even', 'odd', 'mark', 'space']));

const portOf = (opts: { port: string; baud?: number; parity?: 'none' | 'even' | 'odd' | 'mark' | 'space' }) => ({
  path: opts.port,
  ...(opts.baud ? { baudRate: opts.baud } : {}),
  ...(opts.parity ? { parity: opts.parity } : {}),
});

/** Follows a serial job to its end, drawing stage, bytes and speed on stderr; a failure is thrown with its details. */
async function follow(command: Command, job: JobInfo): Promise<JobInfo> {
  const studio = currentStudio()!;
  let stage = '';
  let stageStart = { at: Date.now(), done: 0 };
  const stop = studio.events.subscribe((event) => {
    if (event.name !== 'job.progress' || event.payload.id !== job.id) return;
    const p = parseSerialProgress(event.payload.message);
    if (!p) return;
    if (p.stage !== stage) {
      if (stage) process.stderr.write('\n');
      stage = p.stage;
      stageStart = { at: Date.now(), done: p.done };
    }
    const seconds = (Date.now() - stageStart.at) / 1000;
    const speed = seconds > 0.3 && p.total > 1 ? `, ${size((p.done - stageStart.done) / seconds)}/s` : '';
    const bytes = p.total > 1 ? ` ${size(p.done)} / ${size(p.total)}${speed}` : '';
    process.stderr.write(`\r${STAGES[p.stage] ?? p.stage}: ${Math.round((event.payload.progress ?? 0) * 100)}%${bytes}   `);
  });
  const done = await call(command, 'job.wait', { id: job.id });
  stop();
  if (stage) process.stderr.write('\n');
  if (done.state !== 'done') {
    const error = done.error ?? { code: 'internal', message: done.state };
    const details = (error.details ?? {}) as { deviceState?: string; nextStep?: string; reason?: string };
    if (details.deviceState || details.nextStep) {
      process.stderr.write(`Trạng thái thiết bị / device state: ${details.deviceState ?? '—'}; bước tiếp / next step: ${details.nextStep ?? '—'}\n`);
    }
    throw new StudioError(knownCode(error.code), details.reason ? `${error.message} (${details.reason})` : error.message, error.details);
  }
  return done;
}

function portsCommand(parent: Command, name: string) {
  parent
    .command(name)
    .description('liệt kê cổng COM, cả đường dẫn gõ trong hồ sơ thiết bị / list the serial ports, with the paths typed in device profiles')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, command: Command) => {
      const { ports, error } = await call(command, 'serial.port.list', {});
      if (opts.json) printJson(ports);
      else {
        for (const p of ports) {
          const typed = p.typed ? `gõ trong hồ sơ / typed in: ${p.profiles?.join(', ') ?? ''}${p.present === false ? ' (không thấy / not found)' : ''}` : '';
          process.stdout.write(`${p.path}\t${p.manufacturer ?? ''}\t${p.serialNumber ?? ''}${typed ? `\t${typed}` : ''}\n`);
        }
      }
      // The typed paths are printed all the same; the failed system listing is still an error.
      if (error) throw new StudioError(knownCode(error.code), error.message, error.details);
    });
}

function identifyCommand(parent: Command) {
  portOptions(parent.command('identify'))
    .description('nhận diện thiết bị / ask the device who it is')
    .addOption(new Option('--protocol <protocol>').choices(IDENTIFY_PROTOCOLS.filter((p) => p !== 'line')).makeOptionMandatory())
    .option('--line-entry', 'enter the bootloader by DTR/RTS')
    .option('--json', 'print JSON')
    .action(async (opts, command: Command) => {
      const identity = await call(command, 'serial.identify', { port: portOf(opts), protocol: opts.protocol, ...(opts.lineEntry ? { lineEntry: true } : {}) });
      if (opts.json) printJson(identity);
      else process.stdout.write(`${identity.model}${identity.flashSize ? `\t${identity.flashSize / 1024} KiB` : ''}\n`);
    });
}

function flashCommand(parent: Command, name: string) {
  portOptions(parent.command(`${name} <file>`))
    .description('nạp firmware / flash a .bin or Intel HEX image, then read it back')
    .addOption(new Option('--protocol <protocol>').choices(FLASH_PROTOCOLS).makeOptionMandatory())
    .option('--address <address>', 'start address of a .bin (default 0x08000000 for stm32, 0 for esp)', address)
    .option('--sha256 <hex>', 'expected sha256 from the manifest')
    .option('--verify', 'read back and compare (the default)')
    .option('--no-verify', 'skip the read-back')
    .option('--line-entry', 'enter the bootloader by DTR/RTS')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts, command: Command) => {
      const job = await call(command, 'serial.flash', {
        port: portOf(opts),
        protocol: opts.protocol,
        file,
        verify: opts.verify !== false,
        ...(opts.address !== undefined ? { address: opts.address } : {}),
        ...(opts.sha256 ? { sha256: opts.sha256 } : {}),
        ...(opts.lineEntry ? { lineEntry: true } : {}),
      });
      const done = await follow(command, job);
      const result = serialJobResult(done, 'serial.flash')!;
      if (opts.json) printJson(result);
      else process.stdout.write(`${result.verified ? 'verified' : 'written'}\t${result.model}\t${result.bytes}\t${result.sha256}\n`);
    });
}

function sendCommand(parent: Command, name: string) {
  portOptions(parent.command(`${name} <file>`))
    .description('gửi tệp tới thiết bị / send a file (a programme) over YMODEM or XMODEM')
    .addOption(new Option('--protocol <protocol>').choices(['ymodem', 'xmodem', 'xmodem1k']).default('ymodem'))
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts, command: Command) => {
      const done = await follow(command, await call(command, 'serial.sendFile', { port: portOf(opts), protocol: opts.protocol, file }));
      const result = serialJobResult(done, 'serial.sendFile')!;
      if (opts.json) printJson(result);
      else process.stdout.write(`${result.name}\t${result.bytes}\t${result.endConfirmed ? 'confirmed' : 'unconfirmed'}\t${result.seconds.toFixed(1)} s\n`);
    });
}

function receiveCommand(parent: Command, name: string) {
  portOptions(parent.command(name))
    .description('nhận tệp từ thiết bị / fetch files (a log) from a device over YMODEM or XMODEM')
    .addOption(new Option('--protocol <protocol>').choices(['ymodem', 'xmodem', 'xmodem1k']).default('ymodem'))
    .requiredOption('--dest <dir>', 'thư mục lưu / folder to save into (made if missing; existing files are kept)')
    .option('--name <name>', 'XMODEM: tên tệp / the file name (XMODEM sends none)')
    .option('--wait <seconds>', 'chờ thiết bị bắt đầu gửi / how long to wait for the device to start', integer)
    .option('--json', 'print the result as JSON')
    .action(async (opts, command: Command) => {
      const job = await call(command, 'serial.receiveFile', {
        port: portOf(opts),
        protocol: opts.protocol,
        dest: path.resolve(opts.dest),
        ...(opts.name ? { name: opts.name } : {}),
        ...(opts.wait ? { startTimeoutMs: opts.wait * 1000 } : {}),
      });
      const done = await follow(command, job);
      const result = serialJobResult(done, 'serial.receiveFile')!;
      if (opts.json) printJson(result);
      else for (const f of result.files) process.stdout.write(`${f.path}\t${f.bytes}\t${f.sha256}\n`);
    });
}

/** Reads the register map file given with --map (its unitId may be left to --unit). */
function readRegisterMap(file: string) {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new StudioError('invalid_argument', `không đọc được bảng thanh ghi / cannot read the register map ${file}: ${(error as Error).message}`);
  }
  const parsed = registerMapSchema.safeParse({ unitId: 1, ...(raw as object) });
  if (!parsed.success) throw new StudioError('invalid_argument', `bảng thanh ghi sai / bad register map: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

interface ModbusOptions {
  port: string;
  baud?: number;
  parity?: 'none' | 'even' | 'odd' | 'mark' | 'space';
  unit?: number;
  map?: string;
  timeout: number;
  json?: boolean;
}

async function modbusRead(opts: ModbusOptions, command: Command): Promise<void> {
  const registerMap = opts.map ? readRegisterMap(opts.map) : undefined;
  const values = await call(command, 'serial.modbus.read', {
    port: portOf(opts),
    timeoutMs: opts.timeout,
    ...(registerMap ? { registerMap } : {}),
    ...(opts.unit !== undefined ? { unitId: opts.unit } : {}),
  });
  if (opts.json) printJson(values);
  else for (const [key, v] of Object.entries(values)) process.stdout.write(`${key}\t${v.value}${v.unit ? ` ${v.unit}` : ''}\n`);
}

const modbusOptions = (command: Command) =>
  command
    .option('--unit <n>', 'unit id', integer)
    .option('--map <file>', 'register map JSON ({ unitId, entries: [{ key, table, address, type, scale?, unit? }] }); default: the example transmitter map')
    .option('--timeout <ms>', 'answer timeout', integer, 1000)
    .option('--json', 'print JSON');

function modbusReadCommand(parent: Command, name: string) {
  modbusOptions(portOptions(parent.command(name)))
    .description('đọc thanh ghi Modbus / read a Modbus RTU register map once')
    .action((opts: ModbusOptions, command: Command) => modbusRead(opts, command));
}

function statusCommand(parent: Command) {
  modbusOptions(
    parent
      .command('status')
      .description("trạng thái thiết bị / a saved device's status (--profile), or a transmitter's Modbus registers on a port (--port)")
      .option('--profile <id>', 'device profile id (studio device list)')
      .option('--port <path>', 'cổng / port, read as a Modbus transmitter')
      .option('--baud <rate>', 'baud rate', integer)
      .addOption(new Option('--parity <parity>').choices(['none', 'even', 'odd', 'mark', 'space'])),
  ).action(async (opts: Partial<ModbusOptions> & { profile?: string; timeout: number }, command: Command) => {
    if (opts.port && !opts.profile) return modbusRead(opts as ModbusOptions, command);
    if (!opts.profile) throw new StudioError('invalid_argument', 'cần --profile hoặc --port / --profile or --port is required');
    const status = await call(command, 'serial.status', { profileId: opts.profile, timeoutMs: opts.timeout });
    if (opts.json) printJson(status);
    else for (const [key, v] of Object.entries(status.values)) process.stdout.write(`${key}\t${v.value}${v.unit ? ` ${v.unit}` : ''}${status.stale ? '\t(stale)' : ''}\n`);
    if (status.lastError) throw new StudioError(knownCode(status.lastError.code), status.lastError.message, status.lastError.details);
  });
}

export function registerSerialCommands(program: Command): void {
  portsCommand(program, 'ports');
  flashCommand(program, 'flash');
  sendCommand(program, 'send');
  receiveCommand(program, 'receive');
  modbusReadCommand(program.command('modbus').description('Modbus RTU (máy phát / transmitters)'), 'read');

  const device = program.command('device').description('thiết bị qua cổng COM / serial devices');
  identifyCommand(device);
  portsCommand(device, 'ports');
  flashCommand(device, 'flash');
  sendCommand(device, 'send');
  receiveCommand(device, 'receive');
  statusCommand(device);
  device
    .command('list')
    .description('hồ sơ thiết bị / list the device profiles')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, command: Command) => {
      const profiles = await call(command, 'serial.profile.list', {});
      if (opts.json) printJson(profiles);
      else for (const p of profiles) process.stdout.write(`${p.id}\t${p.name}\t${p.driver}\t${p.port.path}\n`);
    });
}
