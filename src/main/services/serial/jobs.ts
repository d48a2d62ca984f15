/**
 * Long serial work in the shape a job runs it (src/main/services/jobs: `defineJobWorker` gives
 * `progress(fraction, message)` and an AbortSignal). Each function opens the port, runs the
 * driver, closes the port whatever happens, and writes the audit record for a flash.
 */
import fs from 'node:fs';
import path from 'node:path';
import { StudioError } from '../../../shared/errors.ts';
import type { DeviceErrorDetails, PortSettings, TransferProgress } from '../../../shared/api/serial-types.ts';
import { loadFirmware, type FirmwareImage } from './firmware/image.ts';
import { openSerialLink } from './link/serial-port-link.ts';
import type { ByteLink } from './link/byte-link.ts';
import { flashEsp, identifyEsp } from './esp/loader.ts';
import { flashStm32, identifyStm32 } from './stm32/flasher.ts';
import { sendXmodem, sendYmodem } from './xymodem/sender.ts';
import { receiveXmodem, receiveYmodem } from './xymodem/receiver.ts';
import { saveReceived, xmodemName, type SavedFile } from './xymodem/save-received.ts';
import type { FlashAuditEntry } from './store/device-store.ts';
import { formatSerialProgress } from '../../../shared/api/serial.ts';
import type { JobTools } from '../jobs/index.ts';

/** What a job runner passes in: the same two tools `defineJobWorker` hands a job. */
export interface JobHooks {
  signal?: AbortSignal;
  /** 0..1 and the driver's progress (its stage code and bytes); the screen words it. */
  progress?: (fraction: number | null, detail: TransferProgress) => void;
}

/**
 * The hooks a serial job worker passes: the driver's progress as the job's progress message, each
 * new stage as a milestone so that a short stage (a small image's write) is never thinned away.
 */
export function jobHooks(tools: JobTools): JobHooks {
  let stage = '';
  return {
    signal: tools.signal,
    progress: (fraction, detail) => {
      const milestone = detail.stage !== stage;
      stage = detail.stage;
      tools.progress(fraction, formatSerialProgress(detail), { milestone });
    },
  };
}

const STAGE_WEIGHT: Record<TransferProgress['stage'], [number, number]> = {
  connect: [0, 0.01],
  identify: [0.01, 0.02],
  check: [0.02, 0.03],
  erase: [0.03, 0.08],
  write: [0.08, 0.7],
  verify: [0.7, 1],
  transfer: [0, 1],
  receive: [0, 1],
  finish: [1, 1],
};

/** Maps a driver's per-stage progress onto one 0..1 bar. */
export function toFraction(p: TransferProgress): number {
  const [from, to] = STAGE_WEIGHT[p.stage];
  return from + (to - from) * (p.total > 0 ? p.done / p.total : 0);
}

async function withLink<T>(port: Partial<PortSettings> & { path: string }, work: (link: ByteLink) => Promise<T>): Promise<T> {
  const link = await openSerialLink(port);
  try {
    return await work(link);
  } finally {
    await link.close();
  }
}

export interface FlashJobInput {
  port: Partial<PortSettings> & { path: string };
  protocol: 'stm32' | 'esp';
  file: string;
  /** Start address for a .bin (HEX carries its own). */
  address?: number;
  sha256?: string;
  verify?: boolean;
  lineEntry?: boolean;
  deviceId?: string;
}

export interface FlashJobResult {
  model: string;
  verified: boolean;
  sha256: string;
  bytes: number;
}

/** Flash a firmware file; the audit record is written for success and failure alike. */
export async function runFlashJob(input: FlashJobInput, hooks: JobHooks = {}, audit?: (entry: FlashAuditEntry) => void): Promise<FlashJobResult> {
  let image: FirmwareImage;
  try {
    image = loadFirmware(input.file, fs.readFileSync(input.file), input.address ?? (input.protocol === 'esp' ? 0 : undefined));
  } catch (error) {
    if (error instanceof StudioError) throw error;
    throw new StudioError('io_error', 'firmware.read', { file: path.basename(input.file) });
  }
  const base = { deviceId: input.deviceId ?? null, port: input.port.path, protocol: input.protocol, imageName: path.basename(input.file), imageSha256: image.sha256, address: image.start };
  const call = { ...(hooks.signal ? { signal: hooks.signal } : {}), onProgress: (p: TransferProgress) => hooks.progress?.(toFraction(p), p), ...(input.lineEntry ? { lineEntry: true } : {}) };
  try {
    const result = await withLink(input.port, async (link) => {
      if (input.protocol === 'stm32') {
        const r = await flashStm32(link, image, { ...call, ...(input.sha256 ? { sha256: input.sha256 } : {}), verify: input.verify ?? true });
        return { model: r.identity.model, verified: r.verified };
      }
      if (input.sha256 && input.sha256.toLowerCase() !== image.sha256) throw new StudioError('firmware_rejected', 'firmware.sha256_mismatch', { reason: 'sha256_mismatch', deviceState: 'untouched', nextStep: 'choose_other_image' });
      const segment = image.segments[0]!;
      const r = await flashEsp(link, segment.data, segment.address, call);
      return { model: r.identity.model, verified: r.verified };
    });
    audit?.({ ...base, deviceModel: result.model, result: result.verified ? 'verified' : 'written', errorCode: null, deviceState: result.verified ? 'verified' : 'written_unverified' });
    return { ...result, sha256: image.sha256, bytes: image.byteCount };
  } catch (error) {
    const code = error instanceof StudioError ? error.code : 'internal';
    const state = error instanceof StudioError ? ((error.details as Partial<DeviceErrorDetails> | undefined)?.deviceState ?? null) : null;
    const result = code === 'cancelled' ? 'cancelled' : code === 'firmware_rejected' ? 'refused' : 'failed';
    audit?.({ ...base, deviceModel: null, result, errorCode: code, deviceState: state });
    throw error;
  }
}

export interface SendJobInput {
  port: Partial<PortSettings> & { path: string };
  protocol: 'ymodem' | 'xmodem' | 'xmodem1k';
  file: string;
  /** The name the receiver stores it under (YMODEM's header); the file's own name by default. */
  name?: string;
}

/** Send a file (a rendered programme) to a receiver. */
export async function runSendJob(input: SendJobInput, hooks: JobHooks = {}): Promise<{ bytes: number; endConfirmed: boolean }> {
  const data = fs.readFileSync(input.file);
  const stat = fs.statSync(input.file);
  const options = { ...(hooks.signal ? { signal: hooks.signal } : {}), onProgress: (p: TransferProgress) => hooks.progress?.(toFraction(p), p) };
  const endConfirmed = await withLink(input.port, async (link) => {
    if (input.protocol === 'ymodem') {
      await sendYmodem(link, [{ name: input.name ?? path.basename(input.file), data, mtime: stat.mtime }], options);
      return true;
    }
    return (await sendXmodem(link, data, { ...options, blockSize: input.protocol === 'xmodem1k' ? 1024 : 128 })).endConfirmed;
  });
  return { bytes: data.length, endConfirmed };
}

export interface ReceiveJobInput {
  port: Partial<PortSettings> & { path: string };
  protocol: 'ymodem' | 'xmodem' | 'xmodem1k';
  /** The folder the files are saved in (it exists). */
  dest: string;
  /** XMODEM's file name (it carries none); a dated name by default. */
  name?: string;
  /** How long to wait for the device to start sending. */
  startTimeoutMs?: number;
}

/**
 * Fetch files (a device's log) over YMODEM (a batch, names and sizes from the device) or XMODEM
 * (one file, ^Z padding removed). Each file is saved as soon as it is complete: a batch cut off
 * midway keeps the files before the cut.
 */
export async function runReceiveJob(input: ReceiveJobInput, hooks: JobHooks = {}): Promise<SavedFile[]> {
  const saved: SavedFile[] = [];
  const options = {
    ...(hooks.signal ? { signal: hooks.signal } : {}),
    ...(input.startTimeoutMs ? { startTimeoutMs: input.startTimeoutMs } : {}),
    onProgress: (p: TransferProgress) => hooks.progress?.(p.total > 0 ? toFraction(p) : null, p),
  };
  const receiving = withLink(input.port, async (link) => {
    if (input.protocol === 'ymodem') {
      await receiveYmodem(link, { ...options, onFile: (file) => saved.push(saveReceived(input.dest, file.name, file.data, file.mtime)) });
    } else {
      // XMODEM-1K is the sender's choice of block; the receiver takes both sizes alike.
      const data = await receiveXmodem(link, options);
      saved.push(saveReceived(input.dest, input.name ?? xmodemName(new Date()), data));
    }
  });
  try {
    await receiving;
  } catch (error) {
    // The files completed before the failure are on disk: the error names them.
    if (error instanceof StudioError && saved.length > 0) throw new StudioError(error.code, error.message, { ...(error.details as object), savedFiles: saved.map((f) => f.path) });
    throw error;
  }
  return saved;
}

/** Identify what is on a port, by protocol. */
export function runIdentifyJob(input: { port: Partial<PortSettings> & { path: string }; protocol: 'stm32' | 'esp'; lineEntry?: boolean }, hooks: JobHooks = {}) {
  const options = { ...(hooks.signal ? { signal: hooks.signal } : {}), ...(input.lineEntry ? { lineEntry: true } : {}) };
  return withLink(input.port, (link) => (input.protocol === 'stm32' ? identifyStm32(link, options) : identifyEsp(link, options)));
}
