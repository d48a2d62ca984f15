/** XMODEM/YMODEM control bytes, block framing and the two integrity checks (CRC-16 and sum). */

export const SOH = 0x01; // 128-byte block
export const STX = 0x02; // 1024-byte block
export const EOT = 0x04;
export const ACK = 0x06;
export const NAK = 0x15;
export const CAN = 0x18;
export const CRC_REQUEST = 0x43; // 'C'
export const CPMEOF = 0x1a; // XMODEM pads the last block with ^Z

export type CheckMode = 'crc' | 'checksum';

const CRC_TABLE = (() => {
  const table = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let crc = i << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    table[i] = crc;
  }
  return table;
})();

/** CRC-16/XMODEM (polynomial 0x1021, initial 0). */
export function crc16(data: Uint8Array): number {
  let crc = 0;
  for (let i = 0; i < data.length; i++) crc = ((crc << 8) & 0xffff) ^ CRC_TABLE[((crc >> 8) ^ data[i]!) & 0xff]!;
  return crc;
}

export function checksum8(data: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < data.length; i++) sum = (sum + data[i]!) & 0xff;
  return sum;
}

/** One framed block: header, number, its complement, payload (padded), check. */
export function frameBlock(seq: number, payload: Uint8Array, size: 128 | 1024, mode: CheckMode, pad: number): Buffer {
  const checkLength = mode === 'crc' ? 2 : 1;
  const block = Buffer.alloc(3 + size + checkLength, pad);
  block[0] = size === 1024 ? STX : SOH;
  block[1] = seq & 0xff;
  block[2] = 0xff - (seq & 0xff);
  block.set(payload.subarray(0, size), 3);
  const body = block.subarray(3, 3 + size);
  if (mode === 'crc') block.writeUInt16BE(crc16(body), 3 + size);
  else block[3 + size] = checksum8(body);
  return block;
}

/** Checks the number bytes and the check of a received block (everything after the header byte). */
export function blockIsIntact(rest: Buffer, size: number, mode: CheckMode): boolean {
  if (((rest[0]! + rest[1]!) & 0xff) !== 0xff) return false;
  const body = rest.subarray(2, 2 + size);
  return mode === 'crc' ? rest.readUInt16BE(2 + size) === crc16(body) : rest[2 + size] === checksum8(body);
}

export interface BatchFile {
  name: string;
  size: number;
  mtime?: Date;
}

/** YMODEM block 0: "name\0size mtime-octal mode-octal\0", zero padded. */
export function headerPayload(file: BatchFile): Buffer {
  const seconds = Math.floor((file.mtime ?? new Date()).getTime() / 1000);
  return Buffer.concat([Buffer.from(file.name, 'utf8'), Buffer.from([0]), Buffer.from(`${file.size} ${seconds.toString(8)} 100644`, 'latin1'), Buffer.from([0])]);
}

/** Parses block 0; an all-empty name is the end of the batch (null). */
export function parseHeader(payload: Buffer): BatchFile | null {
  const nameEnd = payload.indexOf(0);
  if (nameEnd <= 0) return null;
  const name = payload.subarray(0, nameEnd).toString('utf8');
  const infoEnd = payload.indexOf(0, nameEnd + 1);
  const info = payload.subarray(nameEnd + 1, infoEnd < 0 ? payload.length : infoEnd).toString('latin1').trim().split(/\s+/);
  const size = Number.parseInt(info[0] ?? '', 10);
  const seconds = Number.parseInt(info[1] ?? '', 8);
  return {
    name,
    size: Number.isFinite(size) && size >= 0 ? size : -1,
    ...(Number.isFinite(seconds) && seconds > 0 ? { mtime: new Date(seconds * 1000) } : {}),
  };
}
