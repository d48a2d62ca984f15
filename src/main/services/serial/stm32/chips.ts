/**
 * STM32 product IDs (as Get ID returns them) → flash and RAM layout. From ST's reference manuals
 * (and the same table stm32flash keeps); flash size is the family's largest part, which is
 * what the bootloader's ID can tell. Page size drives which pages an erase covers.
 */
export interface Stm32Chip {
  id: number;
  name: string;
  flashStart: number;
  flashSize: number;
  ramStart: number;
  ramSize: number;
  /** Uniform page size; families with unequal sectors list them instead. */
  pageSize?: number;
  sectors?: number[];
}

const FLASH = 0x0800_0000;
const RAM = 0x2000_0000;
const KB = 1024;

const F4_SECTORS = [16, 16, 16, 16, 64, 128, 128, 128, 128, 128, 128, 128].map((k) => k * KB);

export const STM32_CHIPS: Stm32Chip[] = [
  { id: 0x410, name: 'STM32F10xxx medium-density', flashStart: FLASH, flashSize: 128 * KB, ramStart: RAM, ramSize: 20 * KB, pageSize: KB },
  { id: 0x412, name: 'STM32F10xxx low-density', flashStart: FLASH, flashSize: 32 * KB, ramStart: RAM, ramSize: 10 * KB, pageSize: KB },
  { id: 0x414, name: 'STM32F10xxx high-density', flashStart: FLASH, flashSize: 512 * KB, ramStart: RAM, ramSize: 64 * KB, pageSize: 2 * KB },
  { id: 0x418, name: 'STM32F105/107 connectivity line', flashStart: FLASH, flashSize: 256 * KB, ramStart: RAM, ramSize: 64 * KB, pageSize: 2 * KB },
  { id: 0x430, name: 'STM32F10xxx XL-density', flashStart: FLASH, flashSize: 1024 * KB, ramStart: RAM, ramSize: 96 * KB, pageSize: 2 * KB },
  { id: 0x440, name: 'STM32F030x8/F05x', flashStart: FLASH, flashSize: 64 * KB, ramStart: RAM, ramSize: 8 * KB, pageSize: KB },
  { id: 0x413, name: 'STM32F40xxx/41xxx', flashStart: FLASH, flashSize: 1024 * KB, ramStart: RAM, ramSize: 128 * KB, sectors: F4_SECTORS },
];

export function findChip(id: number): Stm32Chip | undefined {
  return STM32_CHIPS.find((c) => c.id === id);
}

/** Page (or sector) numbers that cover [start, end). */
export function pagesFor(chip: Stm32Chip, start: number, end: number): number[] {
  const pages: number[] = [];
  if (chip.pageSize) {
    const first = Math.floor((start - chip.flashStart) / chip.pageSize);
    const last = Math.floor((end - 1 - chip.flashStart) / chip.pageSize);
    for (let p = first; p <= last; p++) pages.push(p);
    return pages;
  }
  let at = chip.flashStart;
  for (const [index, size] of (chip.sectors ?? []).entries()) {
    if (at < end && at + size > start) pages.push(index);
    at += size;
  }
  return pages;
}
