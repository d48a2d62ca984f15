/**
 * XMODEM / YMODEM against lrzsz over a socat pty pair: the studio sends to `rb`/`rx` and
 * receives from `sb`/`sx`. Ptys carry bytes only (no baud, parity, DTR/RTS), which is all these
 * protocols use.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StudioError } from '../../../../src/shared/errors.ts';
import { openSerialLink } from '../../../../src/main/services/serial/link/serial-port-link.ts';
import type { ByteLink } from '../../../../src/main/services/serial/link/byte-link.ts';
import { receiveXmodem, receiveYmodem } from '../../../../src/main/services/serial/xymodem/receiver.ts';
import { sendXmodem, sendYmodem } from '../../../../src/main/services/serial/xymodem/sender.ts';
import { openPtyPair, runOnPty, type PtyPair } from './pty.ts';

const SIZES = [0, 1, 1023, 1024, 5 * 1024 * 1024];
/** 5 MB over a pty takes tens of seconds on a loaded machine. */
const LONG = 300_000;

let pty: PtyPair;
let link: ByteLink;
let work: string;

beforeEach(async () => {
  pty = await openPtyPair();
  link = await openSerialLink({ path: pty.a });
  work = fs.mkdtempSync(path.join(pty.dir, 'work-'));
});

afterEach(async () => {
  await link.close();
  await pty.close();
});

describe('YMODEM to rb', () => {
  it.each(SIZES)('a %i-byte file arrives byte-identical, with its name', async (size) => {
    const data = randomBytes(size);
    const rb = runOnPty('rb', ['-q'], pty.b, work);
    const progress: number[] = [];
    await sendYmodem(link, [{ name: `prog-${size}.mp3`, data, mtime: new Date('2026-01-02T03:04:05Z') }], {
      onProgress: (p) => progress.push(p.done),
    });
    expect((await rb.done).code).toBe(0);
    const arrived = fs.readFileSync(path.join(work, `prog-${size}.mp3`));
    expect(arrived.equals(data)).toBe(true);
    if (size > 0) expect(progress.at(-1)).toBe(size);
    expect(fs.statSync(path.join(work, `prog-${size}.mp3`)).mtime.toISOString()).toBe('2026-01-02T03:04:05.000Z');
  }, LONG);

  it('sends a batch of two files in 128-byte blocks', async () => {
    const one = randomBytes(3000);
    const two = randomBytes(10);
    // rb always asks for CRC; checksum mode is covered by the XMODEM tests with rx below.
    const rb = runOnPty('rb', ['-q'], pty.b, work);
    await sendYmodem(link, [{ name: 'a.bin', data: one }, { name: 'b.bin', data: two }], { blockSize: 128 });
    expect((await rb.done).code).toBe(0);
    expect(fs.readFileSync(path.join(work, 'a.bin')).equals(one)).toBe(true);
    expect(fs.readFileSync(path.join(work, 'b.bin')).equals(two)).toBe(true);
  });
});

describe('YMODEM from sb', () => {
  it.each(SIZES)('a %i-byte file is received byte-identical', async (size) => {
    const data = randomBytes(size);
    fs.writeFileSync(path.join(work, 'log.txt'), data);
    const sb = runOnPty('sb', ['-q', '-k', 'log.txt'], pty.b, work);
    const files = await receiveYmodem(link);
    expect((await sb.done).code).toBe(0);
    expect(files).toHaveLength(1);
    expect(files[0]!.name).toBe('log.txt');
    expect(files[0]!.data.equals(data)).toBe(true);
  }, LONG);
});

describe('XMODEM', () => {
  it.each(SIZES.filter((s) => s > 0))('rx receives %i bytes (padded with ^Z to the block, as XMODEM does)', async (size) => {
    const data = randomBytes(size);
    const rx = runOnPty('rx', ['-q', 'out.bin'], pty.b, work);
    await sendXmodem(link, data, { blockSize: 1024 });
    expect((await rx.done).code).toBe(0);
    const arrived = fs.readFileSync(path.join(work, 'out.bin'));
    expect(arrived.subarray(0, size).equals(data)).toBe(true);
    expect([...arrived.subarray(size)].every((b) => b === 0x1a)).toBe(true);
  }, LONG);

  it('checksum mode: rx without -c starts with NAK and gets 128-byte blocks with an 8-bit sum', async () => {
    const data = randomBytes(777);
    const rx = runOnPty('rx', ['-q', 'sum.bin'], pty.b, work);
    await sendXmodem(link, data, { blockSize: 128 });
    expect((await rx.done).code).toBe(0);
    expect(fs.readFileSync(path.join(work, 'sum.bin')).subarray(0, 777).equals(data)).toBe(true);
  });

  it.each(['crc', 'checksum'] as const)('receives from sx in %s mode', async (mode) => {
    const data = Buffer.concat([randomBytes(4000), Buffer.from('end')]);
    fs.writeFileSync(path.join(work, 'x.bin'), data);
    const sx = runOnPty('sx', ['-q', ...(mode === 'crc' ? [] : []), 'x.bin'], pty.b, work);
    const got = await receiveXmodem(link, { mode });
    expect((await sx.done).code).toBe(0);
    expect(got.equals(data)).toBe(true);
  });
});

describe('cancelling', () => {
  // lrzsz, killed, writes CAN CAN and exits, but its exit flushes the tty's output, so the CANs
  // rarely reach the pty; a scripted YMODEM receiver that cancels after two blocks stands in.
  it('the peer cancelling (CAN CAN) is a device_cancelled error', async () => {
    const peer = await openSerialLink({ path: pty.b });
    try {
      const receiver = (async () => {
        await peer.write(Buffer.from('C'));
        await peer.read(133, 30_000); // header block
        await peer.write(Buffer.from([0x06, 0x43]));
        for (let i = 0; i < 2; i++) {
          await peer.read(1029, 30_000);
          await peer.write(Buffer.from([0x06]));
        }
        await peer.read(1029, 30_000);
        await peer.write(Buffer.from([0x18, 0x18, 0x18]));
      })();
      const error = await sendYmodem(link, [{ name: 'big.bin', data: randomBytes(100_000) }]).catch((e: unknown) => e);
      await receiver;
      expect(error).toBeInstanceOf(StudioError);
      expect((error as StudioError).code).toBe('device_cancelled');
      expect((error as StudioError).details).toMatchObject({ deviceState: 'transfer_incomplete', nextStep: 'retry' });
    } finally {
      await peer.close();
    }
  });

  it('our own cancel stops the transfer and tells the peer (CAN CAN)', async () => {
    const rb = runOnPty('rb', ['-q'], pty.b, work);
    const controller = new AbortController();
    const sending = sendYmodem(link, [{ name: 'big.bin', data: randomBytes(2 * 1024 * 1024) }], {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done > 64 * 1024) controller.abort();
      },
    });
    const error = await sending.catch((e: unknown) => e);
    expect((error as StudioError).code).toBe('cancelled');
    const result = await rb.done;
    expect(result.code).not.toBe(0);
  });
});
