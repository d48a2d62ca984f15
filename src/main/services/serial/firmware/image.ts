/**
 * Firmware images: a raw .bin placed at a start address, or Intel HEX (parsed by nrf-intel-hex,
 * which checks every record's checksum and the EOF record). Both become address-sorted segments.
 */
import MemoryMap from 'nrf-intel-hex';
import { createHash } from 'node:crypto';
import { StudioError } from '../../../../shared/errors.ts';
import type { FirmwareRejection } from '../../../../shared/api/serial-types.ts';

export interface Segment {
  address: number;
  data: Uint8Array;
}

export interface FirmwareImage {
  format: 'bin' | 'hex';
  segments: Segment[];
  /** sha256 of the file as given (what the audit trail and a manifest name). */
  sha256: string;
  /** Lowest and one-past-highest address the image writes. */
  start: number;
  end: number;
  byteCount: number;
}

export function rejectImage(reason: FirmwareRejection, extra: Record<string, unknown> = {}): StudioError {
  return new StudioError('firmware_rejected', `firmware.${reason}`, { reason, stage: 'firmware.check', deviceState: 'untouched', nextStep: 'choose_other_image', ...extra });
}

function describe(format: 'bin' | 'hex', file: Uint8Array, segments: Segment[]): FirmwareImage {
  const sorted = segments.filter((s) => s.data.length > 0).sort((a, b) => a.address - b.address);
  if (sorted.length === 0) throw rejectImage('empty');
  const last = sorted.at(-1)!;
  return {
    format,
    segments: sorted,
    sha256: createHash('sha256').update(file).digest('hex'),
    start: sorted[0]!.address,
    end: last.address + last.data.length,
    byteCount: sorted.reduce((sum, s) => sum + s.data.length, 0),
  };
}

export function loadBin(file: Uint8Array, address: number): FirmwareImage {
  if (!Number.isInteger(address) || address < 0 || address > 0xffff_ffff) throw new StudioError('invalid_argument', 'firmware.address', { address });
  return describe('bin', file, [{ address, data: file }]);
}

export function loadHex(file: Uint8Array): FirmwareImage {
  const text = Buffer.from(file).toString('latin1');
  let map: Map<number, Uint8Array>;
  try {
    map = MemoryMap.fromHex(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason: FirmwareRejection = /checksum/i.test(message)
      ? 'hex_bad_checksum'
      : /EOF|Mismatched record length|end of/i.test(message)
        ? 'hex_truncated'
        : 'hex_malformed';
    throw rejectImage(reason, { cause: message });
  }
  return describe('hex', file, [...map.entries()].map(([address, data]) => ({ address, data })));
}

/** By extension: .hex/.ihex/.ihx is Intel HEX, anything else a raw binary at `address`. */
export function loadFirmware(fileName: string, file: Uint8Array, address?: number): FirmwareImage {
  if (/\.(hex|ihex|ihx)$/i.test(fileName)) return loadHex(file);
  if (address === undefined) throw new StudioError('invalid_argument', 'firmware.address_required', { fileName });
  return loadBin(file, address);
}

/** The image's bytes from `from` to `to`, gaps filled with the erased value 0xFF. */
export function flatten(image: FirmwareImage, from = image.start, to = image.end): Buffer {
  const out = Buffer.alloc(to - from, 0xff);
  for (const s of image.segments) {
    const begin = Math.max(s.address, from);
    const end = Math.min(s.address + s.data.length, to);
    if (begin < end) out.set(s.data.subarray(begin - s.address, end - s.address), begin - from);
  }
  return out;
}
