/**
 * The studio's STM32 flasher against the AN3155 emulator over a socat pty pair, and stm32flash
 * (the reference host tool) reading the result back over the same pty. Ptys ignore parity
 * (AN3155 runs 8E1; stm32flash cannot even set 8E1 on a pty, so it runs with -m 8n1 here) and
 * DTR/RTS, so line settings and bootloader entry by lines are not tested.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StudioError } from '../../../../src/shared/errors.ts';
import type { ByteLink } from '../../../../src/main/services/serial/link/byte-link.ts';
import { openSerialLink } from '../../../../src/main/services/serial/link/serial-port-link.ts';
import { loadBin, loadHex } from '../../../../src/main/services/serial/firmware/image.ts';
import { flashStm32, identifyStm32, readStm32 } from '../../../../src/main/services/serial/stm32/flasher.ts';
import { Stm32Bootloader, mayReadAsCommand } from '../../../../src/main/services/serial/stm32/bootloader.ts';
import { Stm32Emulator } from './stm32-emulator.ts';
import { FLASH, applicationImage, toHex } from './firmware-fixtures.ts';
import { openPtyPair, type PtyPair } from './pty.ts';

let pty: PtyPair;
let emulator: Stm32Emulator;
let link: ByteLink;

const fast = { timeouts: { answerMs: 1500, eraseMs: 5000 } };

beforeEach(async () => {
  pty = await openPtyPair();
  emulator = await Stm32Emulator.start(pty.b);
  link = await openSerialLink({ path: pty.a, parity: 'even' });
});

afterEach(async () => {
  await link.close();
  await emulator.stop();
  await pty.close();
});

function stm32flashRead(device: string, address: number, length: number, out: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('stm32flash', ['-b', '115200', '-m', '8n1', '-r', out, '-S', `0x${address.toString(16)}:${length}`, device]);
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('STM32 bootloader over a pty', () => {
  it('identifies the chip', async () => {
    const identity = await identifyStm32(link, fast);
    expect(identity.model).toBe('stm32:0x410');
    expect(identity.flashSize).toBe(128 * 1024);
    expect(identity.details).toMatchObject({ chipId: 0x410, bootloaderVersion: 0x31 });
  });

  it('flashes and verifies a .bin; stm32flash reads back the same bytes', async () => {
    const image = applicationImage(20_000);
    const stages = new Set<string>();
    const result = await flashStm32(link, loadBin(image, FLASH), { ...fast, onProgress: (p) => stages.add(p.stage) });
    expect(result.verified).toBe(true);
    expect(result.bytesWritten).toBe(20_000);
    expect([...stages]).toEqual(['connect', 'identify', 'erase', 'write', 'verify', 'finish']);
    expect(emulator.flash.subarray(0, 20_000).equals(image)).toBe(true);

    await link.close();
    const out = path.join(pty.dir, 'readback.bin');
    const reference = await stm32flashRead(pty.a, FLASH, 20_000, out);
    expect(reference.code, reference.output).toBe(0);
    expect(fs.readFileSync(out).equals(image)).toBe(true);
    link = await openSerialLink({ path: pty.a });
  });

  it('flashes an Intel HEX image at its own addresses', async () => {
    const image = applicationImage(3000);
    const hex = loadHex(Buffer.from(toHex(image)));
    await flashStm32(link, hex, fast);
    expect(emulator.flash.subarray(0, 3000).equals(image)).toBe(true);
  });

  it('erases only the pages the image covers, with the standard Erase command on older bootloaders', async () => {
    await emulator.stop();
    await link.close();
    emulator = await Stm32Emulator.start(pty.b, { extendedErase: false, bootloaderVersion: 0x22 });
    link = await openSerialLink({ path: pty.a });
    emulator.flash.fill(0x00, 64 * 1024, 65 * 1024); // something kept beyond the image
    const image = applicationImage(5000);
    await flashStm32(link, loadBin(image, FLASH), fast);
    expect(emulator.flash.subarray(0, 5000).equals(image)).toBe(true);
    expect(emulator.flash.subarray(64 * 1024, 65 * 1024).every((b) => b === 0)).toBe(true);
  });

  it('never sends ahead bytes that a refusing device could take for a command; such a read goes step by step and still reads right', async () => {
    expect(mayReadAsCommand(Buffer.from([0x08, 0x00, 0x01, 0x00, 0x09, 0xff, 0x00]))).toBe(false);
    // A 147-byte read's length frame is 0x92 0x6D: Readout Unprotect, which mass-erases.
    expect(mayReadAsCommand(Buffer.from([0x92, 0x6d]))).toBe(true);
    expect(mayReadAsCommand(Buffer.from([0x08, 0x00, 0x43, 0xbc, 0x00]))).toBe(true);
    const boot = new Stm32Bootloader(link);
    await boot.sync();
    await boot.writeMemory(FLASH, Buffer.alloc(256, 0x5a));
    expect((await boot.readMemory(FLASH, 147)).equals(Buffer.alloc(147, 0x5a))).toBe(true);
    expect(emulator.flash.subarray(0, 256).every((b) => b === 0x5a)).toBe(true);
  });

  it('reads memory, jumps with Go, and runs the protect commands', async () => {
    const boot = new Stm32Bootloader(link);
    await boot.sync();
    expect(await boot.getVersion()).toMatchObject({ version: 0x31 });
    await boot.writeMemory(FLASH + 256, Buffer.from([1, 2, 3, 4, 5]));
    expect([...(await boot.readMemory(FLASH + 256, 8))]).toEqual([1, 2, 3, 4, 5, 0xff, 0xff, 0xff]);
    await boot.writeProtect([0]);
    expect(emulator.writeProtectedSectors.has(0)).toBe(true);
    await boot.sync();
    const refused = await boot.writeMemory(FLASH, Buffer.from([0, 0, 0, 0])).catch((e: unknown) => e);
    expect((refused as StudioError).code).toBe('device_refused');
    await boot.writeUnprotect();
    await boot.sync();
    await boot.readoutProtect();
    await boot.sync();
    expect(((await boot.readMemory(FLASH, 4).catch((e: unknown) => e)) as StudioError).code).toBe('device_refused');
    await boot.readoutUnprotect();
    expect(emulator.flash.every((b) => b === 0xff)).toBe(true);
    await boot.sync();
    await boot.go(FLASH);
    expect(emulator.jumpedTo).toBe(FLASH);
  });
});

describe('faults mid-write', () => {
  const image = applicationImage(16 * 1024);

  it('a NACKed block is written again and the flash succeeds', async () => {
    emulator.faults = { nackWriteAt: 10, nackWriteCount: 2 };
    const result = await flashStm32(link, loadBin(image, FLASH), fast);
    expect(result.verified).toBe(true);
    expect(emulator.flash.subarray(0, image.length).equals(image)).toBe(true);
  });

  it('a device that keeps NACKing ends with device_refused, partially written; the next run succeeds', async () => {
    emulator.faults = { nackWriteAt: 20, nackWriteCount: 3 };
    const error = (await flashStm32(link, loadBin(image, FLASH), fast).catch((e: unknown) => e)) as StudioError;
    expect(error.code).toBe('device_refused');
    expect(error.details).toMatchObject({ stage: 'stm32.write_memory.data', deviceState: 'partially_written' });
    emulator.faults = {};
    expect((await flashStm32(link, loadBin(image, FLASH), fast)).verified).toBe(true);
    expect(emulator.flash.subarray(0, image.length).equals(image)).toBe(true);
  });

  it('a dropped byte is a device_timeout saying the flash is partly written; flashing again recovers without a reset', async () => {
    emulator.faults = { dropByteAtWrite: 30 };
    const error = (await flashStm32(link, loadBin(image, FLASH), fast).catch((e: unknown) => e)) as StudioError;
    expect(error.code).toBe('device_timeout');
    expect(error.details).toMatchObject({ deviceState: 'partially_written', nextStep: 'reset_device_and_retry' });
    emulator.faults = {};
    expect((await flashStm32(link, loadBin(image, FLASH), fast)).verified).toBe(true);
    expect(emulator.resets).toBe(0);
  });

  it('a device that goes silent mid-write: device_timeout; after its reset the next run succeeds', async () => {
    emulator.faults = { silentAtWrite: 40 };
    const error = (await flashStm32(link, loadBin(image, FLASH), fast).catch((e: unknown) => e)) as StudioError;
    expect(error.code).toBe('device_timeout');
    expect(error.details).toMatchObject({ deviceState: 'partially_written', nextStep: 'reset_device_and_retry' });
    emulator.faults = {};
    emulator.reset(); // the technician presses reset (DTR/RTS entry does this on a wired cable)
    expect((await flashStm32(link, loadBin(image, FLASH), fast)).verified).toBe(true);
    expect(emulator.flash.subarray(0, image.length).equals(image)).toBe(true);
  });

  it('cancel during the write stops with cancelled and the state it left', async () => {
    const controller = new AbortController();
    const error = (await flashStm32(link, loadBin(image, FLASH), {
      ...fast,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.stage === 'write' && p.done >= 4096) controller.abort();
      },
    }).catch((e: unknown) => e)) as StudioError;
    expect(error.code).toBe('cancelled');
    expect((error.details as { deviceState: string }).deviceState).toBe('partially_written');
    expect((await flashStm32(link, loadBin(image, FLASH), fast)).verified).toBe(true);
  });

  it.each([
    ['connect', 'untouched'],
    ['erase', 'erased'],
    ['verify', 'written_unverified'],
  ] as const)('cancel at the %s stage is cancelled, leaving the device %s', async (stage, state) => {
    const controller = new AbortController();
    const error = (await flashStm32(link, loadBin(image, FLASH), {
      ...fast,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.stage === stage && (stage !== 'erase' || p.done === 1) && (stage !== 'verify' || p.done >= 2048)) controller.abort();
      },
    }).catch((e: unknown) => e)) as StudioError;
    expect(error.code).toBe('cancelled');
    expect((error.details as { deviceState: string }).deviceState).toBe(state);
    expect((await flashStm32(link, loadBin(image, FLASH), fast)).verified).toBe(true);
  });

  it('an unplugged cable mid-write is serial_disconnected, check the cable', async () => {
    const error = (await flashStm32(link, loadBin(image, FLASH), {
      ...fast,
      onProgress: (p) => {
        if (p.stage === 'write' && p.done >= 4096) void pty.close();
      },
    }).catch((e: unknown) => e)) as StudioError;
    expect(['serial_disconnected', 'device_timeout']).toContain(error.code);
    expect((error.details as { deviceState: string }).deviceState).toBe('partially_written');
    pty = await openPtyPair(); // afterEach closes a live pair
  });
});

describe('bad images are refused before anything is erased', () => {
  it.each([
    ['too large', () => loadBin(applicationImage(129 * 1024), FLASH), 'too_large'],
    ['a stack pointer outside RAM', () => { const i = applicationImage(4096); i.writeUInt32LE(0x1000_0000, 0); return loadBin(i, FLASH); }, 'bad_stack_pointer'],
    ['an even reset vector', () => { const i = applicationImage(4096); i.writeUInt32LE(FLASH + 0x100, 4); return loadBin(i, FLASH); }, 'bad_reset_vector'],
    ['a reset vector outside flash', () => { const i = applicationImage(4096); i.writeUInt32LE(0x0900_0001, 4); return loadBin(i, FLASH); }, 'bad_reset_vector'],
  ] as const)('%s', async (_name, make, reason) => {
    const error = (await flashStm32(link, make(), fast).catch((e: unknown) => e)) as StudioError;
    expect(error.code).toBe('firmware_rejected');
    expect(error.details).toMatchObject({ reason, deviceState: 'untouched' });
    expect(emulator.eraseCount).toBe(0);
    expect(readStm32).toBeTypeOf('function');
  });

  it('a truncated HEX or one with a bad checksum never reaches the device', () => {
    const hex = toHex(applicationImage(2048));
    const truncated = hex.slice(0, hex.length - 40);
    expect(() => loadHex(Buffer.from(truncated))).toThrow(expect.objectContaining({ code: 'firmware_rejected', details: expect.objectContaining({ reason: 'hex_truncated' }) }));
    const lines = hex.split('\n');
    lines[3] = lines[3]!.slice(0, -2) + (lines[3]!.endsWith('00') ? '01' : '00');
    expect(() => loadHex(Buffer.from(lines.join('\n')))).toThrow(expect.objectContaining({ details: expect.objectContaining({ reason: 'hex_bad_checksum' }) }));
    expect(emulator.eraseCount).toBe(0);
  });

  it('a sha256 from the manifest that does not match refuses the image', async () => {
    const error = (await flashStm32(link, loadBin(applicationImage(4096), FLASH), { ...fast, sha256: '0'.repeat(64) }).catch((e: unknown) => e)) as StudioError;
    expect(error.details).toMatchObject({ reason: 'sha256_mismatch' });
    expect(emulator.eraseCount).toBe(0);
  });

  it('a chip the studio does not know is never erased', async () => {
    await emulator.stop();
    await link.close();
    emulator = await Stm32Emulator.start(pty.b, { chipId: 0x999 });
    link = await openSerialLink({ path: pty.a });
    const error = (await flashStm32(link, loadBin(applicationImage(4096), FLASH), fast).catch((e: unknown) => e)) as StudioError;
    expect(error.code).toBe('device_unidentified');
    expect(emulator.eraseCount).toBe(0);
  });
});
