/**
 * Reads and writes an open port's file descriptor on the event loop itself (Linux, macOS), for
 * the turn-bound protocols here (a block, then its ACK; a command, then its answer).
 *
 * Why: `serialport` does every read and write through libuv's thread pool (fs.read/fs.write on
 * the non-blocking descriptor it opened), so each block/ACK turn pays two thread hand-overs on
 * top of the line time. Measured on a pty at a simulated 115,200 baud (bench/serial.bench.ts, a
 * loaded 2-core machine), from the ACK leaving the relay to the next block reaching it: median
 * 0.86 ms a turn (mean 2–4 ms) where `sb` takes 0.15 ms (mean 1–1.4 ms); read and written here,
 * median 0.37 ms (mean 0.6–1.3 ms). The descriptor is
 * O_NONBLOCK, so a read or write here takes what the driver has or has room for and never waits:
 * the same system calls the thread pool would make, minus the hand-over. Readiness comes from
 * serialport's own poller (epoll/kqueue on the same loop), as it does for serialport.
 *
 * Windows ports have no descriptor: `directFdIo` returns null and the link keeps serialport's stream.
 */
import fs from 'node:fs';

/** The parts of @serialport/bindings-cpp's unix binding used here (not in its typings). */
interface UnixBinding {
  fd: number | null;
  poller: { once(event: 'readable', callback: (error: (Error & { canceled?: boolean }) | null) => void): unknown };
}

export interface DirectFdIo {
  /**
   * Writes what the driver takes now; returns the number of bytes written (0 when it has no
   * room). Throws on a dead port.
   */
  writeNow(data: Buffer): number;
  /** Starts delivering arrived bytes to `onData`; `onLost` once the port is gone (not after a close of ours). */
  startReading(onData: (chunk: Buffer) => void, onLost: (error: Error) => void): void;
}

const RETRY = new Set(['EAGAIN', 'EWOULDBLOCK', 'EINTR']);

export function directFdIo(binding: unknown): DirectFdIo | null {
  const b = binding as Partial<UnixBinding> | undefined;
  if (process.platform === 'win32' || typeof b?.fd !== 'number' || typeof b.poller?.once !== 'function') return null;
  const unix = b as UnixBinding;
  const buffer = Buffer.allocUnsafe(64 * 1024);
  return {
    writeNow(data) {
      if (unix.fd === null) throw new Error('Port is not open');
      try {
        return fs.writeSync(unix.fd, data);
      } catch (error) {
        if (RETRY.has((error as NodeJS.ErrnoException).code ?? '')) return 0;
        throw error;
      }
    },
    startReading(onData, onLost) {
      const readAll = () => {
        for (;;) {
          if (unix.fd === null) return;
          let got: number;
          try {
            got = fs.readSync(unix.fd, buffer, 0, buffer.length, null);
          } catch (error) {
            if (RETRY.has((error as NodeJS.ErrnoException).code ?? '')) break;
            onLost(error as Error);
            return;
          }
          // A non-blocking tty read with nothing to read fails with EAGAIN; 0 is a hang-up
          // (an unplugged USB adapter).
          if (got === 0) {
            onLost(new Error('hang-up'));
            return;
          }
          onData(Buffer.from(buffer.subarray(0, got)));
          if (got < buffer.length) break;
        }
        wait();
      };
      const wait = () =>
        unix.poller.once('readable', (error) => {
          // The poller is cancelled when the port closes: our close, or a loss reported already.
          if (error?.canceled) return;
          if (error) onLost(error);
          else readAll();
        });
      readAll();
    },
  };
}
