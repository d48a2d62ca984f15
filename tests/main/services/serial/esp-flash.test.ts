/** The ESP ROM-loader flasher against the emulator over a socat pty pair (ptys ignore DTR/RTS, so automatic entry is not tested). */
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StudioError } from '../../../../src/shared/errors.ts';
import type { ByteLink } from '../../../../src/main/services/serial/link/byte-link.ts';
import { openSerialLink } from '../../../../src/main/services/serial/link/serial-port-link.ts';
import { flashEsp, identifyEsp } from '../../../../src/main/services/serial/esp/loader.ts';
import { slipEncode } from '../../../../src/main/services/serial/esp/slip.ts';
import { EspEmulator } from './esp-emulator.ts';
import { openPtyPair, type PtyPair } from './pty.ts';

let pty: PtyPair;
let link: ByteLink;
let emulator: EspEmulator | null = null;

beforeEach(async () => {
  pty = await openPtyPair();
  link = await openSerialLink({ path: pty.a });
});

afterEach(async () => {
  await link.close();
  await emulator?.stop();
  emulator = null;
  await pty.close();
});

describe('ESP ROM loader', () => {
  it.each(['esp32', 'esp8266'] as const)('identifies an %s', async (chip) => {
    emulator = await EspEmulator.start(pty.b, chip);
    expect((await identifyEsp(link)).model).toBe(chip);
  });

  it('flashes an image at 0x10000 and the chip MD5 matches', async () => {
    emulator = await EspEmulator.start(pty.b, 'esp32');
    // Bytes that need SLIP escaping (0xC0, 0xDB) included on purpose.
    const image = Buffer.concat([Buffer.from([0xc0, 0xdb, 0xc0, 0xdb, 0xdc, 0xdd]), randomBytes(300_000)]);
    const stages = new Set<string>();
    const result = await flashEsp(link, image, 0x10000, { onProgress: (p) => stages.add(p.stage) });
    expect(result.verified).toBe(true);
    expect(result.md5).toBe(createHash('md5').update(image).digest('hex'));
    expect(emulator.flash.subarray(0x10000, 0x10000 + image.length).equals(image)).toBe(true);
    expect(emulator.finished).toBe('stay');
    expect([...stages]).toEqual(['connect', 'identify', 'erase', 'write', 'verify', 'finish']);
  });

  it('a block the chip refuses is a coded error saying the flash is partly written; the next run succeeds', async () => {
    emulator = await EspEmulator.start(pty.b, 'esp8266');
    const image = randomBytes(20_000);
    emulator.corruptBlock = 5;
    const error = (await flashEsp(link, image, 0).catch((e: unknown) => e)) as StudioError;
    expect(error.code).toBe('device_refused');
    expect(error.details).toMatchObject({ deviceState: 'partially_written' });
    expect((await flashEsp(link, image, 0)).verified).toBe(true);
  });

  it('a silent port is device_timeout before anything is erased', async () => {
    const error = (await identifyEsp(link, { answerMs: 200 }).catch((e: unknown) => e)) as StudioError;
    expect(error.code).toBe('device_timeout');
    expect(error.details).toMatchObject({ deviceState: 'untouched' });
  });

  it('SLIP escapes END and ESC', () => {
    expect([...slipEncode(Buffer.from([1, 0xc0, 2, 0xdb, 3]))]).toEqual([0xc0, 1, 0xdb, 0xdc, 2, 0xdb, 0xdd, 3, 0xc0]);
  });
});
