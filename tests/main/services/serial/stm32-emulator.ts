/**
 * An STM32 system-memory bootloader, written from ST AN3155, on one end of a pty pair: a flash
 * memory model (erased = 0xFF, writes can only clear bits, as real flash), a chip ID, every
 * command (Get, Get Version, Get ID, Read/Write Memory, Erase, Extended Erase, Go, write/readout
 * protect and unprotect), ACK 0x79 / NACK 0x1F, and faults to inject (NACK a write, drop a
 * byte, go silent). `reset()` stands for the reset button or the DTR/RTS lines, which ptys
 * cannot carry.
 */
import type { ByteLink } from '../../../../src/main/services/serial/link/byte-link.ts';
import { openSerialLink } from '../../../../src/main/services/serial/link/serial-port-link.ts';

const ACK = 0x79;
const NACK = 0x1f;
const FLASH = 0x0800_0000;
const RAM = 0x2000_0000;

export interface EmulatorFaults {
  /** NACK this many Write Memory data frames, starting at write number `nackWriteAt`. */
  nackWriteAt?: number;
  nackWriteCount?: number;
  /** Lose one byte of the data frame of this write (the device then waits for one more). */
  dropByteAtWrite?: number;
  /** Stop answering for good (until reset) when this write's data arrives. */
  silentAtWrite?: number;
}

export interface EmulatorOptions {
  chipId?: number;
  flashSize?: number;
  pageSize?: number;
  ramSize?: number;
  extendedErase?: boolean;
  bootloaderVersion?: number;
}

export class Stm32Emulator {
  readonly flash: Buffer;
  readonly ram: Buffer;
  readonly chipId: number;
  readonly pageSize: number;
  readonly extendedErase: boolean;
  readonly version: number;
  readoutProtected = false;
  writeProtectedSectors = new Set<number>();
  faults: EmulatorFaults = {};
  writes = 0;
  eraseCount = 0;
  jumpedTo: number | null = null;
  resets = 0;
  private synced = false;
  private silent = false;
  private controller = new AbortController();
  private stopped = false;
  private loop: Promise<void> | null = null;

  private constructor(
    private readonly link: ByteLink,
    options: EmulatorOptions,
  ) {
    this.chipId = options.chipId ?? 0x410;
    this.flash = Buffer.alloc(options.flashSize ?? 128 * 1024, 0xff);
    this.ram = Buffer.alloc(options.ramSize ?? 20 * 1024, 0);
    this.pageSize = options.pageSize ?? 1024;
    this.extendedErase = options.extendedErase ?? true;
    this.version = options.bootloaderVersion ?? 0x31;
  }

  static async start(path: string, options: EmulatorOptions = {}): Promise<Stm32Emulator> {
    const link = await openSerialLink({ path, parity: 'even' });
    const emulator = new Stm32Emulator(link, options);
    emulator.loop = emulator.run();
    return emulator;
  }

  /** The reset button (or DTR/RTS entry): back to waiting for 0x7F. Flash content stays. */
  reset(): void {
    this.resets++;
    this.synced = false;
    this.silent = false;
    this.controller.abort();
    this.controller = new AbortController();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.controller.abort();
    await this.loop;
    await this.link.close();
  }

  private async next(count: number): Promise<Buffer> {
    return this.link.read(count, 24 * 3600 * 1000, this.controller.signal);
  }

  private send(...bytes: Array<number | Buffer>): Promise<void> {
    if (this.silent) return Promise.resolve();
    const parts = bytes.map((b) => (typeof b === 'number' ? Buffer.from([b]) : b));
    return this.link.write(Buffer.concat(parts));
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        if (this.silent) {
          await this.next(1);
          continue;
        }
        if (!this.synced) {
          const b = (await this.next(1))[0];
          if (b === 0x7f) {
            this.synced = true;
            await this.send(ACK);
          }
          continue;
        }
        const [cmd, complement] = await this.next(2);
        if (((cmd! ^ complement!) & 0xff) !== 0xff) {
          await this.send(NACK);
          continue;
        }
        await this.command(cmd!);
      } catch {
        // reset() or stop(): start over. A dead line (cable pulled) ends the emulator.
        if (this.link.closed) return;
        this.link.discardInput();
      }
    }
  }

  private commands(): number[] {
    return [0x00, 0x01, 0x02, 0x11, 0x21, 0x31, this.extendedErase ? 0x44 : 0x43, 0x63, 0x73, 0x82, 0x92];
  }

  private async address(): Promise<number | null> {
    const b = await this.next(5);
    if ((b[0]! ^ b[1]! ^ b[2]! ^ b[3]!) !== b[4]) return null;
    return b.readUInt32BE(0);
  }

  /** The memory behind an address range, or null outside flash and RAM. */
  private region(address: number, length: number): { mem: Buffer; offset: number; isFlash: boolean } | null {
    if (address >= FLASH && address + length <= FLASH + this.flash.length) return { mem: this.flash, offset: address - FLASH, isFlash: true };
    if (address >= RAM && address + length <= RAM + this.ram.length) return { mem: this.ram, offset: address - RAM, isFlash: false };
    return null;
  }

  private erasePage(page: number): void {
    const start = page * this.pageSize;
    if (start < this.flash.length) this.flash.fill(0xff, start, Math.min(this.flash.length, start + this.pageSize));
  }

  private async command(cmd: number): Promise<void> {
    switch (cmd) {
      case 0x00: {
        const list = this.commands();
        return this.send(ACK, list.length, this.version, Buffer.from(list), ACK);
      }
      case 0x01:
        return this.send(ACK, this.version, 0x00, 0x00, ACK);
      case 0x02:
        return this.send(ACK, 0x01, (this.chipId >> 8) & 0xff, this.chipId & 0xff, ACK);
      case 0x11: {
        if (this.readoutProtected) return this.send(NACK);
        await this.send(ACK);
        const address = await this.address();
        if (address === null) return this.send(NACK);
        await this.send(ACK);
        const [n, c] = await this.next(2);
        const length = n! + 1;
        const region = this.region(address, length);
        if ((n! ^ c!) !== 0xff || !region) return this.send(NACK);
        return this.send(ACK, region.mem.subarray(region.offset, region.offset + length));
      }
      case 0x21: {
        if (this.readoutProtected) return this.send(NACK);
        await this.send(ACK);
        const address = await this.address();
        if (address === null || !this.region(address, 4)) return this.send(NACK);
        // Recorded before the last ACK: the host may look as soon as it has it.
        this.jumpedTo = address;
        this.synced = false;
        await this.send(ACK);
        return;
      }
      case 0x31:
        return this.writeMemory();
      case 0x43:
      case 0x44:
        return this.erase(cmd === 0x44);
      case 0x63: {
        await this.send(ACK);
        const n = (await this.next(1))[0]!;
        const sectors = await this.next(n + 1);
        const check = (await this.next(1))[0]!;
        if ([n, ...sectors].reduce((x, b) => x ^ b, 0) !== check) return this.send(NACK);
        for (const s of sectors) this.writeProtectedSectors.add(s);
        await this.send(ACK);
        this.synced = false; // system reset
        return;
      }
      case 0x73:
        this.writeProtectedSectors.clear();
        await this.send(ACK, ACK);
        this.synced = false;
        return;
      case 0x82:
        this.readoutProtected = true;
        await this.send(ACK, ACK);
        this.synced = false;
        return;
      case 0x92:
        await this.send(ACK);
        this.flash.fill(0xff);
        this.readoutProtected = false;
        await this.send(ACK);
        this.synced = false;
        return;
      default:
        return this.send(NACK);
    }
  }

  private async writeMemory(): Promise<void> {
    if (this.readoutProtected) return this.send(NACK);
    await this.send(ACK);
    const address = await this.address();
    if (address === null) return this.send(NACK);
    await this.send(ACK);
    const n = (await this.next(1))[0]!;
    const write = ++this.writes;
    const dropping = this.faults.dropByteAtWrite === write;
    const body = await this.next(n + 2);
    const data = body.subarray(0, n + 1);
    const check = body[n + 1]!;
    if (this.faults.silentAtWrite === write) {
      this.silent = true;
      return;
    }
    if (dropping) {
      // One byte of the frame was lost on the line: the device still waits for one more, takes
      // the host's next byte as the checksum, and that cannot match.
      await this.next(1);
      return this.send(NACK);
    }
    const from = this.faults.nackWriteAt ?? 0;
    if (from > 0 && write >= from && write < from + (this.faults.nackWriteCount ?? 1)) return this.send(NACK);
    if ((data.reduce((x, b) => x ^ b, n) & 0xff) !== check || (n + 1) % 4 !== 0) return this.send(NACK);
    const region = this.region(address, n + 1);
    if (!region) return this.send(NACK);
    if (region.isFlash) {
      const firstPage = Math.floor(region.offset / this.pageSize);
      const lastPage = Math.floor((region.offset + n) / this.pageSize);
      for (let p = firstPage; p <= lastPage; p++) if (this.writeProtectedSectors.has(p)) return this.send(NACK);
      for (let i = 0; i <= n; i++) region.mem[region.offset + i]! &= data[i]!;
    } else {
      data.copy(region.mem, region.offset);
    }
    return this.send(ACK);
  }

  private async erase(extended: boolean): Promise<void> {
    if (extended !== this.extendedErase || this.readoutProtected) return this.send(NACK);
    await this.send(ACK);
    this.eraseCount++;
    if (extended) {
      const head = await this.next(2);
      const n = head.readUInt16BE(0);
      if (n >= 0xfff0) {
        const check = (await this.next(1))[0];
        if (check !== (head[0]! ^ head[1]!)) return this.send(NACK);
        if (n === 0xffff) this.flash.fill(0xff);
        return this.send(ACK);
      }
      const pages = await this.next((n + 1) * 2);
      const check = (await this.next(1))[0];
      if ([...head, ...pages].reduce((x, b) => x ^ b, 0) !== check) return this.send(NACK);
      for (let i = 0; i <= n; i++) this.erasePage(pages.readUInt16BE(i * 2));
      return this.send(ACK);
    }
    const n = (await this.next(1))[0]!;
    if (n === 0xff) {
      const check = (await this.next(1))[0];
      if (check !== 0x00) return this.send(NACK);
      this.flash.fill(0xff);
      return this.send(ACK);
    }
    const pages = await this.next(n + 1);
    const check = (await this.next(1))[0];
    if ([n, ...pages].reduce((x, b) => x ^ b, 0) !== check) return this.send(NACK);
    for (const p of pages) this.erasePage(p);
    return this.send(ACK);
  }
}
