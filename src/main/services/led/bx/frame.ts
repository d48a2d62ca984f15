/**
 * Onbon BX-5K/5MK/6K "font card" link layer (protocol document v1.4):
 *
 *   A5 ×8 | escaped( header(14) | data | CRC-16/ARC of header+data, low byte first ) | 5A
 *
 * header: destination address (2, LE), source address (2, LE), reserved (6), device type (1,
 * FE = any), protocol version (1, 02), data length (2, LE). Escaping inside the frame:
 * A5→A6 02, A6→A6 01, 5A→5B 02, 5B→5B 01. Written by hand: no npm package speaks this protocol.
 */
export const FRAME_START = 0xa5;
export const FRAME_END = 0x5a;
export const PREAMBLE_LENGTH = 8;
export const HEADER_LENGTH = 14;
export const DEVICE_TYPE_ANY = 0xfe;
export const PROTOCOL_VERSION = 0x02;
/** The controller's source address as the PC speaks it. */
export const PC_ADDRESS = 0x8000;

const CRC_TABLE = (() => {
  const table = new Uint16Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xa001 : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-16/ARC (poly 0x8005 reflected, init 0, no final xor); check value 0xBB3D. */
export function crc16Arc(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) crc = (crc >>> 8) ^ CRC_TABLE[(crc ^ byte) & 0xff]!;
  return crc;
}

export function escapeBytes(bytes: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (const b of bytes) {
    if (b === 0xa5) out.push(0xa6, 0x02);
    else if (b === 0xa6) out.push(0xa6, 0x01);
    else if (b === 0x5a) out.push(0x5b, 0x02);
    else if (b === 0x5b) out.push(0x5b, 0x01);
    else out.push(b);
  }
  return Uint8Array.from(out);
}

export class FrameFormatError extends Error {
  constructor(readonly reason: 'bad_escape' | 'bad_crc' | 'bad_length' | 'too_short') {
    super(reason);
  }
}

export function unescapeBytes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0xa6 || b === 0x5b) {
      const next = bytes[++i];
      if (next === 0x01) out[n++] = b;
      else if (next === 0x02) out[n++] = b - 1;
      else throw new FrameFormatError('bad_escape');
    } else out[n++] = b;
  }
  return out.subarray(0, n);
}

export interface BxPacket {
  destination: number;
  source: number;
  deviceType: number;
  protocolVersion: number;
  data: Uint8Array;
}

export function encodeFrame(packet: Pick<BxPacket, 'destination' | 'data'> & Partial<BxPacket>): Uint8Array {
  const body = new Uint8Array(HEADER_LENGTH + packet.data.length + 2);
  const view = new DataView(body.buffer);
  view.setUint16(0, packet.destination, true);
  view.setUint16(2, packet.source ?? PC_ADDRESS, true);
  body[10] = packet.deviceType ?? DEVICE_TYPE_ANY;
  body[11] = packet.protocolVersion ?? PROTOCOL_VERSION;
  view.setUint16(12, packet.data.length, true);
  body.set(packet.data, HEADER_LENGTH);
  view.setUint16(HEADER_LENGTH + packet.data.length, crc16Arc(body.subarray(0, HEADER_LENGTH + packet.data.length)), true);
  const escaped = escapeBytes(body);
  const frame = new Uint8Array(PREAMBLE_LENGTH + escaped.length + 1);
  frame.fill(FRAME_START, 0, PREAMBLE_LENGTH);
  frame.set(escaped, PREAMBLE_LENGTH);
  frame[frame.length - 1] = FRAME_END;
  return frame;
}

/** Decodes the escaped part of one frame (between the A5 preamble and the 5A). */
export function decodeFrameBody(escaped: Uint8Array): BxPacket {
  const body = unescapeBytes(escaped);
  if (body.length < HEADER_LENGTH + 2) throw new FrameFormatError('too_short');
  const view = new DataView(body.buffer, body.byteOffset, body.length);
  const length = view.getUint16(12, true);
  if (body.length !== HEADER_LENGTH + length + 2) throw new FrameFormatError('bad_length');
  if (crc16Arc(body.subarray(0, HEADER_LENGTH + length)) !== view.getUint16(HEADER_LENGTH + length, true))
    throw new FrameFormatError('bad_crc');
  return {
    destination: view.getUint16(0, true),
    source: view.getUint16(2, true),
    deviceType: body[10]!,
    protocolVersion: body[11]!,
    data: body.slice(HEADER_LENGTH, HEADER_LENGTH + length),
  };
}

/**
 * Splits a byte stream into frames: skips to an A5, takes everything up to the next 5A (which
 * cannot occur escaped). Corrupt frames are reported, not thrown, so a link survives line noise.
 */
export class FrameReader {
  private buffer: number[] = [];
  private inFrame = false;

  constructor(
    private readonly onPacket: (packet: BxPacket) => void,
    private readonly onCorrupt: (error: FrameFormatError) => void = () => {},
  ) {}

  push(chunk: Uint8Array): void {
    for (const b of chunk) {
      if (!this.inFrame) {
        if (b === FRAME_START) this.inFrame = true;
        continue;
      }
      if (b === FRAME_START && this.buffer.length === 0) continue; // rest of the preamble
      if (b === FRAME_END) {
        const escaped = Uint8Array.from(this.buffer);
        this.buffer = [];
        this.inFrame = false;
        try {
          this.onPacket(decodeFrameBody(escaped));
        } catch (error) {
          if (error instanceof FrameFormatError) this.onCorrupt(error);
          else throw error;
        }
        continue;
      }
      this.buffer.push(b);
    }
  }
}
