/**
 * A BX link over any Node byte stream (TCP socket or serial port): writes frames, hands back
 * the next answer frame, and fails fast when the stream closes.
 */
import type { Duplex } from 'node:stream';
import { FrameReader, encodeFrame, type BxPacket } from './frame';

export class LinkClosedError extends Error {
  constructor() {
    super('link closed');
  }
}

export interface BxLink {
  /** Sends one data field to the board at `destination`. */
  send(destination: number, data: Uint8Array): Promise<void>;
  /** The next frame from the board, or rejects on timeout (`null` result) / closed link. */
  nextPacket(timeoutMs: number, signal?: AbortSignal): Promise<BxPacket | null>;
  /** Drops frames that arrived before now (late answers to an earlier try). */
  discardPending(): void;
  close(): void;
  readonly bytesWritten: number;
}

export function streamLink(stream: Duplex): BxLink {
  const queue: BxPacket[] = [];
  let waiter: ((packet: BxPacket | null | Error) => void) | undefined;
  let closed = false;
  let bytesWritten = 0;
  const reader = new FrameReader((packet) => {
    if (waiter) waiter(packet);
    else queue.push(packet);
  });
  stream.on('data', (chunk: Buffer) => reader.push(chunk));
  const onClosed = (): void => {
    closed = true;
    waiter?.(new LinkClosedError());
  };
  stream.on('close', onClosed);
  stream.on('end', onClosed);
  stream.on('error', onClosed);

  return {
    get bytesWritten() {
      return bytesWritten;
    },
    send(destination, data) {
      if (closed) return Promise.reject(new LinkClosedError());
      const frame = encodeFrame({ destination, data });
      return new Promise((resolve, reject) =>
        stream.write(frame, (error) => {
          if (error) reject(new LinkClosedError());
          else {
            bytesWritten += frame.length;
            resolve();
          }
        }),
      );
    },
    nextPacket(timeoutMs, signal) {
      const ready = queue.shift();
      if (ready) return Promise.resolve(ready);
      if (closed) return Promise.reject(new LinkClosedError());
      return new Promise((resolve, reject) => {
        const finish = (result: BxPacket | null | Error): void => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          waiter = undefined;
          if (result instanceof Error) reject(result);
          else resolve(result);
        };
        const onAbort = (): void => finish(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
        const timer = setTimeout(() => finish(null), timeoutMs);
        signal?.addEventListener('abort', onAbort, { once: true });
        waiter = finish;
      });
    },
    discardPending() {
      queue.length = 0;
    },
    close() {
      closed = true;
      stream.destroy();
    },
  };
}
