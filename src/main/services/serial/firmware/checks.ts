/**
 * Checks an image must pass before anything on the device is erased: it fits the chip's flash,
 * an STM32 vector table makes sense, and the sha256 matches a manifest when one is given.
 */
import { type FirmwareImage, flatten, rejectImage } from './image.ts';

export interface FlashLayout {
  flashStart: number;
  flashSize: number;
  ramStart?: number;
  ramSize?: number;
}

export interface ImageCheckOptions {
  /** Expected sha256 (hex) from a manifest. */
  sha256?: string;
  /** Check the Cortex-M vector table at the start of flash (STM32 application images). */
  vectorTable?: boolean;
}

export interface ImageCheckReport {
  sha256: string;
  start: number;
  end: number;
  byteCount: number;
  initialStackPointer?: number;
  resetVector?: number;
}

export function checkImage(image: FirmwareImage, layout: FlashLayout, options: ImageCheckOptions = {}): ImageCheckReport {
  const flashEnd = layout.flashStart + layout.flashSize;
  if (image.end - image.start > layout.flashSize) throw rejectImage('too_large', { size: image.end - image.start, flashSize: layout.flashSize });
  if (image.start < layout.flashStart || image.end > flashEnd) throw rejectImage('outside_flash', { start: image.start, end: image.end, flashStart: layout.flashStart, flashEnd });
  if (options.sha256 && options.sha256.toLowerCase() !== image.sha256) throw rejectImage('sha256_mismatch', { expected: options.sha256.toLowerCase(), actual: image.sha256 });
  const report: ImageCheckReport = { sha256: image.sha256, start: image.start, end: image.end, byteCount: image.byteCount };
  if (options.vectorTable) {
    if (image.end - image.start < 8) throw rejectImage('bad_stack_pointer', { reason_detail: 'no_vector_table' });
    const vectors = flatten(image, image.start, image.start + 8);
    const sp = vectors.readUInt32LE(0);
    const reset = vectors.readUInt32LE(4);
    const ramStart = layout.ramStart ?? 0x2000_0000;
    const ramEnd = ramStart + (layout.ramSize ?? 0x2000_0000);
    // The stack grows down from its initial value, so one past the end of RAM is valid.
    if (sp < ramStart || sp > ramEnd || sp % 4 !== 0) throw rejectImage('bad_stack_pointer', { stackPointer: sp, ramStart, ramEnd });
    // Thumb code: the reset vector is odd, and points into flash (or its alias at 0).
    const target = reset & ~1;
    const inFlash = target >= layout.flashStart && target < flashEnd;
    const inAlias = target < layout.flashSize;
    if ((reset & 1) !== 1 || !(inFlash || inAlias)) throw rejectImage('bad_reset_vector', { resetVector: reset, flashStart: layout.flashStart, flashEnd });
    report.initialStackPointer = sp;
    report.resetVector = reset;
  }
  return report;
}
