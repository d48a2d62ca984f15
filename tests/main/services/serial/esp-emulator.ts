/**
 * An Espressif ROM loader on one end of a pty pair: SLIP framing, SYNC (answered several times,
 * as the ROM does), READ_REG of the chip-detect register, SPI_ATTACH, FLASH_BEGIN (erases),
 * FLASH_DATA (sequence and checksum checked), FLASH_END and SPI_FLASH_MD5 (32 hex digits, as
 * the ROM answers). Status is 4 bytes on ESP32, 2 on ESP8266.
 */
import { createHash } from 'node:crypto';
import type { ByteLink } from '../../../../src/main/services/serial/link/byte-link.ts';
import { openSerialLink } from '../../../../src/main/services/serial/link/serial-port-link.ts';
import { SlipReader, slipEncode } from '../../../../src/main/services/serial/esp/slip.ts';

const MAGIC = { esp32: 0x00f01d83, esp8266: 0xfff0c101 } as const;

export class EspEmulator {
  readonly flash: Buffer;
  corruptBlock: number | null = null;
  finished: 'reboot' | 'stay' | null = null;
  private writing: { offset: number; blocks: number; blockSize: number; next: number } | null = null;
  private stopped = false;
  private controller = new AbortController();
  private loop: Promise<void>;

  private constructor(
    private readonly link: ByteLink,
    readonly chip: 'esp32' | 'esp8266',
    flashSize: number,
  ) {
    this.flash = Buffer.alloc(flashSize, 0xff);
    this.loop = this.run();
  }

  static async start(path: string, chip: 'esp32' | 'esp8266' = 'esp32', flashSize = 4 * 1024 * 1024): Promise<EspEmulator> {
    return new EspEmulator(await openSerialLink({ path }), chip, flashSize);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.controller.abort();
    await this.loop;
    await this.link.close();
  }

  private reply(op: number, value: number, data: Buffer = Buffer.alloc(0), status = 0, error = 0): Promise<void> {
    const statusBytes = this.chip === 'esp32' ? Buffer.from([status, error, 0, 0]) : Buffer.from([status, error]);
    const body = Buffer.concat([data, statusBytes]);
    const head = Buffer.alloc(8);
    head[0] = 0x01;
    head[1] = op;
    head.writeUInt16LE(body.length, 2);
    head.writeUInt32LE(value >>> 0, 4);
    return this.link.write(slipEncode(Buffer.concat([head, body])));
  }

  private async run(): Promise<void> {
    const slip = new SlipReader(this.link);
    while (!this.stopped) {
      let packet: Buffer;
      try {
        packet = await slip.next(24 * 3600 * 1000, this.controller.signal);
      } catch {
        if (this.link.closed) return;
        continue;
      }
      if (packet.length < 8 || packet[0] !== 0x00) continue;
      await this.handle(packet[1]!, packet.readUInt32LE(4), packet.subarray(8, 8 + packet.readUInt16LE(2)));
    }
  }

  private async handle(op: number, checksum: number, data: Buffer): Promise<void> {
    switch (op) {
      case 0x08: // SYNC
        if (data.length !== 36 || data[0] !== 0x07 || data[3] !== 0x20) return;
        for (let i = 0; i < 8; i++) await this.reply(op, 0);
        return;
      case 0x0a: // READ_REG
        return this.reply(op, data.readUInt32LE(0) === 0x40001000 ? MAGIC[this.chip] : 0);
      case 0x0d: // SPI_ATTACH
        return this.reply(op, 0);
      case 0x02: {
        // FLASH_BEGIN: erase size, blocks, block size, offset
        const [eraseSize, blocks, blockSize, offset] = [0, 4, 8, 12].map((o) => data.readUInt32LE(o)) as [number, number, number, number];
        if (offset + eraseSize > this.flash.length) return this.reply(op, 0, undefined, 1, 0x05);
        this.flash.fill(0xff, offset, offset + eraseSize);
        this.writing = { offset, blocks, blockSize, next: 0 };
        return this.reply(op, 0);
      }
      case 0x03: {
        // FLASH_DATA: size, seq, 0, 0, then the data
        const size = data.readUInt32LE(0);
        const seq = data.readUInt32LE(4);
        const block = data.subarray(16, 16 + size);
        let sum = 0xef;
        for (const b of block) sum ^= b;
        if (!this.writing || seq !== this.writing.next || sum !== checksum || (this.corruptBlock === seq)) {
          if (this.corruptBlock === seq) this.corruptBlock = null;
          return this.reply(op, 0, undefined, 1, 0x07);
        }
        block.copy(this.flash, this.writing.offset + seq * this.writing.blockSize);
        this.writing.next++;
        return this.reply(op, 0);
      }
      case 0x04: // FLASH_END
        this.finished = data.readUInt32LE(0) === 0 ? 'reboot' : 'stay';
        this.writing = null;
        return this.reply(op, 0);
      case 0x13: {
        const address = data.readUInt32LE(0);
        const size = data.readUInt32LE(4);
        const md5 = createHash('md5').update(this.flash.subarray(address, address + size)).digest('hex');
        return this.reply(op, 0, Buffer.from(md5, 'latin1'));
      }
      default:
        return this.reply(op, 0, undefined, 1, 0x05);
    }
  }
}
