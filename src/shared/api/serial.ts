/**
 * Serial devices (issue 15): ports, device profiles, identify, status/telemetry, and the two
 * jobs a technician starts — send a file (a rendered programme) to a receiver, and flash firmware.
 * Everything runs in the main process; the screen never touches a port.
 */
import { z } from 'zod';
import { Id } from './define.ts';
import { isJobOf, type JobInfo, type JobResults } from './jobs.ts';
import type { ErrorPayload } from '../errors.ts';
import { userPath } from '../text.ts';
import { request } from './define.ts';
import type { DeviceIdentity, DeviceProfile, FlashAuditRecord, PortInfo, TransferProgress, TransferStage } from './serial-types.ts';

export type * from './serial-types.ts';

export const SERIAL_DRIVERS = ['ymodem', 'xmodem', 'xmodem1k', 'stm32', 'esp', 'modbus', 'line'] as const;
export const DEVICE_KINDS = ['receiver', 'transmitter', 'led_controller', 'other'] as const;
export const SEND_PROTOCOLS = ['ymodem', 'xmodem', 'xmodem1k'] as const;
export const FLASH_PROTOCOLS = ['stm32', 'esp'] as const;
export const IDENTIFY_PROTOCOLS = ['stm32', 'esp', 'line'] as const;

export const portSettingsSchema = z.object({
  path: z.string().trim().min(1).max(260),
  baudRate: z.number().int().min(50).max(4_000_000).default(115_200),
  dataBits: z.union([z.literal(5), z.literal(6), z.literal(7), z.literal(8)]).default(8),
  parity: z.enum(['none', 'even', 'odd', 'mark', 'space']).default('none'),
  stopBits: z.union([z.literal(1), z.literal(1.5), z.literal(2)]).default(1),
  flowControl: z.enum(['none', 'rtscts', 'xonxoff']).default('none'),
});

/** A port named for one call: only the path is required, the rest take the defaults. */
const portRef = z.strictObject({
  path: z.string().trim().min(1).max(260),
  baudRate: z.number().int().min(50).max(4_000_000).optional(),
  dataBits: z.union([z.literal(5), z.literal(6), z.literal(7), z.literal(8)]).optional(),
  parity: z.enum(['none', 'even', 'odd', 'mark', 'space']).optional(),
  stopBits: z.union([z.literal(1), z.literal(1.5), z.literal(2)]).optional(),
  flowControl: z.enum(['none', 'rtscts', 'xonxoff']).optional(),
});

/** A Modbus RTU register map (profile option `registerMap` of a `modbus` device). */
export const registerMapSchema = z.strictObject({
  unitId: z.number().int().min(0).max(247),
  entries: z
    .array(
      z.strictObject({
        key: z.string().trim().min(1).max(60),
        table: z.enum(['holding', 'input']),
        address: z.number().int().min(0).max(0xffff),
        type: z.enum(['uint16', 'int16', 'uint32', 'int32', 'float32']),
        scale: z.number().finite().optional(),
        unit: z.string().max(16).optional(),
      }),
    )
    .min(1)
    .max(100),
});

/** A text-speaking device's commands (profile option `line` of a `line` device). */
export const lineConfigSchema = z.strictObject({
  eol: z.enum(['\r\n', '\n', '\r']).optional(),
  commands: z.record(
    z.string().min(1).max(60),
    z.strictObject({
      send: z.string().min(1).max(200),
      reply: z.string().min(1).max(200),
      error: z.string().max(200).optional(),
      timeoutMs: z.number().int().min(50).max(60_000).optional(),
    }),
  ),
  identify: z.string().max(60).optional(),
  status: z.array(z.string().max(60)).max(20).optional(),
});

export const deviceProfileInputSchema = z.object({
  name: z.string().trim().min(1).max(120),
  kind: z.enum(DEVICE_KINDS),
  port: portSettingsSchema,
  driver: z.enum(SERIAL_DRIVERS),
  /**
   * Driver settings: `registerMap` (modbus), `line` (line), `lineEntry: true` (stm32/esp: enter
   * the bootloader by DTR/RTS), `address` (stm32 .bin start address).
   */
  options: z.record(z.string(), z.unknown()).default({}),
});

export type DeviceProfileInput = z.input<typeof deviceProfileInputSchema>;

/** Which device a call is for: a stored profile, a port typed for this call, or both (the port overrides). */
const target = {
  profileId: z.string().uuid().optional(),
  port: portRef.optional(),
};

/** A lease on the plug/unplug watch and the ports seen now. */
/** `serial.port.list`: the system's ports and the profiles' typed paths it does not show. */
export interface PortListing {
  ports: PortInfo[];
  /** `serial_listing_failed` when the system list failed; the typed paths are listed all the same. */
  error: ErrorPayload | null;
}

export interface PortWatchLease {
  watchId: string;
  leaseMs: number;
  ports: PortInfo[];
  /** `serial_listing_failed` while the system list fails; the profiles' typed paths are still watched. */
  error: ErrorPayload | null;
}

export interface SendFileResult {
  name: string;
  bytes: number;
  sha256: string;
  protocol: (typeof SEND_PROTOCOLS)[number];
  port: string;
  /** The receiver acknowledged the end of the transfer (YMODEM's end of batch, XMODEM's EOT). */
  endConfirmed: boolean;
  seconds: number;
}

/** One file fetched from a device, as saved. */
export interface ReceivedFileInfo {
  /** The name it was saved under (the device's name, made unique in the folder). */
  name: string;
  bytes: number;
  sha256: string;
  /** Full path of the saved file. */
  path: string;
}

export interface ReceiveFileResult {
  files: ReceivedFileInfo[];
  /** The folder the files were saved in. */
  dest: string;
  protocol: (typeof SEND_PROTOCOLS)[number];
  port: string;
  seconds: number;
}

export interface FlashResult {
  model: string;
  verified: boolean;
  sha256: string;
  bytes: number;
  port: string;
  protocol: (typeof FLASH_PROTOCOLS)[number];
  seconds: number;
}

/** What the checks found in an image before anything is sent: shown to the technician before a flash. */
export interface FirmwareCheck {
  name: string;
  format: 'bin' | 'hex';
  sha256: string;
  start: number;
  end: number;
  bytes: number;
  initialStackPointer?: number;
  resetVector?: number;
}

export interface StatusValue {
  value: number | string;
  unit?: string;
  at: string;
}

/** A device's status or telemetry; the last good values are kept (stale) when a read fails. */
export interface DeviceStatus {
  profileId: string;
  values: Record<string, StatusValue>;
  stale: boolean;
  lastError: ErrorPayload | null;
  reads: number;
}

/**
 * A serial job's `job.progress` message: `<stage> <done>/<total>` (bytes, or 0/1 for a step), so
 * the screen can show the stage, the bytes and the speed.
 */
export const formatSerialProgress = (p: TransferProgress): string => `${p.stage} ${p.done}/${p.total}`;

export function parseSerialProgress(message: string): TransferProgress | null {
  const match = /^(\w+) (\d+)\/(\d+)$/.exec(message);
  return match ? { stage: match[1] as TransferStage, done: Number(match[2]), total: Number(match[3]) } : null;
}

/** Every job this domain starts and its result (`job.finished`'s `result`). */
export interface SerialJobResults {
  'serial.sendFile': SendFileResult;
  'serial.receiveFile': ReceiveFileResult;
  'serial.flash': FlashResult;
}

/** A finished serial job's result, typed by its kind (the kind narrows it, no cast). */
export function serialJobResult<K extends keyof SerialJobResults>(job: JobInfo | null, kind: K): JobResults[K] | null {
  return job && isJobOf(job, kind) && job.state === 'done' ? (job.result ?? null) : null;
}

export const serialRequests = {
  /** The ports the system lists; a listing failure is `serial_listing_failed` (a typed path still works). */
  'serial.port.list': request<PortListing>()(z.strictObject({})),
  /**
   * Watches for plug and unplug: takes a lease (or renews `watchId`'s) and answers with the ports
   * now; changes then come as `serial.ports.changed` events while a lease is live. Renew before
   * `leaseMs` passes; `serial.port.unwatch` gives it back.
   */
  'serial.port.watch': request<PortWatchLease>()(z.strictObject({ watchId: z.string().uuid().optional() })),
  'serial.port.unwatch': request<{ watching: boolean }>()(z.strictObject({ watchId: z.string().uuid() })),
  /** Checks and normalises a typed port path (`com7` → `COM7`, `/dev/ttyUSB0`, a pty). */
  'serial.port.check': request<{ path: string }>()(z.strictObject({ path: z.string().min(1).max(260) })),

  'serial.profile.list': request<DeviceProfile[]>()(z.strictObject({})),
  'serial.profile.get': request<DeviceProfile>()(z.strictObject({ id: z.string().uuid() })),
  'serial.profile.create': request<DeviceProfile>()(deviceProfileInputSchema),
  'serial.profile.update': request<DeviceProfile>()(z.strictObject({ id: z.string().uuid(), profile: deviceProfileInputSchema })),
  'serial.profile.delete': request<{ deleted: true }>()(z.strictObject({ id: z.string().uuid() })),

  /** Asks the device who it is (STM32 Get/Get ID, ESP chip, a line device's identify command). */
  'serial.identify': request<DeviceIdentity>()(
    z.strictObject({ ...target, protocol: z.enum(IDENTIFY_PROTOCOLS).optional(), lineEntry: z.boolean().optional() }),
  ),
  /** Reads a transmitter's telemetry (modbus) or a line device's status commands once. */
  'serial.status': request<DeviceStatus>()(
    z.strictObject({ profileId: z.string().uuid(), timeoutMs: z.number().int().min(100).max(30_000).default(1000) }),
  ),
  /**
   * Reads a Modbus RTU register map once from a port (a technician's check, no profile needed);
   * the example transmitter map when none is given, `unitId` overriding the map's.
   */
  'serial.modbus.read': request<Record<string, StatusValue>>()(
    z.strictObject({
      port: portRef,
      registerMap: registerMapSchema.optional(),
      unitId: z.number().int().min(0).max(247).optional(),
      timeoutMs: z.number().int().min(100).max(30_000).default(1000),
    }),
  ),
  /** Reads a firmware image and runs the checks that need no device (format, HEX checksums, vector table, sha256). */
  'serial.firmware.check': request<FirmwareCheck>()(
    z.strictObject({
      file: userPath(),
      protocol: z.enum(FLASH_PROTOCOLS),
      address: z.number().int().min(0).max(0xffff_ffff).optional(),
      sha256: z.string().regex(/^[0-9a-fA-F]{64}$/).optional(),
    }),
  ),
  'serial.flash.audit': request<FlashAuditRecord[]>()(z.strictObject({ limit: z.number().int().min(1).max(1000).default(100) })),

  /**
   * Job `serial.sendFile`: sends a file — a programme's rendered audio (`programmeId`) or any file —
   * to a receiver over YMODEM/XMODEM, with progress and cancel.
   */
  'serial.sendFile': request<JobInfo>()(
    z.strictObject({ ...target, protocol: z.enum(SEND_PROTOCOLS).optional(), file: userPath().optional(), programmeId: Id.optional() }),
  ),
  /**
   * Job `serial.receiveFile`: fetches files from a device (a log) over YMODEM (a batch, the
   * device's names) or XMODEM (one file, saved as `name` or a dated name) into `dest` (the
   * studio's `received` folder by default), with progress and cancel. Files already there are
   * never overwritten.
   */
  'serial.receiveFile': request<JobInfo>()(
    z.strictObject({
      ...target,
      protocol: z.enum(SEND_PROTOCOLS).optional(),
      dest: userPath().optional(),
      name: z.string().trim().min(1).max(200).optional(),
      startTimeoutMs: z.number().int().min(1000).max(600_000).optional(),
    }),
  ),
  /**
   * Job `serial.flash`: checks the image, identifies the device, erases, writes, verifies. The
   * image's sha256, the device, the port and the outcome go to the flash audit trail.
   */
  'serial.flash': request<JobInfo>()(
    z.strictObject({
      ...target,
      protocol: z.enum(FLASH_PROTOCOLS).optional(),
      file: userPath(),
      address: z.number().int().min(0).max(0xffff_ffff).optional(),
      sha256: z.string().regex(/^[0-9a-fA-F]{64}$/).optional(),
      verify: z.boolean().default(true),
      lineEntry: z.boolean().optional(),
    }),
  ),
} as const;
