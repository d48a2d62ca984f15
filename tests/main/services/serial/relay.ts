/**
 * A relay between two pty pairs: studio ↔ [pair A] ↔ relay ↔ [pair B] ↔ peer. It can pace bytes
 * at a simulated baud rate (10 bits a byte, as 8N1 on a wire) and corrupt one byte on its way
 * to the peer, so line speed and line noise can be tested over ptys, which have neither.
 *
 * The relay is the wire, so it should add no time of its own: a real UART hands the last byte
 * over as it arrives, while every hop through the relay adds the latency of a process wakeup on
 * top of the paced line time, in both directions of each block/ACK turn. It therefore reads and
 * writes its two pty ends as Node tty streams (epoll on the event loop) rather than through
 * serialport, whose reads, writes and drains each go through libuv's thread pool: on a busy
 * machine that cost milliseconds per turn and held both the studio and `sb` well under the
 * simulated line rate (the bench measured the relay, not the senders).
 */
import fs from 'node:fs';
import tty from 'node:tty';
import { openPtyPair, type PtyPair } from './pty.ts';

export interface RelayOptions {
  /** Simulated line rate; none = as fast as the ptys go. */
  baudRate?: number;
  /** Flip the bits of the byte at this offset of the studio → peer stream (once). */
  corruptAt?: number;
  /**
   * Called as each chunk reaches the relay (`in`) and as it leaves it, paced (`out`): the wire's
   * own view of a block/ACK turn, the same for every sender (bench/serial-turns.ts reads it).
   */
  trace?: (event: RelayEvent) => void;
}

export interface RelayEvent {
  direction: 'toPeer' | 'toStudio';
  stage: 'in' | 'out';
  bytes: number;
  /** Milliseconds on the monotonic clock (process.hrtime): comparable across processes. */
  at: number;
}

export interface Relay {
  /** The studio opens this. */
  studioEnd: string;
  /** The peer (lrzsz, stm32flash, an emulator) opens this. */
  peerEnd: string;
  /** Bytes seen from the peer (its answers). */
  fromPeer: number[];
  /** Bytes carried towards the peer so far (what was on the simulated wire that way). */
  toPeerBytes(): number;
  close(): Promise<void>;
}

class Pacer {
  private lineFreeAt = 0;
  constructor(private readonly bytesPerMs: number | null) {}
  /**
   * Resolves when `length` bytes, put on the line now (or when the line is free), would have
   * fully arrived. The schedule is kept on the ideal clock: a timer that fires late does not
   * push the bytes after it back.
   */
  wait(length: number): Promise<void> {
    if (!this.bytesPerMs) return Promise.resolve();
    const now = performance.now();
    this.lineFreeAt = Math.max(this.lineFreeAt, now) + length / this.bytesPerMs;
    const delay = this.lineFreeAt - now;
    return delay >= 1 ? new Promise((r) => setTimeout(r, delay)) : Promise.resolve();
  }
}

/** One end of a pty pair as Node tty streams (raw), without serialport's thread-pool hops. */
interface TtyEnd {
  input: tty.ReadStream;
  output: tty.WriteStream;
  close(): void;
}

function openTtyEnd(path: string): TtyEnd {
  const fd = fs.openSync(path, fs.constants.O_RDWR | fs.constants.O_NOCTTY);
  const input = new tty.ReadStream(fd);
  input.setRawMode(true);
  const output = new tty.WriteStream(fd);
  // A pty whose other side went away reports EIO: that is the end of the wire, not a crash.
  input.on('error', () => undefined);
  output.on('error', () => undefined);
  return {
    input,
    output,
    close() {
      input.destroy();
      output.destroy();
    },
  };
}

/** Forwards one direction: each chunk leaves once the paced line has carried it, in order. */
function pump(from: TtyEnd, to: TtyEnd, pacer: Pacer, transform: (chunk: Buffer, offset: number) => Buffer, trace?: (stage: 'in' | 'out', bytes: number) => void): void {
  let offset = 0;
  let chain = Promise.resolve();
  from.input.on('data', (chunk: Buffer) => {
    trace?.('in', chunk.length);
    const out = transform(chunk, offset);
    offset += chunk.length;
    const arrival = pacer.wait(out.length);
    chain = chain.then(() => arrival).then(() => {
      if (!to.output.destroyed) to.output.write(out);
      trace?.('out', out.length);
    });
  });
}

const clock = () => Number(process.hrtime.bigint()) / 1e6;

export async function openRelay(options: RelayOptions = {}): Promise<Relay> {
  const studioPair: PtyPair = await openPtyPair();
  const peerPair: PtyPair = await openPtyPair();
  const toStudio = openTtyEnd(studioPair.b);
  const toPeer = openTtyEnd(peerPair.a);
  const bytesPerMs = options.baudRate ? options.baudRate / 10 / 1000 : null;
  let corrupted = false;
  let carried = 0;
  const trace = options.trace;
  const fromPeer: number[] = [];
  pump(toStudio, toPeer, new Pacer(bytesPerMs), (chunk, offset) => {
    carried += chunk.length;
    const at = options.corruptAt;
    if (at === undefined || corrupted || at < offset || at >= offset + chunk.length) return chunk;
    corrupted = true;
    const copy = Buffer.from(chunk);
    copy[at - offset] = copy[at - offset]! ^ 0xff;
    return copy;
  }, trace && ((stage, bytes) => trace({ direction: 'toPeer', stage, bytes, at: clock() })));
  pump(toPeer, toStudio, new Pacer(bytesPerMs), (chunk) => {
    for (const byte of chunk) fromPeer.push(byte);
    return chunk;
  }, trace && ((stage, bytes) => trace({ direction: 'toStudio', stage, bytes, at: clock() })));
  return {
    studioEnd: studioPair.a,
    peerEnd: peerPair.b,
    fromPeer,
    toPeerBytes: () => carried,
    async close() {
      toStudio.close();
      toPeer.close();
      await studioPair.close();
      await peerPair.close();
    },
  };
}
