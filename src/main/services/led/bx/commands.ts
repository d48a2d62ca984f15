/**
 * BX command payloads (the frame's data field): command group, command, "must answer" flag,
 * two reserved bytes, then parameters. Answers come back as group A0: 00 = done (ACK),
 * 01 = refused (NACK) followed by the controller's error code.
 */
import { packRows, type Bitmap } from '../../../../shared/led';

export const CMD_PING = [0xa2, 0x00] as const;
/** Dot-matrix (bitmap) dynamic area, BX-5K2/5MK: the studio draws text itself. */
export const CMD_DOT_MATRIX_AREA = [0xa4, 0x03] as const;
export const ANSWER_GROUP = 0xa0;
export const ANSWER_ACK = 0x00;
export const ANSWER_NACK = 0x01;
const MUST_ANSWER = 0x01;

/** The largest data field a 5K card takes in one frame (its SDK: 1 KiB packets). */
export const MAX_DATA_LENGTH = 1024;
const COMMAND_PREFIX = 5;
/** Dot-matrix parameters before the bitmap chunk (see dotMatrixChunks). */
export const DOT_MATRIX_HEADER = 18;
export const MAX_CHUNK = MAX_DATA_LENGTH - COMMAND_PREFIX - DOT_MATRIX_HEADER;

export function command(code: readonly [number, number], params: Uint8Array = new Uint8Array()): Uint8Array {
  const data = new Uint8Array(COMMAND_PREFIX + params.length);
  data.set([code[0], code[1], MUST_ANSWER, 0, 0]);
  data.set(params, COMMAND_PREFIX);
  return data;
}

export type Answer = { kind: 'ack' } | { kind: 'nack'; errorCode: number } | { kind: 'other'; group: number; code: number };

export function parseAnswer(data: Uint8Array): Answer {
  if (data[0] === ANSWER_GROUP && data[1] === ANSWER_ACK) return { kind: 'ack' };
  if (data[0] === ANSWER_GROUP && data[1] === ANSWER_NACK) return { kind: 'nack', errorCode: data[5] ?? 0 };
  return { kind: 'other', group: data[0] ?? 0, code: data[1] ?? 0 };
}

export function answer(ack: boolean, errorCode = 0): Uint8Array {
  return ack ? Uint8Array.from([ANSWER_GROUP, ANSWER_ACK, 0, 0, 0]) : Uint8Array.from([ANSWER_GROUP, ANSWER_NACK, 0, 0, 0, errorCode]);
}

/**
 * Colour planes of a palette frame as the card stores them: plane 0 red (red or yellow lit),
 * plane 1 green (green or yellow lit) on dual-colour boards; rows MSB first, padded to bytes.
 */
export function colourPlanes(frame: Bitmap, planes: 1 | 2): Uint8Array {
  const plane = (lit: (v: number) => boolean): Uint8Array =>
    packRows({ width: frame.width, height: frame.height, data: frame.data.map((v) => (lit(v) ? 1 : 0)) });
  if (planes === 1) return plane((v) => v !== 0);
  const red = plane((v) => v === 1 || v === 3);
  const green = plane((v) => v === 2 || v === 3);
  const both = new Uint8Array(red.length * 2);
  both.set(red);
  both.set(green, red.length);
  return both;
}

export interface DotMatrixArea {
  areaId: number;
  x: number;
  y: number;
  frame: Bitmap;
  planes: 1 | 2;
}

/**
 * The A4 03 frames for one bitmap: each carries area id (1), x, y, width, height (2 each, LE,
 * pixels), planes (1), total bitmap length (4, LE), this chunk's offset (4, LE), then the chunk.
 */
export function dotMatrixChunks(area: DotMatrixArea): Uint8Array[] {
  const bitmap = colourPlanes(area.frame, area.planes);
  const chunks: Uint8Array[] = [];
  for (let offset = 0; offset < bitmap.length || offset === 0; offset += MAX_CHUNK) {
    const chunk = bitmap.subarray(offset, offset + MAX_CHUNK);
    const params = new Uint8Array(DOT_MATRIX_HEADER + chunk.length);
    const view = new DataView(params.buffer);
    params[0] = area.areaId;
    view.setUint16(1, area.x, true);
    view.setUint16(3, area.y, true);
    view.setUint16(5, area.frame.width, true);
    view.setUint16(7, area.frame.height, true);
    params[9] = area.planes;
    view.setUint32(10, bitmap.length, true);
    view.setUint32(14, offset, true);
    params.set(chunk, DOT_MATRIX_HEADER);
    chunks.push(command(CMD_DOT_MATRIX_AREA, params));
    if (bitmap.length === 0) break;
  }
  return chunks;
}
