/**
 * XMODEM / XMODEM-1K / YMODEM sender. Written here: the npm XMODEM packages are unmaintained,
 * send-only or tied to one stream type, and none does the YMODEM batch with both check modes.
 */
import { StudioError } from '../../../../shared/errors.ts';
import type { ProgressCallback } from '../../../../shared/api/serial-types.ts';
import type { ByteLink } from '../link/byte-link.ts';
import { cancelledError, deviceError } from '../device-errors.ts';
import { ACK, CAN, CPMEOF, CRC_REQUEST, EOT, NAK, frameBlock, headerPayload, type CheckMode } from './framing.ts';

export interface SendOptions {
  /** 1024 for XMODEM-1K and YMODEM-1K; 128 for classic XMODEM. */
  blockSize?: 128 | 1024;
  signal?: AbortSignal;
  onProgress?: ProgressCallback;
  /** Attempts per block before giving up. */
  retries?: number;
  /** How long to wait for the receiver to start ('C' or NAK). */
  startTimeoutMs?: number;
  /** How long to wait for each block's answer. */
  answerTimeoutMs?: number;
}

export interface SendFile {
  name: string;
  data: Uint8Array;
  mtime?: Date;
}

const DEFAULTS = { retries: 10, startTimeoutMs: 60_000, answerTimeoutMs: 10_000 };

type Answer = 'ack' | 'nak' | 'crc' | 'cancel';

class Sender {
  readonly retries: number;
  readonly answerTimeoutMs: number;
  constructor(
    readonly link: ByteLink,
    readonly protocol: 'xmodem' | 'ymodem',
    readonly options: SendOptions,
  ) {
    this.retries = options.retries ?? DEFAULTS.retries;
    this.answerTimeoutMs = options.answerTimeoutMs ?? DEFAULTS.answerTimeoutMs;
  }

  /** The next meaningful byte from the receiver; line noise is skipped. */
  async answer(timeoutMs: number, stage: string): Promise<Answer> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) throw deviceError('device_timeout', stage, 'transfer_incomplete', 'retry');
      const byte = (await this.read(left, stage))[0];
      if (byte === ACK) return 'ack';
      if (byte === NAK) return 'nak';
      if (byte === CRC_REQUEST) return 'crc';
      if (byte === CAN) {
        // CAN CAN aborts; a lone CAN can be noise.
        const next = await this.link.read(1, 1000, this.options.signal).catch(() => null);
        if (next?.[0] === CAN) return 'cancel';
      }
    }
  }

  private async read(timeoutMs: number, stage: string): Promise<Buffer> {
    try {
      return await this.link.read(1, timeoutMs, this.options.signal);
    } catch (error) {
      if (error instanceof StudioError && error.code === 'device_timeout') throw deviceError('device_timeout', stage, 'transfer_incomplete', 'retry');
      throw error;
    }
  }

  /** Waits for the receiver's start request; returns the check mode it asked for. */
  async awaitStart(stage: string): Promise<CheckMode> {
    const deadline = Date.now() + (this.options.startTimeoutMs ?? DEFAULTS.startTimeoutMs);
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) throw deviceError('device_timeout', stage, 'untouched', 'check_settings');
      const answer = await this.answer(left, stage);
      if (answer === 'crc') return 'crc';
      if (answer === 'nak') return 'checksum';
      if (answer === 'cancel') throw deviceError('device_cancelled', stage, 'transfer_incomplete', 'retry');
    }
  }

  /** Sends one block until it is acknowledged. */
  async sendBlock(block: Buffer, stage: string, seq: number): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await this.link.write(block, this.options.signal);
      const answer = await this.answer(this.answerTimeoutMs, stage).catch((error: unknown) => {
        if (error instanceof StudioError && error.code === 'device_timeout' && attempt < this.retries) return 'nak' as const;
        throw error;
      });
      if (answer === 'ack') return;
      if (answer === 'cancel') throw deviceError('device_cancelled', stage, 'transfer_incomplete', 'retry', { block: seq });
      if (attempt >= this.retries) throw deviceError('device_refused', stage, 'transfer_incomplete', 'retry', { block: seq, attempts: attempt });
      this.link.discardInput();
    }
  }

  async sendData(data: Uint8Array, mode: CheckMode, blockSize: 128 | 1024, progress: { done: number; total: number }): Promise<boolean> {
    let seq = 1;
    for (let offset = 0; offset < data.length; seq++) {
      const left = data.length - offset;
      // The tail goes in 128-byte blocks when it fits, as lrzsz does: less padding on the wire.
      const size: 128 | 1024 = blockSize === 1024 && left > 896 ? 1024 : 128;
      const chunk = data.subarray(offset, offset + size);
      await this.sendBlock(frameBlock(seq, chunk, size, mode, CPMEOF), `${this.protocol}.send.block`, seq);
      offset += chunk.length;
      progress.done += chunk.length;
      this.options.onProgress?.({ stage: 'transfer', done: progress.done, total: progress.total });
    }
    return this.sendEnd();
  }

  /**
   * EOT until acknowledged (YMODEM receivers NAK the first one). lrzsz's rx flushes its output
   * as it exits, so the ACK of the last EOT can be lost on a busy line; when every data block
   * was acknowledged and the receiver then only stays silent, the end is reported unconfirmed
   * instead of failing (`false`); a receiver that answers NAK keeps getting EOT.
   */
  async sendEnd(): Promise<boolean> {
    const timeoutMs = Math.min(this.answerTimeoutMs, 3000);
    let onlySilence = true;
    for (let attempt = 1; ; attempt++) {
      await this.link.write(Buffer.from([EOT]), this.options.signal);
      const answer = await this.answer(timeoutMs, `${this.protocol}.send.eot`).catch((error: unknown) => {
        if (error instanceof StudioError && error.code === 'device_timeout') return 'silence' as const;
        throw error;
      });
      if (answer === 'ack') return true;
      if (answer === 'cancel') throw deviceError('device_cancelled', `${this.protocol}.send.eot`, 'transfer_incomplete', 'retry');
      if (answer !== 'silence') onlySilence = false;
      if (attempt >= 3 && onlySilence) return false;
      if (attempt >= this.retries) throw deviceError('device_refused', `${this.protocol}.send.eot`, 'transfer_incomplete', 'retry');
    }
  }

  /** Tells the peer to stop (CAN ×8, then backspaces to erase them from a terminal). */
  async abort(): Promise<void> {
    await this.link.write(Buffer.from([...Array(8).fill(CAN), ...Array(8).fill(0x08)])).catch(() => undefined);
  }
}

async function guarded<T>(sender: Sender, stage: string, work: () => Promise<T>): Promise<T> {
  try {
    if (sender.options.signal?.aborted) throw cancelledError(stage, 'untouched');
    return await work();
  } catch (error) {
    if (error instanceof StudioError && error.code === 'cancelled') {
      await sender.abort();
      throw cancelledError(stage, 'transfer_incomplete');
    }
    if (!(error instanceof StudioError) || error.code !== 'device_cancelled') await sender.abort();
    throw error;
  }
}

/**
 * Sends one file with XMODEM (blockSize 128) or XMODEM-1K (1024); the receiver pads it to a
 * block. `endConfirmed` is false when every block was acknowledged but the final EOT was not.
 */
export function sendXmodem(link: ByteLink, data: Uint8Array, options: SendOptions = {}): Promise<{ endConfirmed: boolean }> {
  const sender = new Sender(link, 'xmodem', options);
  return guarded(sender, 'xmodem.send', async () => {
    const mode = await sender.awaitStart('xmodem.send.start');
    return { endConfirmed: await sender.sendData(data, mode, options.blockSize ?? 128, { done: 0, total: data.length }) };
  });
}

/** Sends a YMODEM batch: for each file a header block (name, size, date), its data, EOT; then the empty header. */
export function sendYmodem(link: ByteLink, files: SendFile[], options: SendOptions = {}): Promise<void> {
  const sender = new Sender(link, 'ymodem', options);
  const progress = { done: 0, total: files.reduce((sum, f) => sum + f.data.length, 0) };
  return guarded(sender, 'ymodem.send', async () => {
    for (const file of files) {
      const mode = await sender.awaitStart('ymodem.send.start');
      const header = headerPayload({ name: file.name, size: file.data.length, ...(file.mtime ? { mtime: file.mtime } : {}) });
      const headerSize = header.length <= 128 ? 128 : 1024;
      if (header.length > 1024) throw new StudioError('invalid_argument', 'ymodem.send.name_too_long', { name: file.name });
      await sender.sendBlock(frameBlock(0, header, headerSize, mode, 0), 'ymodem.send.header', 0);
      // The receiver asks again ('C') before the data.
      const dataMode = await sender.awaitStart('ymodem.send.data_start');
      if (file.data.length > 0) await sender.sendData(file.data, dataMode, options.blockSize ?? 1024, progress);
      else await sender.sendEnd();
    }
    const mode = await sender.awaitStart('ymodem.send.end_batch');
    // A receiver may exit on the empty header before its ACK gets out: every file is already
    // acknowledged, so a missing answer here is not an error.
    await sender.link.write(frameBlock(0, Buffer.alloc(0), 128, mode, 0), options.signal);
    await sender.answer(2000, 'ymodem.send.end_batch').catch((error: unknown) => {
      if (!(error instanceof StudioError && error.code === 'device_timeout')) throw error;
    });
    options.onProgress?.({ stage: 'finish', done: progress.total, total: progress.total });
  });
}
