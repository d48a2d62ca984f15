/** A ByteLink over a real serial port (or a pty) through the `serialport` package. */
import type { SerialPort } from 'serialport';
import { StudioError } from '../../../../shared/errors.ts';
import type { PortSettings } from '../../../../shared/api/serial-types.ts';
import { cancelledError, deviceError } from '../device-errors.ts';
import { InputQueue, type ByteLink } from './byte-link.ts';
import { directFdIo, type DirectFdIo } from './direct-fd-io.ts';

export const DEFAULT_PORT_SETTINGS: Omit<PortSettings, 'path'> = {
  baudRate: 115_200,
  dataBits: 8,
  parity: 'none',
  stopBits: 1,
  flowControl: 'none',
};

class SerialPortLink implements ByteLink {
  private readonly input = new InputQueue();
  private isClosed = false;
  /** Reads and writes without serialport's thread-pool turns, where the port has a descriptor. */
  private readonly direct: DirectFdIo | null;

  constructor(private readonly port: SerialPort) {
    port.on('error', (error: Error) => this.lost(error));
    port.on('close', (error?: Error & { disconnected?: boolean }) => this.lost(error));
    this.direct = directFdIo(port.port);
    if (!this.direct) {
      port.on('data', (chunk: Buffer) => this.input.push(chunk));
      return;
    }
    // The stream is never read (no 'data' listener): every byte comes through here.
    this.direct.startReading(
      (chunk) => this.input.push(chunk),
      (error) => {
        if (this.isClosed) return;
        // As serialport does on a read error that means the device went away.
        this.port.close(() => undefined, Object.assign(error, { disconnected: true }));
      },
    );
  }

  get available(): number {
    return this.input.available;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  private lost(error?: Error): void {
    const wasOurs = this.isClosed;
    this.isClosed = true;
    this.input.fail(
      wasOurs
        ? new StudioError('serial_disconnected', 'link.closed', { stage: 'link', deviceState: 'unknown', nextStep: 'retry' })
        : deviceError('serial_disconnected', 'link', 'unknown', 'check_cable', { cause: error?.message ?? 'closed' }),
    );
  }

  write(data: Uint8Array, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(cancelledError('link.write'));
    if (this.isClosed) return Promise.reject(deviceError('serial_disconnected', 'link.write', 'unknown', 'check_cable'));
    let bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    // Straight to the driver when nothing is queued before it (order kept); what it has no room
    // for now goes through the stream, which waits for room.
    if (this.direct && this.port.writableLength === 0) {
      try {
        bytes = bytes.subarray(this.direct.writeNow(bytes));
      } catch (error) {
        return Promise.reject(deviceError('serial_disconnected', 'link.write', 'unknown', 'check_cable', { cause: (error as Error).message }));
      }
      if (bytes.length === 0) return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      this.port.write(bytes, (error) =>
        error ? reject(deviceError('serial_disconnected', 'link.write', 'unknown', 'check_cable', { cause: error.message })) : resolve(),
      );
    });
  }

  drain(): Promise<void> {
    if (this.isClosed) return Promise.resolve();
    return new Promise((resolve, reject) =>
      this.port.drain((error) => (error ? reject(deviceError('serial_disconnected', 'link.drain', 'unknown', 'check_cable', { cause: error.message })) : resolve())),
    );
  }

  read(count: number, timeoutMs: number, signal?: AbortSignal): Promise<Buffer> {
    return this.input.read(count, timeoutMs, signal, false);
  }

  readSome(timeoutMs: number, signal?: AbortSignal): Promise<Buffer> {
    return this.input.read(1, timeoutMs, signal, true);
  }

  discardInput(): void {
    this.input.discard();
  }

  setLines(lines: { dtr?: boolean; rts?: boolean }): Promise<void> {
    return new Promise((resolve, reject) =>
      this.port.set(lines, (error) => (error ? reject(deviceError('serial_port_unavailable', 'link.set_lines', 'unknown', 'check_cable', { cause: error.message })) : resolve())),
    );
  }

  /** Lets the last bytes (a final ACK, a CAN CAN) leave before the port closes, within a bound: a vanished peer must not hold the close. */
  async close(): Promise<void> {
    if (this.isClosed) return;
    await Promise.race([this.drain().catch(() => undefined), new Promise((r) => setTimeout(r, 2000).unref())]);
    if (this.isClosed) return;
    this.isClosed = true;
    await new Promise<void>((resolve) => this.port.close(() => resolve()));
  }
}

/** Opens a port with the given line settings; a missing or busy port is `serial_port_unavailable`. */
export async function openSerialLink(settings: Partial<PortSettings> & { path: string }): Promise<ByteLink> {
  const s = { ...DEFAULT_PORT_SETTINGS, ...settings };
  // Loaded on first use (a native addon): commands that open no port do not pay for it.
  const { SerialPort } = await import('serialport');
  const port = new SerialPort({
    path: s.path,
    baudRate: s.baudRate,
    dataBits: s.dataBits,
    parity: s.parity,
    stopBits: s.stopBits,
    rtscts: s.flowControl === 'rtscts',
    xon: s.flowControl === 'xonxoff',
    xoff: s.flowControl === 'xonxoff',
    autoOpen: false,
    // A cable adapter that asserts DTR on open resets some boards; keep the lines as they are.
    hupcl: false,
  });
  await new Promise<void>((resolve, reject) =>
    port.open((error) =>
      error
        ? reject(deviceError('serial_port_unavailable', 'port.open', 'untouched', 'check_settings', { path: s.path, cause: error.message }))
        : resolve(),
    ),
  );
  return new SerialPortLink(port);
}
