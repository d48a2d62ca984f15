/**
 * Host side of the STM32 system-memory bootloader over UART (ST AN3155). Every command is the
 * byte and its complement, answered by ACK 0x79 or NACK 0x1F; addresses and data carry XOR
 * checksums. Written here: no maintained npm package speaks AN3155 over `serialport`.
 */
import { StudioError } from '../../../../shared/errors.ts';
import type { DeviceState } from '../../../../shared/api/serial-types.ts';
import type { ByteLink } from '../link/byte-link.ts';
import { deviceError } from '../device-errors.ts';

export const ACK = 0x79;
export const NACK = 0x1f;
export const SYNC = 0x7f;

export const CMD = {
  get: 0x00,
  getVersion: 0x01,
  getId: 0x02,
  readMemory: 0x11,
  go: 0x21,
  writeMemory: 0x31,
  erase: 0x43,
  extendedErase: 0x44,
  writeProtect: 0x63,
  writeUnprotect: 0x73,
  readoutProtect: 0x82,
  readoutUnprotect: 0x92,
} as const;

const COMMAND_CODES = new Set<number>(Object.values(CMD));

/**
 * Whether bytes sent ahead of an answer could read as a command (a code and its complement) at
 * any alignment — what a device that refused an earlier frame would take them for. Such bytes are
 * never sent ahead: the step goes one frame at a time instead.
 */
export function mayReadAsCommand(bytes: Uint8Array): boolean {
  for (let i = 0; i + 1 < bytes.length; i++) if ((bytes[i]! ^ bytes[i + 1]!) === 0xff && COMMAND_CODES.has(bytes[i]!)) return true;
  return false;
}

export interface BootloaderInfo {
  version: number;
  commands: number[];
}

export interface Timeouts {
  /** An ordinary answer. */
  answerMs: number;
  /** Erase can take seconds per page on a real chip; mass erase tens of seconds. */
  eraseMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { answerMs: 2000, eraseMs: 60_000 };

export function xor(bytes: Iterable<number>, seed = 0): number {
  let x = seed;
  for (const b of bytes) x ^= b;
  return x & 0xff;
}

function addressBytes(address: number): Buffer {
  const b = Buffer.alloc(5);
  b.writeUInt32BE(address >>> 0, 0);
  b[4] = xor(b.subarray(0, 4));
  return b;
}

export class Stm32Bootloader {
  /** What the device holds if the current step fails; the flasher moves it along. */
  state: DeviceState = 'untouched';

  constructor(
    readonly link: ByteLink,
    readonly signal?: AbortSignal,
    readonly timeouts: Timeouts = DEFAULT_TIMEOUTS,
    /**
     * Send a Read/Write Memory command's address (and a read's length) without waiting for each
     * ACK first: one turn of the line instead of three (a read) or two (a write's header). The
     * device takes the frames in order either way; the data of a write is still sent only after
     * the address is acknowledged, and frames that could read as a command are never sent ahead.
     */
    readonly pipeline = true,
  ) {}

  /** Writes, naming what the device holds if the cable is gone. */
  private async write(data: Uint8Array, signal?: AbortSignal): Promise<void> {
    try {
      await this.link.write(data, signal);
    } catch (error) {
      if (error instanceof StudioError) {
        const nextStep = error.code === 'serial_disconnected' ? 'check_cable' : 'retry';
        throw new StudioError(error.code, error.message, { ...(error.details as object), deviceState: this.state, nextStep });
      }
      throw error;
    }
  }

  private async ack(stage: string, timeoutMs = this.timeouts.answerMs): Promise<void> {
    let byte: number | undefined;
    try {
      byte = (await this.link.read(1, timeoutMs, this.signal))[0];
    } catch (error) {
      if (error instanceof StudioError) {
        const nextStep = error.code === 'serial_disconnected' ? 'check_cable' : error.code === 'cancelled' ? 'retry' : 'reset_device_and_retry';
        throw new StudioError(error.code, stage, { ...(error.details as object), stage, deviceState: this.state, nextStep });
      }
      throw error;
    }
    if (byte === ACK) return;
    throw deviceError('device_refused', stage, this.state, 'reset_device_and_retry', { answer: byte });
  }

  private async readBytes(count: number, stage: string): Promise<Buffer> {
    try {
      return await this.link.read(count, this.timeouts.answerMs, this.signal);
    } catch (error) {
      if (error instanceof StudioError) throw new StudioError(error.code, stage, { ...(error.details as object), stage, deviceState: this.state, nextStep: 'reset_device_and_retry' });
      throw error;
    }
  }

  private async command(code: number, stage: string): Promise<void> {
    await this.write(Buffer.from([code, code ^ 0xff]), this.signal);
    await this.ack(stage);
  }

  /**
   * Auto-baud sync: 0x7F. A bootloader already synced answers NACK (it takes 0x7F as a bad
   * command), which also means it is there.
   */
  async sync(attempts = 5): Promise<void> {
    for (let i = 1; ; i++) {
      this.link.discardInput();
      await this.write(Buffer.from([SYNC]), this.signal);
      const answer = await this.link.read(1, this.timeouts.answerMs, this.signal).catch((error: unknown) => {
        if (error instanceof StudioError && error.code === 'device_timeout' && i < attempts) return null;
        if (error instanceof StudioError && error.code === 'device_timeout') throw deviceError('device_timeout', 'stm32.sync', this.state, 'reset_device_and_retry');
        throw error;
      });
      if (answer && (answer[0] === ACK || answer[0] === NACK)) {
        // A stray second byte (NACK of a half-received command) is dropped before talking.
        await new Promise((r) => setTimeout(r, 20));
        this.link.discardInput();
        return;
      }
    }
  }

  async get(): Promise<BootloaderInfo> {
    await this.command(CMD.get, 'stm32.get');
    const n = (await this.readBytes(1, 'stm32.get'))[0]!;
    const body = await this.readBytes(n + 1, 'stm32.get');
    await this.ack('stm32.get');
    return { version: body[0]!, commands: [...body.subarray(1)] };
  }

  async getVersion(): Promise<{ version: number; optionBytes: [number, number] }> {
    await this.command(CMD.getVersion, 'stm32.get_version');
    const body = await this.readBytes(3, 'stm32.get_version');
    await this.ack('stm32.get_version');
    return { version: body[0]!, optionBytes: [body[1]!, body[2]!] };
  }

  async getId(): Promise<number> {
    await this.command(CMD.getId, 'stm32.get_id');
    const n = (await this.readBytes(1, 'stm32.get_id'))[0]!;
    const body = await this.readBytes(n + 1, 'stm32.get_id');
    await this.ack('stm32.get_id');
    return body.readUIntBE(0, Math.min(body.length, 2));
  }

  async readMemory(address: number, length: number): Promise<Buffer> {
    if (length < 1 || length > 256) throw new StudioError('invalid_argument', 'stm32.read_memory.length', { length });
    const frames = [addressBytes(address), Buffer.from([length - 1, (length - 1) ^ 0xff])];
    if (this.pipeline && !mayReadAsCommand(Buffer.concat(frames))) {
      await this.pipelined(CMD.readMemory, frames, ['stm32.read_memory', 'stm32.read_memory.address', 'stm32.read_memory.length']);
    } else {
      await this.command(CMD.readMemory, 'stm32.read_memory');
      await this.write(frames[0]!, this.signal);
      await this.ack('stm32.read_memory.address');
      await this.write(frames[1]!, this.signal);
      await this.ack('stm32.read_memory.length');
    }
    return this.readBytes(length, 'stm32.read_memory.data');
  }

  /**
   * A command and the frames that follow it in one write, then their answers in order. If the
   * device refuses one, it took the frames after it as commands (none can be one: checked by the
   * caller) and answered each pair; a last odd byte is paired with itself (never a command) so
   * that the device waits for a whole command again, and those answers are drained before the
   * refusal is reported.
   */
  private async pipelined(code: number, frames: Buffer[], stages: string[]): Promise<void> {
    await this.write(Buffer.concat([Buffer.from([code, code ^ 0xff]), ...frames]), this.signal);
    for (let k = 0; k <= frames.length; k++) {
      try {
        await this.ack(stages[k]!);
      } catch (error) {
        if (!(error instanceof StudioError && error.code === 'device_refused')) throw error;
        const tail = Buffer.concat(frames.slice(k));
        if (tail.length % 2 === 1) await this.write(Buffer.from([tail[tail.length - 1]!]), this.signal);
        await this.link.read(Math.ceil(tail.length / 2), this.timeouts.answerMs, this.signal).catch(() => undefined);
        this.link.discardInput();
        throw error;
      }
    }
  }

  /** Up to 256 bytes; the length is padded to a multiple of 4 with 0xFF (the erased value). */
  async writeMemory(address: number, data: Uint8Array): Promise<void> {
    if (data.length < 1 || data.length > 256) throw new StudioError('invalid_argument', 'stm32.write_memory.length', { length: data.length });
    const padded = Buffer.alloc(Math.ceil(data.length / 4) * 4, 0xff);
    padded.set(data);
    const target = addressBytes(address);
    if (this.pipeline && !mayReadAsCommand(target)) {
      await this.pipelined(CMD.writeMemory, [target], ['stm32.write_memory', 'stm32.write_memory.address']);
    } else {
      await this.command(CMD.writeMemory, 'stm32.write_memory');
      await this.write(target, this.signal);
      await this.ack('stm32.write_memory.address');
    }
    const frame = Buffer.alloc(padded.length + 2);
    frame[0] = padded.length - 1;
    frame.set(padded, 1);
    frame[frame.length - 1] = xor(padded, padded.length - 1);
    await this.write(frame, this.signal);
    await this.ack('stm32.write_memory.data');
  }

  /** Erase (0x43, one-byte page numbers) or Extended Erase (0x44, two-byte); `mass` erases all. */
  async erase(pages: number[] | 'mass', extended: boolean): Promise<void> {
    const stage = extended ? 'stm32.extended_erase' : 'stm32.erase';
    await this.command(extended ? CMD.extendedErase : CMD.erase, stage);
    let frame: Buffer;
    if (pages === 'mass') frame = extended ? Buffer.from([0xff, 0xff, 0x00]) : Buffer.from([0xff, 0x00]);
    else if (extended) {
      frame = Buffer.alloc(2 + pages.length * 2 + 1);
      frame.writeUInt16BE(pages.length - 1, 0);
      pages.forEach((p, i) => frame.writeUInt16BE(p, 2 + i * 2));
      frame[frame.length - 1] = xor(frame.subarray(0, frame.length - 1));
    } else {
      frame = Buffer.from([pages.length - 1, ...pages, 0]);
      frame[frame.length - 1] = xor(frame.subarray(0, frame.length - 1));
    }
    this.state = 'unknown';
    await this.write(frame, this.signal);
    await this.ack(stage, this.timeouts.eraseMs);
    this.state = 'erased';
  }

  async go(address: number): Promise<void> {
    await this.command(CMD.go, 'stm32.go');
    await this.write(addressBytes(address), this.signal);
    await this.ack('stm32.go.address');
  }

  /** Write-protects the given sectors; the device resets afterwards (sync again). */
  async writeProtect(sectors: number[]): Promise<void> {
    await this.command(CMD.writeProtect, 'stm32.write_protect');
    const frame = Buffer.from([sectors.length - 1, ...sectors, 0]);
    frame[frame.length - 1] = xor(frame.subarray(0, frame.length - 1));
    await this.write(frame, this.signal);
    await this.ack('stm32.write_protect.sectors');
  }

  /** The unprotect and readout-protect commands: a second ACK when done; the device then resets. */
  private async twoAckCommand(code: number, stage: string, timeoutMs: number): Promise<void> {
    await this.command(code, stage);
    await this.ack(`${stage}.done`, timeoutMs);
  }

  writeUnprotect(): Promise<void> {
    return this.twoAckCommand(CMD.writeUnprotect, 'stm32.write_unprotect', this.timeouts.answerMs);
  }

  readoutProtect(): Promise<void> {
    return this.twoAckCommand(CMD.readoutProtect, 'stm32.readout_protect', this.timeouts.answerMs);
  }

  /** Removing readout protection mass-erases the flash. */
  async readoutUnprotect(): Promise<void> {
    this.state = 'unknown';
    await this.twoAckCommand(CMD.readoutUnprotect, 'stm32.readout_unprotect', this.timeouts.eraseMs);
    this.state = 'erased';
  }
}
