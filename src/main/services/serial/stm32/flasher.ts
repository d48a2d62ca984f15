/**
 * Flashing an STM32 through its ROM bootloader, in the order that keeps the device safe:
 * connect → identify (Get, Get ID) → check the image against that chip → erase only the pages
 * the image covers → write 256-byte blocks → read back and compare. Nothing is erased before the
 * image passed its checks and the chip said who it is. A failure says what the device holds now;
 * the bootloader lives in ROM, so flashing again after a reset always recovers the board.
 */
import { StudioError } from '../../../../shared/errors.ts';
import type { DeviceIdentity, ProgressCallback } from '../../../../shared/api/serial-types.ts';
import type { ByteLink } from '../link/byte-link.ts';
import { cancelledError, deviceError } from '../device-errors.ts';
import { checkImage, type ImageCheckReport } from '../firmware/checks.ts';
import { flatten, type FirmwareImage } from '../firmware/image.ts';
import { CMD, DEFAULT_TIMEOUTS, Stm32Bootloader, type Timeouts } from './bootloader.ts';
import { findChip, pagesFor, type Stm32Chip } from './chips.ts';

export interface Stm32Options {
  signal?: AbortSignal;
  onProgress?: ProgressCallback;
  timeouts?: Partial<Timeouts>;
  /**
   * Enter the bootloader by the cable's lines: DTR drives NRST and RTS drives BOOT0 (active
   * low, as most USB-UART boards wire them). Ptys ignore both.
   */
  lineEntry?: boolean;
  /** Write attempts per block when the device NACKs it. */
  writeRetries?: number;
}

export interface FlashOptions extends Stm32Options {
  /** Read back and compare (default on). */
  verify?: boolean;
  /** Expected sha256 from a manifest. */
  sha256?: string;
  /** Check the Cortex-M vector table (default on when the image starts at the flash start). */
  vectorTable?: boolean;
  /** Erase everything instead of the pages the image covers. */
  massErase?: boolean;
  /** Jump to the application when done. */
  go?: boolean;
}

export interface FlashResult {
  identity: DeviceIdentity;
  check: ImageCheckReport;
  bytesWritten: number;
  verified: boolean;
}

const BLOCK = 256;

async function enterByLines(link: ByteLink, signal?: AbortSignal): Promise<void> {
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
  await link.setLines({ dtr: true, rts: true }); // NRST low, BOOT0 high
  await pause(100);
  await link.setLines({ dtr: false, rts: true }); // release reset with BOOT0 high
  await pause(100);
  if (signal?.aborted) throw cancelledError('stm32.entry', 'untouched');
}

/** Connects and asks the chip who it is. */
export async function connectStm32(link: ByteLink, options: Stm32Options = {}): Promise<{ boot: Stm32Bootloader; identity: DeviceIdentity; chip: Stm32Chip | undefined; commands: number[] }> {
  const boot = new Stm32Bootloader(link, options.signal, { ...DEFAULT_TIMEOUTS, ...options.timeouts });
  options.onProgress?.({ stage: 'connect', done: 0, total: 1 });
  if (options.lineEntry) await enterByLines(link, options.signal);
  await boot.sync();
  options.onProgress?.({ stage: 'identify', done: 0, total: 1 });
  const info = await boot.get();
  const id = await boot.getId();
  const chip = findChip(id);
  const identity: DeviceIdentity = {
    protocol: 'stm32',
    model: `stm32:0x${id.toString(16).padStart(3, '0')}`,
    ...(chip ? { flashSize: chip.flashSize } : {}),
    details: { chipId: id, name: chip?.name ?? null, bootloaderVersion: info.version, commands: info.commands },
  };
  return { boot, identity, chip, commands: info.commands };
}

export async function identifyStm32(link: ByteLink, options: Stm32Options = {}): Promise<DeviceIdentity> {
  return (await connectStm32(link, options)).identity;
}

async function retrying<T>(attempts: number, work: () => Promise<T>, boot: Stm32Bootloader): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      // A NACK leaves the bootloader waiting for a new command: the same block can be sent again.
      if (!(error instanceof StudioError && error.code === 'device_refused') || attempt >= attempts) throw error;
      boot.link.discardInput();
    }
  }
}

export async function flashStm32(link: ByteLink, image: FirmwareImage, options: FlashOptions = {}): Promise<FlashResult> {
  const { boot, identity, chip, commands } = await connectStm32(link, options);
  if (!chip) throw deviceError('device_unidentified', 'stm32.identify', 'untouched', 'check_settings', { chipId: identity.details.chipId });
  const check = checkImage(image, chip, {
    ...(options.sha256 ? { sha256: options.sha256 } : {}),
    vectorTable: options.vectorTable ?? image.start === chip.flashStart,
  });
  if (!commands.includes(CMD.writeMemory) || !commands.includes(CMD.readMemory)) {
    throw deviceError('device_refused', 'stm32.commands', 'untouched', 'check_settings', { commands });
  }
  const extended = commands.includes(CMD.extendedErase);
  const total = image.byteCount;
  const progress = options.onProgress;

  progress?.({ stage: 'erase', done: 0, total: 1 });
  await boot.erase(options.massErase ? 'mass' : pagesFor(chip, image.start, image.end), extended);
  progress?.({ stage: 'erase', done: 1, total: 1 });

  const retries = options.writeRetries ?? 3;
  let written = 0;
  for (const segment of image.segments) {
    for (let offset = 0; offset < segment.data.length; offset += BLOCK) {
      if (options.signal?.aborted) throw cancelledError('stm32.write', boot.state);
      const chunk = segment.data.subarray(offset, offset + BLOCK);
      await retrying(retries, () => boot.writeMemory(segment.address + offset, chunk), boot);
      boot.state = 'partially_written';
      written += chunk.length;
      progress?.({ stage: 'write', done: written, total });
    }
  }
  boot.state = 'written_unverified';

  let verified = false;
  if (options.verify ?? true) {
    let checked = 0;
    for (const segment of image.segments) {
      for (let offset = 0; offset < segment.data.length; offset += BLOCK) {
        if (options.signal?.aborted) throw cancelledError('stm32.verify', 'written_unverified');
        const want = segment.data.subarray(offset, offset + BLOCK);
        const got = await boot.readMemory(segment.address + offset, want.length);
        if (!got.equals(want)) {
          const at = [...want].findIndex((b, i) => got[i] !== b);
          throw deviceError('verify_failed', 'stm32.verify', 'written_unverified', 'reset_device_and_retry', { address: segment.address + offset + at });
        }
        checked += want.length;
        progress?.({ stage: 'verify', done: checked, total });
      }
    }
    verified = true;
  }
  if (options.go) await boot.go(chip.flashStart);
  progress?.({ stage: 'finish', done: total, total });
  return { identity, check, bytesWritten: written, verified };
}

/** Reads `length` bytes from `address` (a backup before flashing, or a check afterwards). */
export async function readStm32(link: ByteLink, address: number, length: number, options: Stm32Options = {}): Promise<Buffer> {
  const { boot } = await connectStm32(link, options);
  const parts: Buffer[] = [];
  for (let done = 0; done < length; done += BLOCK) {
    parts.push(await boot.readMemory(address + done, Math.min(BLOCK, length - done)));
    options.onProgress?.({ stage: 'transfer', done: Math.min(length, done + BLOCK), total: length });
  }
  return Buffer.concat(parts);
}

/** `flatten` re-exported for callers that compare a read-back with the image. */
export { flatten };
