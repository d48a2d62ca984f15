/**
 * A BX-5K2 board emulator written from Onbon's published protocol (v1.4), independently of the
 * studio's codec: its own unescaping and bitwise CRC-16/ARC. It answers A2 00 (ping) and A4 03
 * (dot-matrix area) frames and rebuilds the shown bitmap. Misbehaviours on demand: NACK, drop
 * the connection, or stop answering.
 */
import net from 'node:net';
import type { Duplex } from 'node:stream';

export interface Misbehaviour {
  /** NACK (error code 0x0C) the first n data frames. */
  nackFirst?: number;
  /** Received-frame numbers (1-based) at which to drop the connection without answering. */
  dropAt?: number[];
  /** From this received-frame number on, read but never answer. */
  silentFrom?: number;
}

function crcArcBitwise(bytes: number[]): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let i = 0; i < 8; i++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

function frameOut(dataField: number[]): Buffer {
  const header = [0x00, 0x80, 0x01, 0x00, 0, 0, 0, 0, 0, 0, 0xfe, 0x02, dataField.length & 0xff, dataField.length >> 8];
  const body = [...header, ...dataField];
  const crc = crcArcBitwise(body);
  body.push(crc & 0xff, crc >> 8);
  const escaped = body.flatMap((b) =>
    b === 0xa5 ? [0xa6, 2] : b === 0xa6 ? [0xa6, 1] : b === 0x5a ? [0x5b, 2] : b === 0x5b ? [0x5b, 1] : [b],
  );
  return Buffer.from([...Array(8).fill(0xa5), ...escaped, 0x5a]);
}

export class BoardEmulator {
  /** Palette frame as the board shows it: 0 dark, 1 red, 2 green, 3 yellow. */
  shown: { width: number; height: number; data: Uint8Array } | undefined;
  framesReceived = 0;
  corruptFrames = 0;
  pings = 0;
  private upload: { bytes: Uint8Array; filled: Set<number>; width: number; height: number; planes: number } | undefined;
  private nacksLeft: number;

  constructor(private readonly misbehaviour: Misbehaviour = {}) {
    this.nacksLeft = misbehaviour.nackFirst ?? 0;
  }

  /** Serves one byte stream (a socket or a serial port end). */
  attach(stream: Duplex): void {
    let inFrame = false;
    let raw: number[] = [];
    stream.on('data', (chunk: Buffer) => {
      for (const b of chunk) {
        if (!inFrame) {
          if (b === 0xa5) inFrame = true;
          continue;
        }
        if (b === 0xa5 && raw.length === 0) continue;
        if (b !== 0x5a) {
          raw.push(b);
          continue;
        }
        const frame = raw;
        raw = [];
        inFrame = false;
        this.onFrame(frame, stream);
      }
    });
    stream.on('error', () => {});
  }

  private onFrame(escaped: number[], stream: Duplex): void {
    const body: number[] = [];
    for (let i = 0; i < escaped.length; i++) {
      const b = escaped[i]!;
      if (b === 0xa6 || b === 0x5b) body.push(escaped[++i] === 2 ? b - 1 : b);
      else body.push(b);
    }
    const length = body[12]! | (body[13]! << 8);
    const crc = body[14 + length]! | (body[15 + length]! << 8);
    if (body.length !== 16 + length || crcArcBitwise(body.slice(0, 14 + length)) !== crc) {
      this.corruptFrames++;
      return void stream.write(frameOut([0xa0, 0x01, 0, 0, 0, 0x01]));
    }
    this.framesReceived++;
    const n = this.framesReceived;
    if (this.misbehaviour.dropAt?.includes(n)) return void stream.destroy();
    if (this.misbehaviour.silentFrom !== undefined && n >= this.misbehaviour.silentFrom) return;
    if (this.nacksLeft > 0) {
      this.nacksLeft--;
      return void stream.write(frameOut([0xa0, 0x01, 0, 0, 0, 0x0c]));
    }
    const data = body.slice(14, 14 + length);
    const ok = this.execute(data);
    stream.write(frameOut(ok ? [0xa0, 0x00, 0, 0, 0] : [0xa0, 0x01, 0, 0, 0, 0x02]));
  }

  private execute(data: number[]): boolean {
    const [group, code] = data;
    if (group === 0xa2 && code === 0x00) {
      this.pings++;
      return true;
    }
    if (group !== 0xa4 || code !== 0x03) return false;
    const p = data.slice(5);
    const u16 = (i: number): number => p[i]! | (p[i + 1]! << 8);
    const u32 = (i: number): number => (p[i]! | (p[i + 1]! << 8) | (p[i + 2]! << 16) | (p[i + 3]! << 24)) >>> 0;
    const width = u16(5);
    const height = u16(7);
    const planes = p[9]!;
    const total = u32(10);
    const offset = u32(14);
    const chunk = p.slice(18);
    if (total !== Math.ceil(width / 8) * height * planes || offset + chunk.length > total) return false;
    if (!this.upload || this.upload.bytes.length !== total || offset === 0)
      this.upload = { bytes: new Uint8Array(total), filled: new Set(), width, height, planes };
    this.upload.bytes.set(chunk, offset);
    for (let i = 0; i < chunk.length; i++) this.upload.filled.add(offset + i);
    if (this.upload.filled.size === total) this.show(this.upload);
    return true;
  }

  private show(upload: { bytes: Uint8Array; width: number; height: number; planes: number }): void {
    const stride = Math.ceil(upload.width / 8);
    const planeBytes = stride * upload.height;
    const data = new Uint8Array(upload.width * upload.height);
    for (let plane = 0; plane < upload.planes; plane++)
      for (let y = 0; y < upload.height; y++)
        for (let x = 0; x < upload.width; x++)
          if ((upload.bytes[plane * planeBytes + y * stride + (x >> 3)]! >> (7 - (x & 7))) & 1) data[y * upload.width + x]! |= 1 << plane;
    this.shown = { width: upload.width, height: upload.height, data };
  }
}

/** Listens on 127.0.0.1 (an ephemeral port); every connection talks to the same board. */
export async function startTcpEmulator(board: BoardEmulator): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    board.attach(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
