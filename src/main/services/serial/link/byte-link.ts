/**
 * The byte link every driver talks through: exact reads with a timeout, writes that return once
 * the operating system has the bytes, and cancel through an AbortSignal. Drivers never see a SerialPort,
 * so the same protocol code runs over a real cable, a pty, or a pacing relay.
 */
import { StudioError } from '../../../../shared/errors.ts';
import { cancelledError, deviceError } from '../device-errors.ts';

export interface ByteLink {
  /**
   * Writes and waits until the operating system has taken the bytes (not until they are on the
   * wire: every protocol here waits for the device's answer next, which cannot come sooner, and
   * waiting for the drain too cost a thread-pool turn on each command).
   */
  write(data: Uint8Array, signal?: AbortSignal): Promise<void>;
  /** Waits until the bytes written have left the port (before changing lines, or closing). */
  drain(): Promise<void>;
  /** Exactly `count` bytes, or a `device_timeout` error once `timeoutMs` passes without them. */
  read(count: number, timeoutMs: number, signal?: AbortSignal): Promise<Buffer>;
  /** At least one byte, up to whatever has arrived. */
  readSome(timeoutMs: number, signal?: AbortSignal): Promise<Buffer>;
  /** Drops whatever has arrived and not been read. */
  discardInput(): void;
  /** Number of bytes waiting. */
  readonly available: number;
  /** DTR/RTS, where the cable wires them (BOOT0/NRST). Ptys ignore them. */
  setLines(lines: { dtr?: boolean; rts?: boolean }): Promise<void>;
  close(): Promise<void>;
  readonly closed: boolean;
}

interface Waiter {
  count: number;
  some: boolean;
  resolve(data: Buffer): void;
  reject(error: unknown): void;
}

/**
 * The receiving half shared by every ByteLink implementation: a queue of arrived chunks and at
 * most one pending reader (drivers are sequential by nature).
 */
export class InputQueue {
  private chunks: Buffer[] = [];
  private size = 0;
  private waiter: (Waiter & { cleanup(): void }) | null = null;
  private failure: StudioError | null = null;

  get available(): number {
    return this.size;
  }

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.size += chunk.length;
    this.serve();
  }

  /** The link died (unplugged, closed): every pending and later read fails with this error. */
  fail(error: StudioError): void {
    this.failure ??= error;
    if (this.waiter) {
      const waiter = this.waiter;
      this.waiter = null;
      waiter.cleanup();
      waiter.reject(this.failure);
    }
  }

  discard(): void {
    this.chunks = [];
    this.size = 0;
  }

  read(count: number, timeoutMs: number, signal: AbortSignal | undefined, some: boolean): Promise<Buffer> {
    if (signal?.aborted) return Promise.reject(cancelledError('link.read'));
    if (this.waiter) return Promise.reject(new StudioError('internal', 'link.read.concurrent'));
    if (this.size >= count || (some && this.size > 0)) return Promise.resolve(this.take(some ? this.size : count));
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        cleanup();
        reject(deviceError('device_timeout', 'link.read', 'unknown', 'retry', { expected: count, received: this.size, timeoutMs }));
      }, timeoutMs);
      const onAbort = () => {
        this.waiter = null;
        cleanup();
        reject(cancelledError('link.read'));
      };
      const cleanup = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiter = { count, some, resolve, reject, cleanup };
    });
  }

  private serve(): void {
    const waiter = this.waiter;
    if (!waiter) return;
    if (this.size >= waiter.count || (waiter.some && this.size > 0)) {
      this.waiter = null;
      waiter.cleanup();
      waiter.resolve(this.take(waiter.some ? this.size : waiter.count));
    }
  }

  private take(count: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.size);
    const out = all.subarray(0, count);
    const rest = all.subarray(count);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.size = rest.length;
    return Buffer.from(out);
  }
}
