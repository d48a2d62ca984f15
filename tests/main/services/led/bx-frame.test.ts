/**
 * BX link layer against the worked frames printed for Onbon's protocol (ping, status query,
 * clear screen and a dynamic-area text frame, as reproduced in public BX-5K client code) and
 * CRC-16/ARC's standard check value.
 */
import { describe, expect, it } from 'vitest';
import {
  FrameReader,
  crc16Arc,
  decodeFrameBody,
  encodeFrame,
  escapeBytes,
  unescapeBytes,
  type BxPacket,
} from '../../../../src/main/services/led/bx/frame';
import { MAX_DATA_LENGTH, colourPlanes, dotMatrixChunks } from '../../../../src/main/services/led/bx/commands';
import { bitmapFromText } from '../../../../src/shared/led';

const bytes = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex.replace(/\s+/g, ''), 'hex'));
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex').toUpperCase();

describe('CRC-16/ARC', () => {
  it('gives the standard check value 0xBB3D for "123456789"', () => {
    expect(crc16Arc(new TextEncoder().encode('123456789'))).toBe(0xbb3d);
  });
});

describe('worked frames', () => {
  const preamble = 'A5A5A5A5A5A5A5A5';
  const header = '0100 0080 000000000000 FE02';
  it.each([
    ['ping (A2 00)', 'A2 00 01 00 00', '68 F8'],
    ['status query (A1 02)', 'A1 02 01 00 00', '2D 40'],
    ['clear screen (A3 10)', 'A3 10 01 00 00', '51 F8'],
  ])('%s', (_, data, crc) => {
    const expected = bytes(`${preamble} ${header} 0500 ${data} ${crc} 5A`);
    expect(hex(encodeFrame({ destination: 1, data: bytes(data) }))).toBe(hex(expected));
  });

  it('dynamic-area text frame (A3 06, "012345QRSTTV\'B")', () => {
    const data = bytes(
      `A3 06 01 2D 00  00 01  29 00  00 00000000 1800 2000 00 00 00 0200 00 00 00 02 02 03 00 04 05 0E000000
       303132333435 5152535454562742`,
    );
    const frame = encodeFrame({ destination: 1, data });
    expect(hex(frame)).toBe(hex(bytes(`${preamble} ${header} 3200 ${hex(data)} A8 7D 5A`)));
  });
});

describe('escaping', () => {
  it('escapes the four reserved bytes and nothing else', () => {
    expect(hex(escapeBytes(bytes('A5 A6 5A 5B 00 FF')))).toBe('A602A6015B025B0100FF');
    expect(hex(unescapeBytes(bytes('A602A6015B025B0100FF')))).toBe('A5A65A5B00FF');
  });

  it('keeps frames free of A5 and 5A between preamble and end, and round-trips', () => {
    const data = Uint8Array.from({ length: 600 }, (_, i) => [0xa5, 0xa6, 0x5a, 0x5b][i % 4]!);
    const frame = encodeFrame({ destination: 0x5aa5, data });
    const inner = frame.subarray(8, -1);
    expect(inner.includes(0xa5) || inner.includes(0x5a)).toBe(false);
    const packet = decodeFrameBody(inner);
    expect(packet.destination).toBe(0x5aa5);
    expect(hex(packet.data)).toBe(hex(data));
  });

  it('rejects a frame whose CRC does not match', () => {
    const frame = encodeFrame({ destination: 1, data: bytes('A2 00 01 00 00') });
    frame[frame.length - 3]! ^= 0x01;
    expect(() => decodeFrameBody(frame.subarray(8, -1))).toThrow('bad_crc');
  });
});

describe('FrameReader', () => {
  it('finds frames in a byte stream split anywhere, skipping noise and reporting corrupt ones', () => {
    const good = encodeFrame({ destination: 1, data: bytes('A0 00 00 00 00') });
    const bad = encodeFrame({ destination: 1, data: bytes('A0 01 00 00 00 0C') });
    bad[12]! ^= 0xff;
    const stream = Uint8Array.from([0x00, 0x13, ...good, ...bad, ...good]);
    const packets: BxPacket[] = [];
    let corrupt = 0;
    const reader = new FrameReader((p) => packets.push(p), () => corrupt++);
    for (let i = 0; i < stream.length; i += 5) reader.push(stream.subarray(i, i + 5));
    expect(packets).toHaveLength(2);
    expect(corrupt).toBe(1);
  });
});

describe('dot-matrix area (A4 03)', () => {
  it('packs rows MSB first, padded to bytes; dual colour as red then green planes', () => {
    const frame = bitmapFromText(`
      1.2.3.....
      ..........`);
    expect(hex(colourPlanes(frame, 1))).toBe('A8000000');
    expect(hex(colourPlanes(frame, 2))).toBe('880000002800' + '0000');
  });

  it('splits a large bitmap into frames within the card packet limit', () => {
    const frame = { width: 384, height: 192, data: new Uint8Array(384 * 192).fill(1) };
    const chunks = dotMatrixChunks({ areaId: 0, x: 0, y: 0, frame, planes: 2 });
    expect(chunks.every((c) => c.length <= MAX_DATA_LENGTH)).toBe(true);
    const payload = chunks.reduce((sum, c) => sum + c.length - 5 - 18, 0);
    expect(payload).toBe(48 * 192 * 2);
  });
});
