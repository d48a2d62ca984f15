/** Firmware images for tests: a plausible Cortex-M application and its Intel HEX form. */
import { randomBytes } from 'node:crypto';
import MemoryMap from 'nrf-intel-hex';

export const FLASH = 0x0800_0000;

/** A .bin with a sane vector table (SP at the top of 20 KB RAM, odd reset vector in flash). */
export function applicationImage(size: number, ramTop = 0x2000_5000): Buffer {
  const image = randomBytes(size);
  image.writeUInt32LE(ramTop, 0);
  image.writeUInt32LE(FLASH + 0x101, 4);
  return image;
}

export function toHex(data: Buffer, address = FLASH): string {
  return new MemoryMap([[address, new Uint8Array(data)]]).asHexString();
}
