/**
 * Espressif ROM loader (ESP8266, ESP32) over SLIP: SYNC, READ_REG for chip detection,
 * SPI_ATTACH, FLASH_BEGIN / FLASH_DATA / FLASH_END and SPI_FLASH_MD5 to verify.
 *
 * Own implementation rather than esptool-js: esptool-js drives a Web Serial `SerialPort`
 * (navigator.serial streams, browser timers) and bundles its flasher stubs as base64 JSON;
 * adapting it to Node's `serialport` would mean emulating the Web Serial API for one caller.
 */
import { createHash } from 'node:crypto';
import { StudioError } from '../../../../shared/errors.ts';
import type { DeviceIdentity, DeviceState, ProgressCallback } from '../../../../shared/api/serial-types.ts';
import type { ByteLink } from '../link/byte-link.ts';
import { cancelledError, deviceError } from '../device-errors.ts';
import { SlipReader, slipEncode } from './slip.ts';

export const OP = {
  flashBegin: 0x02,
  flashData: 0x03,
  flashEnd: 0x04,
  sync: 0x08,
  readReg: 0x0a,
  spiAttach: 0x0d,
  spiFlashMd5: 0x13,
} as const;

const CHIP_DETECT_MAGIC_REG = 0x4000_1000;

/** Chip-detect magic values (esptool's table) → chip and its ROM's status length. */
const CHIPS: Array<{ magic: number; name: 'esp8266' | 'esp32'; statusBytes: number; needsAttach: boolean }> = [
  { magic: 0xfff0_c101, name: 'esp8266', statusBytes: 2, needsAttach: false },
  { magic: 0x00f0_1d83, name: 'esp32', statusBytes: 4, needsAttach: true },
];

export const FLASH_BLOCK = 0x400;
const FLASH_SECTOR = 0x1000;

export interface EspOptions {
  signal?: AbortSignal;
  onProgress?: ProgressCallback;
  /** Per-command answer time; erase (FLASH_BEGIN) and MD5 get more, scaled by size. */
  answerMs?: number;
  /** esptool's classic reset: RTS → EN, DTR → GPIO0. Ptys ignore both. */
  lineEntry?: boolean;
}

export function dataChecksum(data: Uint8Array): number {
  let x = 0xef;
  for (const b of data) x ^= b;
  return x;
}

export class EspLoader {
  private readonly slip: SlipReader;
  state: DeviceState = 'untouched';
  statusBytes = 2;
  chip: string | null = null;

  constructor(
    readonly link: ByteLink,
    readonly options: EspOptions = {},
  ) {
    this.slip = new SlipReader(link);
  }

  /** Sends a request and returns the matching response's value and data (status stripped). */
  async command(op: number, data: Uint8Array, checksum = 0, timeoutMs = this.options.answerMs ?? 3000): Promise<{ value: number; data: Buffer }> {
    const packet = Buffer.alloc(8 + data.length);
    packet[0] = 0x00;
    packet[1] = op;
    packet.writeUInt16LE(data.length, 2);
    packet.writeUInt32LE(checksum >>> 0, 4);
    packet.set(data, 8);
    const stage = `esp.op_0x${op.toString(16).padStart(2, '0')}`;
    try {
      await this.link.write(slipEncode(packet), this.options.signal);
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const reply = await this.slip.next(Math.max(1, deadline - Date.now()), this.options.signal);
        if (reply.length < 8 || reply[0] !== 0x01 || reply[1] !== op) continue; // a late answer to an earlier request
        const size = reply.readUInt16LE(2);
        const body = reply.subarray(8, 8 + size);
        const status = body.subarray(Math.max(0, body.length - this.statusBytes));
        if (status[0] !== 0) throw deviceError('device_refused', stage, this.state, 'reset_device_and_retry', { status: status[0], error: status[1] });
        return { value: reply.readUInt32LE(4), data: body.subarray(0, body.length - this.statusBytes) };
      }
    } catch (error) {
      if (error instanceof StudioError && error.code !== 'device_refused') {
        this.slip.reset();
        const nextStep = error.code === 'serial_disconnected' ? 'check_cable' : error.code === 'cancelled' ? 'retry' : 'reset_device_and_retry';
        throw new StudioError(error.code, stage, { ...(error.details as object), stage, deviceState: this.state, nextStep });
      }
      throw error;
    }
  }

  async sync(attempts = 10): Promise<void> {
    const payload = Buffer.from([0x07, 0x07, 0x12, 0x20, ...Array(32).fill(0x55)]);
    for (let i = 1; ; i++) {
      try {
        await this.command(OP.sync, payload, 0, 300);
        // The ROM answers a SYNC several times: let the extra answers arrive and drop them.
        await new Promise((r) => setTimeout(r, 50));
        this.link.discardInput();
        this.slip.reset();
        return;
      } catch (error) {
        if (!(error instanceof StudioError) || error.code !== 'device_timeout' || i >= attempts) throw error;
      }
    }
  }

  async readReg(address: number): Promise<number> {
    const data = Buffer.alloc(4);
    data.writeUInt32LE(address);
    return (await this.command(OP.readReg, data)).value;
  }

  async detect(): Promise<DeviceIdentity> {
    const magic = await this.readReg(CHIP_DETECT_MAGIC_REG);
    const chip = CHIPS.find((c) => c.magic === magic);
    if (!chip) throw deviceError('device_unidentified', 'esp.detect', 'untouched', 'check_settings', { magic });
    this.statusBytes = chip.statusBytes;
    this.chip = chip.name;
    if (chip.needsAttach) await this.command(OP.spiAttach, Buffer.alloc(8));
    return { protocol: 'esp', model: chip.name, details: { magic } };
  }

  async md5(address: number, size: number): Promise<string> {
    const data = Buffer.alloc(16);
    data.writeUInt32LE(address, 0);
    data.writeUInt32LE(size, 4);
    // The chip hashes flash at a few MB/s: allow a second per MB on top.
    const reply = await this.command(OP.spiFlashMd5, data, 0, (this.options.answerMs ?? 3000) + Math.ceil(size / 1_000_000) * 1000);
    // The ROM answers 32 hex digits; the flasher stub 16 raw bytes.
    return reply.data.length >= 32 ? reply.data.subarray(0, 32).toString('latin1').toLowerCase() : reply.data.subarray(0, 16).toString('hex');
  }
}

export interface EspFlashResult {
  identity: DeviceIdentity;
  md5: string;
  verified: boolean;
}

async function enterByLines(link: ByteLink): Promise<void> {
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
  await link.setLines({ dtr: false, rts: true }); // EN low
  await pause(100);
  await link.setLines({ dtr: true, rts: false }); // EN high, GPIO0 low: download mode
  await pause(50);
  await link.setLines({ dtr: false, rts: false });
}

export async function identifyEsp(link: ByteLink, options: EspOptions = {}): Promise<DeviceIdentity> {
  const loader = new EspLoader(link, options);
  if (options.lineEntry) await enterByLines(link);
  await loader.sync();
  return loader.detect();
}

/** Writes `image` at `address` and checks the chip's MD5 of the written range against ours. */
export async function flashEsp(link: ByteLink, image: Uint8Array, address: number, options: EspOptions & { reboot?: boolean } = {}): Promise<EspFlashResult> {
  const loader = new EspLoader(link, options);
  const progress = options.onProgress;
  progress?.({ stage: 'connect', done: 0, total: 1 });
  if (options.lineEntry) await enterByLines(link);
  await loader.sync();
  progress?.({ stage: 'identify', done: 0, total: 1 });
  const identity = await loader.detect();
  if (image.length === 0) throw new StudioError('firmware_rejected', 'firmware.empty', { reason: 'empty', stage: 'firmware.check', deviceState: 'untouched', nextStep: 'choose_other_image' });

  const blocks = Math.ceil(image.length / FLASH_BLOCK);
  const eraseSize = Math.ceil(image.length / FLASH_SECTOR) * FLASH_SECTOR;
  const begin = Buffer.alloc(16);
  begin.writeUInt32LE(eraseSize, 0);
  begin.writeUInt32LE(blocks, 4);
  begin.writeUInt32LE(FLASH_BLOCK, 8);
  begin.writeUInt32LE(address, 12);
  progress?.({ stage: 'erase', done: 0, total: 1 });
  loader.state = 'unknown';
  // The ROM erases before answering FLASH_BEGIN: tens of ms per sector on a real chip.
  await loader.command(OP.flashBegin, begin, 0, (options.answerMs ?? 3000) + (eraseSize / FLASH_SECTOR) * 50);
  loader.state = 'erased';

  for (let seq = 0; seq < blocks; seq++) {
    if (options.signal?.aborted) throw cancelledError('esp.write', loader.state);
    const block = Buffer.alloc(FLASH_BLOCK, 0xff);
    block.set(image.subarray(seq * FLASH_BLOCK, (seq + 1) * FLASH_BLOCK));
    const header = Buffer.alloc(16);
    header.writeUInt32LE(FLASH_BLOCK, 0);
    header.writeUInt32LE(seq, 4);
    await loader.command(OP.flashData, Buffer.concat([header, block]), dataChecksum(block));
    loader.state = 'partially_written';
    progress?.({ stage: 'write', done: Math.min(image.length, (seq + 1) * FLASH_BLOCK), total: image.length });
  }
  loader.state = 'written_unverified';

  progress?.({ stage: 'verify', done: 0, total: image.length });
  const expected = createHash('md5').update(image).digest('hex');
  const actual = await loader.md5(address, image.length);
  if (actual !== expected) throw deviceError('verify_failed', 'esp.md5', 'written_unverified', 'reset_device_and_retry', { expected, actual });
  progress?.({ stage: 'verify', done: image.length, total: image.length });

  const end = Buffer.alloc(4);
  end.writeUInt32LE(options.reboot ? 0 : 1);
  await loader.command(OP.flashEnd, end);
  progress?.({ stage: 'finish', done: image.length, total: image.length });
  return { identity, md5: actual, verified: true };
}
