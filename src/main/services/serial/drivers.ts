/**
 * The driver interface: a vendor's device gets a small driver implementing what it can, not a
 * fork. Every method runs over a ByteLink and takes a signal and a progress callback, so the
 * same call works from a job, the CLI or a test.
 */
import { StudioError } from '../../../shared/errors.ts';
import type { DeviceIdentity, ProgressCallback } from '../../../shared/api/serial-types.ts';
import type { ByteLink } from './link/byte-link.ts';
import type { FirmwareImage } from './firmware/image.ts';
import { flashEsp, identifyEsp } from './esp/loader.ts';
import { LineDriver, type LineDriverConfig } from './line/line-driver.ts';
import { flashStm32, identifyStm32 } from './stm32/flasher.ts';
import { sendXmodem, sendYmodem } from './xymodem/sender.ts';

export interface DriverCall {
  signal?: AbortSignal;
  onProgress?: ProgressCallback;
}

export interface FlashOutcome {
  identity: DeviceIdentity;
  verified: boolean;
}

export interface SerialDriver {
  readonly name: string;
  identify?(link: ByteLink, call: DriverCall): Promise<DeviceIdentity>;
  readStatus?(link: ByteLink, call: DriverCall): Promise<Record<string, unknown>>;
  sendFile?(link: ByteLink, file: { name: string; data: Uint8Array; mtime?: Date }, call: DriverCall): Promise<void>;
  flash?(link: ByteLink, image: FirmwareImage, call: DriverCall & { verify?: boolean; sha256?: string }): Promise<FlashOutcome>;
}

export const stm32Driver = (options: { lineEntry?: boolean } = {}): SerialDriver => ({
  name: 'stm32',
  identify: (link, call) => identifyStm32(link, { ...call, ...options }),
  flash: async (link, image, call) => {
    const r = await flashStm32(link, image, { ...call, ...options });
    return { identity: r.identity, verified: r.verified };
  },
});

export const espDriver = (options: { lineEntry?: boolean } = {}): SerialDriver => ({
  name: 'esp',
  identify: (link, call) => identifyEsp(link, { ...call, ...options }),
  flash: async (link, image, call) => {
    if (image.segments.length !== 1) throw new StudioError('invalid_argument', 'esp.segments', { segments: image.segments.length });
    const segment = image.segments[0]!;
    const r = await flashEsp(link, segment.data, segment.address, { ...call, ...options });
    return { identity: r.identity, verified: r.verified };
  },
});

export const ymodemDriver = (blockSize: 128 | 1024 = 1024): SerialDriver => ({
  name: 'ymodem',
  sendFile: (link, file, call) => sendYmodem(link, [file], { ...call, blockSize }),
});

export const xmodemDriver = (blockSize: 128 | 1024 = 128): SerialDriver => ({
  name: blockSize === 1024 ? 'xmodem1k' : 'xmodem',
  sendFile: async (link, file, call) => {
    await sendXmodem(link, file.data, { ...call, blockSize });
  },
});

export const lineDriver = (config: LineDriverConfig): SerialDriver => ({
  name: 'line',
  identify: (link, call) => new LineDriver(link, config).identify(call.signal),
  readStatus: (link, call) => new LineDriver(link, config).readStatus(call.signal),
});
