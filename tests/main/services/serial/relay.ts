/**
 * A relay between two pty pairs: studio ↔ [pair A] ↔ relay ↔ [pair B] ↔ peer. It can pace bytes
 * at a simulated baud rate (10 bits a byte, as 8N1 on a wire) and corrupt one byte on its way
 * to the peer, so line speed and line noise can be tested over ptys, which have neither.
 */
import type { ByteLink } from '../../../../src/main/services/serial/link/byte-link.ts';
import { openSerialLink } from '../../../../src/main/services/serial/link/serial-port-link.ts';
import { openPtyPair, type PtyPair } from './pty.ts';

export interface RelayOptions {
  /** Simulated line rate; none = as fast as the ptys go. */
  baudRate?: number;
  /** Flip the bits of the byte at this offset of the studio → peer stream (once). */
  corruptAt?: number;
}

export interface Relay {
  /** The studio opens this. */
  studioEnd: string;
  /** The peer (lrzsz, stm32flash, an emulator) opens this. */
  peerEnd: string;
  /** Bytes seen from the peer (its answers). */
  fromPeer: number[];
  close(): Promise<void>;
}

class Pacer {
  private lineFreeAt = 0;
  constructor(private readonly bytesPerMs: number | null) {}
  /** Resolves when `length` bytes sent now would have fully arrived. */
  wait(length: number): Promise<void> {
    if (!this.bytesPerMs) return Promise.resolve();
    const now = performance.now();
    this.lineFreeAt = Math.max(this.lineFreeAt, now) + length / this.bytesPerMs;
    const delay = this.lineFreeAt - now;
    return delay >= 1 ? new Promise((r) => setTimeout(r, delay)) : Promise.resolve();
  }
}

function pump(from: ByteLink, to: ByteLink, pacer: Pacer, transform: (chunk: Buffer, offset: number) => Buffer, running: () => boolean): Promise<void> {
  return (async () => {
    let offset = 0;
    let chain = Promise.resolve();
    while (running()) {
      const chunk = await from.readSome(3_600_000).catch(() => null);
      if (!chunk) break;
      const out = transform(chunk, offset);
      offset += chunk.length;
      // Pacing is per direction and keeps order: each chunk leaves once the line is free.
      const arrival = pacer.wait(out.length);
      chain = chain.then(() => arrival).then(() => to.write(out).catch(() => undefined));
    }
    await chain;
  })();
}

export async function openRelay(options: RelayOptions = {}): Promise<Relay> {
  const studioPair: PtyPair = await openPtyPair();
  const peerPair: PtyPair = await openPtyPair();
  const toStudio = await openSerialLink({ path: studioPair.b });
  const toPeer = await openSerialLink({ path: peerPair.a });
  const bytesPerMs = options.baudRate ? options.baudRate / 10 / 1000 : null;
  let running = true;
  let corrupted = false;
  const fromPeer: number[] = [];
  const forward = pump(
    toStudio,
    toPeer,
    new Pacer(bytesPerMs),
    (chunk, offset) => {
      const at = options.corruptAt;
      if (at === undefined || corrupted || at < offset || at >= offset + chunk.length) return chunk;
      corrupted = true;
      const copy = Buffer.from(chunk);
      copy[at - offset] = copy[at - offset]! ^ 0xff;
      return copy;
    },
    () => running,
  );
  const backward = pump(
    toPeer,
    toStudio,
    new Pacer(bytesPerMs),
    (chunk) => {
      fromPeer.push(...chunk);
      return chunk;
    },
    () => running,
  );
  return {
    studioEnd: studioPair.a,
    peerEnd: peerPair.b,
    fromPeer,
    async close() {
      running = false;
      await toStudio.close();
      await toPeer.close();
      await Promise.allSettled([forward, backward]);
      await studioPair.close();
      await peerPair.close();
    },
  };
}
