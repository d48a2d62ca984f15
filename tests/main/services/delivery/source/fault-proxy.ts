/**
 * A loopback TCP proxy for fault tests: it can throttle (so a kill lands mid-upload), drop
 * connections at random (seeded, bounded), and flip one byte of the client→server stream.
 * Written here rather than taken from a library because the faults must be exact and counted.
 */
import net from 'node:net';

export interface FaultProxyOptions {
  targetPort: number;
  /** Client→server bytes per second; unlimited when omitted. */
  bytesPerSecond?: number;
  /**
   * Seeded random drops: the connection carrying the stream is cut after a random number of
   * client→server bytes (uniform in 0..maxBytes), again and again, until maxDrops cuts.
   */
  drop?: { seed: number; maxBytes: number; maxDrops: number };
  /** Flip the lowest bit of the byte at this position of the overall client→server stream. */
  flipAt?: number;
  /** From this position of the client→server stream on, that connection goes silent (a dead line). */
  stallAt?: number;
}

export interface FaultProxy {
  port: number;
  url: string;
  stats: { connections: number; drops: number; flipped: boolean; clientBytes: number; stalled: boolean };
  close(): Promise<void>;
}

/** mulberry32: a tiny seeded PRNG so a failing run can be replayed with its seed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const stats = { connections: 0, drops: 0, flipped: false, clientBytes: 0, stalled: false };
  const random = options.drop ? seeded(options.drop.seed) : Math.random;
  const sockets = new Set<net.Socket>();
  const nextCut = () => (options.drop && stats.drops < options.drop.maxDrops ? stats.clientBytes + Math.floor(random() * options.drop.maxBytes) : Infinity);
  let cutAt = nextCut();
  let windowStart = Date.now();
  let windowBytes = 0;

  const server = net.createServer((client) => {
    stats.connections += 1;
    const upstream = net.connect(options.targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    const cut = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', () => {
      sockets.delete(client);
      upstream.destroy();
    });
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    client.on('error', cut);
    upstream.on('error', cut);

    let silent = false;
    client.on('data', (chunk: Buffer) => {
      if (silent) return;
      if (options.stallAt !== undefined && !stats.stalled && stats.clientBytes + chunk.length > options.stallAt) {
        // Swallow everything from here on, answer nothing, close nothing.
        stats.stalled = true;
        silent = true;
        upstream.pause();
        return;
      }
      if (options.flipAt !== undefined && !stats.flipped && stats.clientBytes + chunk.length > options.flipAt) {
        const index = options.flipAt - stats.clientBytes;
        chunk = Buffer.from(chunk);
        chunk[index] = chunk[index]! ^ 0x01;
        stats.flipped = true;
      }
      stats.clientBytes += chunk.length;
      if (stats.clientBytes > cutAt) {
        stats.drops += 1;
        cutAt = nextCut();
        cut();
        return;
      }
      upstream.write(chunk);
      if (options.bytesPerSecond) {
        const now = Date.now();
        if (now - windowStart > 1000) {
          windowStart = now;
          windowBytes = 0;
        }
        windowBytes += chunk.length;
        const earliest = windowStart + (windowBytes / options.bytesPerSecond) * 1000;
        if (earliest > now) {
          client.pause();
          setTimeout(() => client.resume(), earliest - now);
        }
      }
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!silent) client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
