/**
 * Serial devices: the public face of the serial service. `createSerial(deps)` is what the studio
 * wires and the requests (src/main/api/serial.ts) call. The lower-level pieces below (ports, the
 * byte link, the drivers — XMODEM/YMODEM, STM32 AN3155, Espressif ROM loader, Modbus RTU
 * telemetry, line commands — firmware images and their checks, the profile store) are exported
 * for what drives a link directly: the tests and the serial benchmark.
 * Errors are StudioError codes whose details say the stage, the device's state and the next step.
 */
export { listPorts, normalisePortPath, presentTypedPaths, snapshotPorts, watchPorts, type PortChange, type PortSnapshot, type PortWatcher } from './ports.ts';
export { createPortWatch, PORT_LEASE_MS, PORT_POLL_MS, type PortWatch, type WatchLease } from './port-watch.ts';
export { openSerialLink, DEFAULT_PORT_SETTINGS } from './link/serial-port-link.ts';
export type { ByteLink } from './link/byte-link.ts';
export { sendXmodem, sendYmodem, type SendFile, type SendOptions } from './xymodem/sender.ts';
export { receiveXmodem, receiveYmodem, type ReceivedFile, type ReceiveOptions } from './xymodem/receiver.ts';
export { Stm32Bootloader } from './stm32/bootloader.ts';
export { connectStm32, flashStm32, identifyStm32, readStm32, type FlashOptions, type FlashResult } from './stm32/flasher.ts';
export { STM32_CHIPS, findChip } from './stm32/chips.ts';
export { flashEsp, identifyEsp, type EspFlashResult } from './esp/loader.ts';
export { ModbusTelemetry, EXAMPLE_TRANSMITTER_MAP, type RegisterMap, type RegisterEntry, type TelemetrySnapshot } from './modbus/telemetry.ts';
export { LineDriver, type LineDriverConfig, type LineCommand } from './line/line-driver.ts';
export { loadBin, loadHex, loadFirmware, type FirmwareImage } from './firmware/image.ts';
export { checkImage, type ImageCheckReport } from './firmware/checks.ts';
export { espDriver, lineDriver, stm32Driver, xmodemDriver, ymodemDriver, type SerialDriver, type DriverCall } from './drivers.ts';
export { createProfile, deleteProfile, getProfile, listProfiles, updateProfile, listFlashAudit, recordFlash, type FlashAuditEntry } from './store/device-store.ts';
export { runFlashJob, runIdentifyJob, runSendJob, toFraction, type FlashJobInput, type JobHooks, type SendJobInput } from './jobs.ts';
export { createSerial, type SerialDeps, type SerialService } from './service.ts';
