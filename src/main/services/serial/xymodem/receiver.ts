/** XMODEM / XMODEM-1K / YMODEM receiver (fetch a log back from a device). */
import path from 'node:path';
import { StudioError } from '../../../../shared/errors.ts';
import type { ProgressCallback } from '../../../../shared/api/serial-types.ts';
import type { ByteLink } from '../link/byte-link.ts';
import { cancelledError, deviceError } from '../device-errors.ts';
import { ACK, CAN, CPMEOF, CRC_REQUEST, EOT, NAK, SOH, STX, blockIsIntact, parseHeader, type CheckMode } from './framing.ts';

export interface ReceiveOptions {
  /** CRC-16 ('C' to start) or the 8-bit sum (NAK to start). */
  mode?: CheckMode;
  signal?: AbortSignal;
  onProgress?: ProgressCallback;
  retries?: number;
  /** How long to wait for the sender's first block, repeating the start request meanwhile. */
  startTimeoutMs?: number;
  blockTimeoutMs?: number;
  /** Largest file accepted (a runaway sender cannot fill memory). */
  maxBytes?: number;
  /**
   * Called with each YMODEM file as soon as it is complete, before the next header is asked for:
   * a batch cut off later keeps the files already received.
   */
  onFile?: (file: ReceivedFile) => void;
}

export interface ReceivedFile {
  /** Base name only: a sender cannot choose a directory. */
  name: string;
  size: number;
  mtime?: Date;
  data: Buffer;
}

type Block = { kind: 'data'; seq: number; payload: Buffer } | { kind: 'eot' } | { kind: 'bad' };

class Receiver {
  readonly mode: CheckMode;
  readonly retries: number;
  constructor(
    readonly link: ByteLink,
    readonly protocol: string,
    readonly options: ReceiveOptions,
  ) {
    this.mode = options.mode ?? 'crc';
    this.retries = options.retries ?? 10;
  }

  send(byte: number): Promise<void> {
    return this.link.write(Buffer.from([byte]), this.options.signal);
  }

  /** Waits for the line to go quiet, then drops what came (garbage after a bad block). */
  async purge(): Promise<void> {
    for (;;) {
      const got = await this.link.readSome(250, this.options.signal).catch((error: unknown) => {
        if (error instanceof StudioError && error.code === 'device_timeout') return null;
        throw error;
      });
      if (!got) return;
    }
  }

  async readBlock(timeoutMs: number): Promise<Block | null> {
    const first = await this.link.read(1, timeoutMs, this.options.signal).catch((error: unknown) => {
      if (error instanceof StudioError && error.code === 'device_timeout') return null;
      throw error;
    });
    if (!first) return null;
    const header = first[0];
    if (header === EOT) return { kind: 'eot' };
    if (header === CAN) {
      const next = await this.link.read(1, 1000, this.options.signal).catch(() => null);
      if (next?.[0] === CAN) throw deviceError('device_cancelled', `${this.protocol}.receive`, 'transfer_incomplete', 'retry');
      return { kind: 'bad' };
    }
    if (header !== SOH && header !== STX) return { kind: 'bad' };
    const size = header === STX ? 1024 : 128;
    const rest = await this.link.read(2 + size + (this.mode === 'crc' ? 2 : 1), this.options.blockTimeoutMs ?? 5000, this.options.signal).catch((error: unknown) => {
      if (error instanceof StudioError && error.code === 'device_timeout') return null;
      throw error;
    });
    if (!rest || !blockIsIntact(rest, size, this.mode)) return { kind: 'bad' };
    return { kind: 'data', seq: rest[0]!, payload: rest.subarray(2, 2 + size) };
  }

  /** The first block after a start request, repeating the request until the sender answers. */
  async start(stage: string, startByte: number): Promise<Block> {
    const deadline = Date.now() + (this.options.startTimeoutMs ?? 60_000);
    while (Date.now() < deadline) {
      await this.send(startByte);
      const block = await this.readBlock(Math.min(3000, Math.max(1, deadline - Date.now())));
      if (block && block.kind !== 'bad') return block;
      if (block?.kind === 'bad') await this.purge();
    }
    throw deviceError('device_timeout', stage, 'untouched', 'check_settings');
  }

  /** Receives data blocks 1.. until EOT; `first` may already hold block 1. */
  async receiveData(first: Block | null, limit: number, onBytes: (n: number) => void): Promise<Buffer> {
    const parts: Buffer[] = [];
    let received = 0;
    let expected = 1;
    let failures = 0;
    let block = first;
    for (;;) {
      if (!block) block = await this.readBlock(this.options.blockTimeoutMs ?? 10_000);
      if (block?.kind === 'eot') {
        await this.send(ACK);
        return Buffer.concat(parts, received);
      }
      if (block?.kind === 'data' && block.seq === (expected & 0xff)) {
        parts.push(Buffer.from(block.payload));
        received += block.payload.length;
        if (received > limit + 1024) throw deviceError('invalid_argument', `${this.protocol}.receive.too_large`, 'transfer_incomplete', 'retry', { limit });
        expected++;
        failures = 0;
        onBytes(block.payload.length);
        await this.send(ACK);
      } else if (block?.kind === 'data' && block.seq === ((expected - 1) & 0xff)) {
        await this.send(ACK); // a repeat of the last block: our ACK was lost
      } else {
        if (++failures > this.retries) throw deviceError('device_refused', `${this.protocol}.receive.block`, 'transfer_incomplete', 'retry', { block: expected });
        if (block?.kind === 'bad') await this.purge();
        await this.send(NAK);
      }
      block = null;
    }
  }

  async abort(): Promise<void> {
    await this.link.write(Buffer.from([...Array(8).fill(CAN), ...Array(8).fill(0x08)])).catch(() => undefined);
  }
}

async function guarded<T>(receiver: Receiver, stage: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StudioError && error.code === 'cancelled') {
      await receiver.abort();
      throw cancelledError(stage, 'transfer_incomplete');
    }
    if (!(error instanceof StudioError) || error.code !== 'device_cancelled') await receiver.abort();
    throw error;
  }
}

/**
 * Receives one XMODEM file. XMODEM carries no size: the last block's ^Z padding is removed
 * (a file that really ends in ^Z bytes loses them; YMODEM has no such limit).
 */
export function receiveXmodem(link: ByteLink, options: ReceiveOptions = {}): Promise<Buffer> {
  const receiver = new Receiver(link, 'xmodem', options);
  return guarded(receiver, 'xmodem.receive', async () => {
    const first = await receiver.start('xmodem.receive.start', receiver.mode === 'crc' ? CRC_REQUEST : NAK);
    let done = 0;
    const data = await receiver.receiveData(first, options.maxBytes ?? 64 * 1024 * 1024, (n) => {
      done += n;
      options.onProgress?.({ stage: 'receive', done, total: 0 });
    });
    let end = data.length;
    while (end > 0 && data[end - 1] === CPMEOF) end--;
    return data.subarray(0, end);
  });
}

/** Receives a YMODEM batch until the empty header; each file cut to the size in its header. */
export function receiveYmodem(link: ByteLink, options: ReceiveOptions = {}): Promise<ReceivedFile[]> {
  const receiver = new Receiver(link, 'ymodem', options);
  const startByte = receiver.mode === 'crc' ? CRC_REQUEST : NAK;
  return guarded(receiver, 'ymodem.receive', async () => {
    const files: ReceivedFile[] = [];
    for (;;) {
      let head = await receiver.start('ymodem.receive.header', startByte);
      while (head.kind !== 'data' || head.seq !== 0) {
        await receiver.send(NAK);
        head = (await receiver.readBlock(10_000)) ?? { kind: 'bad' };
        if (head.kind === 'bad') throw deviceError('device_refused', 'ymodem.receive.header', 'transfer_incomplete', 'retry');
      }
      const info = parseHeader(head.payload);
      await receiver.send(ACK);
      if (!info) return files;
      const name = path.basename(info.name.replace(/\\/g, '/'));
      if (!name || name === '.' || name === '..') throw deviceError('invalid_argument', 'ymodem.receive.name', 'transfer_incomplete', 'retry');
      const limit = options.maxBytes ?? 64 * 1024 * 1024;
      if (info.size > limit) throw deviceError('invalid_argument', 'ymodem.receive.too_large', 'transfer_incomplete', 'retry', { size: info.size, limit });
      let done = 0;
      const first = await receiver.start('ymodem.receive.data', startByte);
      const data = await receiver.receiveData(first, limit, (n) => {
        done += n;
        options.onProgress?.({ stage: 'receive', done: Math.min(done, info.size), total: Math.max(info.size, 0) });
      });
      const size = info.size >= 0 ? Math.min(info.size, data.length) : data.length;
      const file = { name, size, ...(info.mtime ? { mtime: info.mtime } : {}), data: data.subarray(0, size) };
      options.onFile?.(file);
      files.push(file);
    }
  });
}
