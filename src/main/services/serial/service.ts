/**
 * The serial service behind the requests: ports, device profiles, identify, status/telemetry,
 * firmware checks, plug/unplug watching, and the three jobs (send a file, receive files, flash
 * firmware). Long work runs as jobs in their own process (serial-send.worker.ts,
 * serial-receive.worker.ts, serial-flash.worker.ts); short calls (identify, a status
 * read) open the port here, bounded by the drivers' timeouts. The service owns the device tables
 * and the flash audit trail.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { JobInfo, JobResults } from '../../../shared/api/jobs.ts';
import { StudioError } from '../../../shared/errors.ts';
import {
  lineConfigSchema,
  registerMapSchema,
  type DeviceProfileInput,
  type FirmwareCheck,
  type PortListing,
  type SerialJobResults,
} from '../../../shared/api/serial.ts';
import type { DeviceIdentity, DeviceProfile, DeviceState, FlashAuditEntry, PortSettings } from '../../../shared/api/serial-types.ts';
import { type JobManager, workerUrl } from '../jobs/index.ts';
import { checkImage } from './firmware/checks.ts';
import { loadFirmware } from './firmware/image.ts';
import { runIdentifyJob, type FlashJobInput, type ReceiveJobInput, type SendJobInput } from './jobs.ts';
import { normalisePortPath, snapshotPorts, type PortLister } from './ports.ts';
import { createPortWatch } from './port-watch.ts';
import type { StudioEvents } from '../../../shared/events.ts';
import { STM32_CHIPS } from './stm32/chips.ts';
import * as store from './store/device-store.ts';
import { readDeviceStatus, readModbus, type StatusKeeper } from './status.ts';
import { EXAMPLE_TRANSMITTER_MAP, type RegisterMap } from './modbus/telemetry.ts';
import { openSerialLink } from './link/serial-port-link.ts';
import { LineDriver } from './line/line-driver.ts';

type PortRef = Partial<PortSettings> & { path: string };

export interface SerialDeps {
  db: Database.Database;
  /** The job runner (its face: start a job, wait for its end). */
  jobs: JobManager;
  dataDir: string;
  /** The library's programmes: a rendered programme's audio, relative to the data directory. */
  programmes: { get(id: number): { title: string; rendered?: { media: string } | null } };
  /** Pushes to the screens: `serial.ports.changed` while someone watches the ports. */
  emit: (name: 'serial.ports.changed', payload: StudioEvents['serial.ports.changed']) => void;
  /** The system's port list (a test passes one that fails, as a container without udev does). */
  lister?: PortLister;
  /** How often the plug/unplug watch reads the ports (default 1.5 s). */
  portPollMs?: number;
}

interface Target {
  profileId?: string | undefined;
  port?: PortRef | undefined;
}

/** The flash start of the STM32 families (where a .bin goes when no address is given). */
const STM32_FLASH_START = 0x0800_0000;
const STM32_LARGEST = Math.max(...STM32_CHIPS.map((c) => c.flashSize));
const ESP_LARGEST_FLASH = 16 * 1024 * 1024;

const invalid = (detail: string, reason: string, extra: Record<string, unknown> = {}) =>
  new StudioError('invalid_argument', detail, { reason, ...extra });

function withNormalisedPath(input: DeviceProfileInput): DeviceProfileInput {
  const options = input.options ?? {};
  if (options.registerMap !== undefined && !registerMapSchema.safeParse(options.registerMap).success) throw invalid('serial.profile.register_map', 'bad_register_map');
  if (options.line !== undefined && !lineConfigSchema.safeParse(options.line).success) throw invalid('serial.profile.line', 'bad_line_config');
  return { ...input, port: { ...input.port, path: normalisePortPath(input.port.path) } };
}

export function createSerial(deps: SerialDeps) {
  const { db, jobs } = deps;
  const kept: StatusKeeper = new Map();
  // The profiles' typed paths are watched with the system list: ptys and ports on a machine
  // without udev never show in the list, yet a technician typed them and wants to see them come and go.
  const typedOf = () => store.listProfiles(db).map((p) => ({ name: p.name, path: p.port.path }));
  const portWatch = createPortWatch({
    emit: deps.emit,
    snapshot: () => snapshotPorts(deps.lister, typedOf()),
    ...(deps.portPollMs ? { intervalMs: deps.portPollMs } : {}),
  });

  /** The profile (if any) and the port a call is for: a typed port overrides the profile's path and settings. */
  function resolve(target: Target): { profile: DeviceProfile | null; port: PortRef } {
    const profile = target.profileId ? store.getProfile(db, target.profileId) : null;
    if (!profile && !target.port) throw invalid('serial.target', 'no_port');
    const port = { ...(profile?.port ?? {}), ...(target.port ?? {}) } as PortRef;
    return { profile, port: { ...port, path: normalisePortPath(port.path) } };
  }

  function lineConfig(profile: DeviceProfile | null) {
    const parsed = lineConfigSchema.safeParse(profile?.options.line);
    if (!parsed.success) throw invalid('serial.line_config', 'bad_line_config');
    return parsed.data;
  }

  function startJob<K extends keyof SerialJobResults, I>(kind: K, subject: string, worker: string, input: I, finish?: (result: JobResults[K]) => JobResults[K]): JobInfo<K> {
    return jobs.start<K, I>({ kind, subject, worker: workerUrl(worker), input, ...(finish ? { finish } : {}) });
  }

  function auditFlash(entry: FlashAuditEntry): void {
    store.recordFlash(db, entry);
  }

  return {
    /** The system's ports and every profile's typed path it does not show (present or not), marked as typed. */
    listPorts: async (): Promise<PortListing> => {
      const { ports, error } = await snapshotPorts(deps.lister, typedOf(), 'all');
      return { ports, error: error?.toPayload() ?? null };
    },
    watchPorts: ({ watchId }: { watchId?: string | undefined }) => portWatch.watch(watchId),
    unwatchPorts: ({ watchId }: { watchId: string }) => portWatch.unwatch(watchId),
    checkPort: ({ path: typed }: { path: string }) => ({ path: normalisePortPath(typed) }),

    listProfiles: () => store.listProfiles(db),
    getProfile: ({ id }: { id: string }) => store.getProfile(db, id),
    createProfile: (input: DeviceProfileInput) => store.createProfile(db, withNormalisedPath(input)),
    updateProfile: ({ id, profile }: { id: string; profile: DeviceProfileInput }) => store.updateProfile(db, id, withNormalisedPath(profile)),
    deleteProfile: ({ id }: { id: string }) => {
      store.deleteProfile(db, id);
      kept.delete(id);
      return { deleted: true as const };
    },

    async identify(arg: Target & { protocol?: 'stm32' | 'esp' | 'line' | undefined; lineEntry?: boolean | undefined }): Promise<DeviceIdentity> {
      const { profile, port } = resolve(arg);
      const protocol = arg.protocol ?? profile?.driver;
      if (protocol === 'line') {
        const config = lineConfig(profile);
        const link = await openSerialLink(port);
        try {
          return await new LineDriver(link, config).identify();
        } finally {
          await link.close();
        }
      }
      if (protocol !== 'stm32' && protocol !== 'esp') throw invalid('serial.identify.protocol', 'no_identify', { driver: protocol ?? null });
      const lineEntry = arg.lineEntry ?? profile?.options.lineEntry === true;
      return runIdentifyJob({ port, protocol, ...(lineEntry ? { lineEntry } : {}) });
    },

    status: ({ profileId, timeoutMs }: { profileId: string; timeoutMs: number }) => {
      const profile = store.getProfile(db, profileId);
      if (profile.driver === 'modbus') {
        const map = profile.options.registerMap === undefined ? undefined : registerMapSchema.parse(profile.options.registerMap);
        return readDeviceStatus(kept, profile, { kind: 'modbus', ...(map ? { map } : {}), timeoutMs });
      }
      if (profile.driver === 'line') return readDeviceStatus(kept, profile, { kind: 'line', config: lineConfig(profile), timeoutMs });
      throw invalid('serial.status.driver', 'no_status', { driver: profile.driver });
    },

    readModbus({ port, registerMap, unitId, timeoutMs }: { port: PortRef; registerMap?: RegisterMap | undefined; unitId?: number | undefined; timeoutMs: number }) {
      const map = registerMap ?? EXAMPLE_TRANSMITTER_MAP;
      return readModbus({ ...port, path: normalisePortPath(port.path) }, { ...map, unitId: unitId ?? map.unitId }, timeoutMs);
    },

    checkFirmware({ file, protocol, address, sha256 }: { file: string; protocol: 'stm32' | 'esp'; address?: number | undefined; sha256?: string | undefined }): FirmwareCheck {
      const image = loadFirmware(file, readFile(file), address ?? (protocol === 'esp' ? 0 : STM32_FLASH_START));
      // The chip is not known yet: check against the largest of its family; the flash checks the chip's own size.
      const layout = protocol === 'stm32' ? { flashStart: STM32_FLASH_START, flashSize: STM32_LARGEST } : { flashStart: 0, flashSize: ESP_LARGEST_FLASH };
      const report = checkImage(image, layout, { ...(sha256 ? { sha256 } : {}), vectorTable: protocol === 'stm32' && image.start === STM32_FLASH_START });
      return { name: path.basename(file), format: image.format, ...report, bytes: report.byteCount };
    },

    flashAudit: ({ limit }: { limit: number }) => store.listFlashAudit(db, limit),

    sendFile(arg: Target & { protocol?: 'ymodem' | 'xmodem' | 'xmodem1k' | undefined; file?: string | undefined; programmeId?: number | undefined }): JobInfo {
      const { profile, port } = resolve(arg);
      let file = arg.file;
      let name: string | undefined;
      if (arg.programmeId !== undefined) {
        if (file) throw invalid('serial.send.source', 'file_and_programme');
        const programme = deps.programmes.get(arg.programmeId);
        if (!programme.rendered) throw invalid('serial.send.programme', 'programme_not_rendered', { programmeId: arg.programmeId });
        file = path.join(deps.dataDir, programme.rendered.media);
        name = `${programme.title}${path.extname(file)}`;
      }
      if (!file) throw invalid('serial.send.source', 'no_file');
      readableFile(file);
      const fromProfile = profile?.driver === 'ymodem' || profile?.driver === 'xmodem' || profile?.driver === 'xmodem1k' ? profile.driver : undefined;
      const protocol = arg.protocol ?? fromProfile ?? 'ymodem';
      const input: SendJobInput & { portLabel: string } = { port, protocol, file, ...(name ? { name: ymodemName(name) } : {}), portLabel: port.path };
      return startJob('serial.sendFile', name ?? path.basename(file), 'serial/serial-send.worker.ts', input);
    },

    receiveFile(arg: Target & { protocol?: 'ymodem' | 'xmodem' | 'xmodem1k' | undefined; dest?: string | undefined; name?: string | undefined; startTimeoutMs?: number | undefined }): JobInfo {
      const { profile, port } = resolve(arg);
      const fromProfile = profile?.driver === 'ymodem' || profile?.driver === 'xmodem' || profile?.driver === 'xmodem1k' ? profile.driver : undefined;
      const protocol = arg.protocol ?? fromProfile ?? 'ymodem';
      const dest = path.resolve(arg.dest ?? path.join(deps.dataDir, 'received'));
      // The folder is made (or refused) before the port is opened: a bad folder loses nothing.
      try {
        fs.mkdirSync(dest, { recursive: true });
      } catch {
        throw invalid('serial.receive.dest', 'receive_dest_unusable', { dest });
      }
      if (!fs.statSync(dest).isDirectory()) throw invalid('serial.receive.dest', 'receive_dest_unusable', { dest });
      const input: ReceiveJobInput = { port, protocol, dest, ...(arg.name ? { name: arg.name } : {}), ...(arg.startTimeoutMs ? { startTimeoutMs: arg.startTimeoutMs } : {}) };
      return startJob('serial.receiveFile', profile?.name ?? port.path, 'serial/serial-receive.worker.ts', input);
    },

    flash(arg: Target & { protocol?: 'stm32' | 'esp' | undefined; file: string; address?: number | undefined; sha256?: string | undefined; verify: boolean; lineEntry?: boolean | undefined }): JobInfo {
      const { profile, port } = resolve(arg);
      const protocol = arg.protocol ?? (profile?.driver === 'stm32' || profile?.driver === 'esp' ? profile.driver : undefined);
      if (!protocol) throw invalid('serial.flash.protocol', 'no_flash', { driver: profile?.driver ?? null });
      const profileAddress = typeof profile?.options.address === 'number' ? profile.options.address : undefined;
      const address = arg.address ?? profileAddress ?? (protocol === 'esp' ? 0 : STM32_FLASH_START);
      const imageName = path.basename(arg.file);
      const base = { deviceId: profile?.id ?? null, port: port.path, protocol, imageName };
      // Read and parse here first: an image that fails its checks is refused before any port is opened.
      let sha256: string;
      try {
        const image = loadFirmware(arg.file, readFile(arg.file), address);
        sha256 = image.sha256;
        if (arg.sha256 && arg.sha256.toLowerCase() !== image.sha256) {
          throw new StudioError('firmware_rejected', 'firmware.sha256_mismatch', { reason: 'sha256_mismatch', stage: 'firmware.check', deviceState: 'untouched', nextStep: 'choose_other_image' });
        }
      } catch (error) {
        if (error instanceof StudioError && error.code === 'firmware_rejected') {
          auditFlash({ ...base, deviceModel: null, imageSha256: '', address, result: 'refused', errorCode: error.code, deviceState: 'untouched' });
        }
        throw error;
      }
      const lineEntry = arg.lineEntry ?? profile?.options.lineEntry === true;
      const input: FlashJobInput = {
        port,
        protocol,
        file: arg.file,
        address,
        verify: arg.verify,
        ...(arg.sha256 ? { sha256: arg.sha256 } : {}),
        ...(lineEntry ? { lineEntry } : {}),
        ...(profile ? { deviceId: profile.id } : {}),
      };
      const audited = { ...base, imageSha256: sha256, address };
      // The audit record is written whichever way the job ends (its process has no database):
      // a success with the chip it flashed, a failure with the state the device was left in.
      const job = startJob('serial.flash', imageName, 'serial/serial-flash.worker.ts', input, (result) => {
        auditFlash({ ...audited, deviceModel: result.model, result: result.verified ? 'verified' : 'written', errorCode: null, deviceState: result.verified ? 'verified' : 'written_unverified' });
        return result;
      });
      void jobs.wait(job.id).then((done) => {
        if (done.state === 'done') return;
        const details = (done.error?.details ?? {}) as { deviceState?: DeviceState };
        const code = done.error?.code ?? null;
        const result = done.state === 'cancelled' ? 'cancelled' : code === 'firmware_rejected' ? 'refused' : 'failed';
        auditFlash({ ...audited, deviceModel: null, result, errorCode: code, deviceState: details.deviceState ?? null });
      });
      return job;
    },

    /** Stops the port watch (the studio is closing). */
    close(): void {
      portWatch.close();
    },
  };
}

export type SerialService = ReturnType<typeof createSerial>;

function readFile(file: string): Buffer {
  readableFile(file);
  return fs.readFileSync(file);
}

function readableFile(file: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new StudioError('not_found', 'serial.file', { file: path.basename(file) });
  }
  if (!stat.isFile()) throw new StudioError('not_a_file', 'serial.file', { file: path.basename(file) });
}

/** YMODEM's header carries a plain name: no folders, no NUL, kept short. */
function ymodemName(name: string): string {
  return name.replace(/[\\/\0]/g, '_').slice(0, 120);
}
