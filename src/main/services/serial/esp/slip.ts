/**
 * SLIP framing (RFC 1055) as Espressif's ROM loader uses it: each packet between 0xC0 bytes,
 * 0xC0 → 0xDB 0xDC and 0xDB → 0xDB 0xDD inside. Small enough to own; esptool-js ties its SLIP
 * to Web Serial streams.
 */
import { StudioError } from '../../../../shared/errors.ts';
import type { ByteLink } from '../link/byte-link.ts';
import { deviceError } from '../device-errors.ts';

const END = 0xc0;
const ESC = 0xdb;
const ESC_END = 0xdc;
const ESC_ESC = 0xdd;

export function slipEncode(packet: Uint8Array): Buffer {
  const out = Buffer.alloc(packet.length * 2 + 2);
  let n = 0;
  out[n++] = END;
  for (const b of packet) {
    if (b === END) {
      out[n++] = ESC;
      out[n++] = ESC_END;
    } else if (b === ESC) {
      out[n++] = ESC;
      out[n++] = ESC_ESC;
    } else out[n++] = b;
  }
  out[n++] = END;
  return out.subarray(0, n);
}

/** Reads whole SLIP packets from a link; bytes outside a packet (boot messages) are skipped. */
export class SlipReader {
  private pending: Buffer = Buffer.alloc(0);
  private packet: number[] = [];
  private inPacket = false;
  private escaped = false;

  constructor(private readonly link: ByteLink) {}

  /** The next packet, or `device_timeout` once `timeoutMs` passes without a whole one. */
  async next(timeoutMs: number, signal?: AbortSignal): Promise<Buffer> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (let i = 0; i < this.pending.length; i++) {
        const packet = this.feed(this.pending[i]!);
        if (packet) {
          this.pending = this.pending.subarray(i + 1);
          return packet;
        }
      }
      this.pending = Buffer.alloc(0);
      const left = deadline - Date.now();
      if (left <= 0) throw deviceError('device_timeout', 'slip.read', 'unknown', 'retry');
      this.pending = await this.link.readSome(left, signal);
    }
  }

  /** Forgets a half-read packet (after a timeout the stream is resynchronised on the next 0xC0). */
  reset(): void {
    this.pending = Buffer.alloc(0);
    this.packet = [];
    this.inPacket = false;
    this.escaped = false;
  }

  private feed(b: number): Buffer | null {
    if (!this.inPacket) {
      if (b === END) {
        this.inPacket = true;
        this.packet = [];
      }
      return null;
    }
    if (this.escaped) {
      this.escaped = false;
      if (b === ESC_END) this.packet.push(END);
      else if (b === ESC_ESC) this.packet.push(ESC);
      else throw new StudioError('device_refused', 'slip.bad_escape', { stage: 'slip.read', deviceState: 'unknown', nextStep: 'retry' });
      return null;
    }
    if (b === ESC) {
      this.escaped = true;
      return null;
    }
    if (b === END) {
      // Two ENDs in a row: an empty packet is a frame boundary, keep waiting.
      if (this.packet.length === 0) return null;
      this.inPacket = false;
      return Buffer.from(this.packet);
    }
    this.packet.push(b);
    return null;
  }
}
