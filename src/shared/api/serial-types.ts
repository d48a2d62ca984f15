/**
 * Serial devices: the contract's types. Port settings, device profiles, driver progress and the
 * parameters every serial error carries (so the screen can say what state the device is in and
 * what to do next). No Node APIs here.
 */
import type { ErrorPayload } from '../errors.ts';

export type Parity = 'none' | 'even' | 'odd' | 'mark' | 'space';
export type FlowControl = 'none' | 'rtscts' | 'xonxoff';

export interface PortSettings {
  /** COM7, /dev/ttyUSB0, a pty path: whatever the user typed or picked. */
  path: string;
  baudRate: number;
  dataBits: 5 | 6 | 7 | 8;
  parity: Parity;
  stopBits: 1 | 1.5 | 2;
  flowControl: FlowControl;
}

export interface PortInfo {
  path: string;
  manufacturer?: string;
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
  /** `profile`: not in the system's list, but a device profile's typed path (a pty, a port without udev, `COM7`). */
  source?: 'system' | 'profile';
  /** A path a technician typed into a device profile, not one the system enumerated. */
  typed?: true;
  /**
   * A typed path: whether it exists now (checked on disk); absent for a Windows name (`COM7`),
   * which only the system list could confirm.
   */
  present?: boolean;
  /** A typed path: the names of the device profiles that use it. */
  profiles?: string[];
}

/** `serial.ports.changed`: a port appeared or vanished, or the system listing started or stopped failing. */
export interface PortsChanged {
  added: PortInfo[];
  removed: PortInfo[];
  /** Every port seen now. */
  ports: PortInfo[];
  /** The listing's failure (`serial_listing_failed`) while it lasts; typed paths are still watched. */
  error: ErrorPayload | null;
}

export type DeviceKind = 'receiver' | 'transmitter' | 'led_controller' | 'other';
export type DriverName = 'ymodem' | 'xmodem' | 'xmodem1k' | 'stm32' | 'esp' | 'modbus' | 'line';

export interface DeviceProfile {
  id: string;
  name: string;
  kind: DeviceKind;
  port: PortSettings;
  driver: DriverName;
  /** Driver-specific settings (register map, line commands, bootloader entry …). */
  options: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

/** Where a device is left after an error: the screen turns this into the next step. */
export type DeviceState =
  | 'untouched'
  | 'erased'
  | 'partially_written'
  | 'written_unverified'
  | 'transfer_incomplete'
  | 'unknown';

export type NextStep = 'check_cable' | 'retry' | 'reset_device_and_retry' | 'choose_other_image' | 'check_settings';

/** The `details` of every device error (device_timeout, device_refused, serial_disconnected, …). */
export interface DeviceErrorDetails {
  /** Protocol and stage, e.g. `stm32.write`, `ymodem.send.block`. */
  stage: string;
  deviceState: DeviceState;
  nextStep: NextStep;
  [key: string]: unknown;
}

export type TransferStage = 'connect' | 'identify' | 'check' | 'erase' | 'write' | 'verify' | 'transfer' | 'receive' | 'finish';

export interface TransferProgress {
  stage: TransferStage;
  done: number;
  total: number;
}

export type ProgressCallback = (progress: TransferProgress) => void;

export interface DeviceIdentity {
  protocol: 'stm32' | 'esp' | 'line' | 'modbus';
  /** Chip or model, e.g. `stm32:0x410`, `esp32`. */
  model: string;
  flashSize?: number;
  details: Record<string, unknown>;
}

export type FirmwareRejection =
  | 'too_large'
  | 'outside_flash'
  | 'bad_stack_pointer'
  | 'bad_reset_vector'
  | 'hex_truncated'
  | 'hex_bad_checksum'
  | 'hex_malformed'
  | 'sha256_mismatch'
  | 'empty';

/** One flash in the audit trail: the image's sha256, the device, the port and the outcome. */
export interface FlashAuditEntry {
  deviceId: string | null;
  deviceModel: string | null;
  port: string;
  protocol: 'stm32' | 'esp';
  imageName: string;
  imageSha256: string;
  address: number | null;
  result: 'verified' | 'written' | 'failed' | 'cancelled' | 'refused';
  errorCode: string | null;
  deviceState: string | null;
}

export interface FlashAuditRecord extends FlashAuditEntry {
  id: number;
  at: string;
}
