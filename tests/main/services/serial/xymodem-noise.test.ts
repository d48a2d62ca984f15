/** A block corrupted on the line (by a relay between two pty pairs) is retried and the file still arrives intact. */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { openSerialLink } from '../../../../src/main/services/serial/link/serial-port-link.ts';
import { receiveYmodem } from '../../../../src/main/services/serial/xymodem/receiver.ts';
import { sendYmodem } from '../../../../src/main/services/serial/xymodem/sender.ts';
import { runOnPty } from './pty.ts';
import { openRelay } from './relay.ts';

const NAK = 0x15;

it('sending to rb: the corrupted block is NAKed, sent again, and the file arrives byte-identical', async () => {
  const relay = await openRelay({ corruptAt: 5000 });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-noise-'));
  const link = await openSerialLink({ path: relay.studioEnd });
  try {
    const data = randomBytes(40_000);
    const rb = runOnPty('rb', ['-q'], relay.peerEnd, work);
    await sendYmodem(link, [{ name: 'noisy.bin', data }]);
    expect((await rb.done).code).toBe(0);
    expect(fs.readFileSync(path.join(work, 'noisy.bin')).equals(data)).toBe(true);
    expect(relay.fromPeer.filter((b) => b === NAK).length).toBeGreaterThanOrEqual(1);
  } finally {
    await link.close();
    await relay.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
});

it('receiving from sb: our receiver NAKs the corrupted block and sb sends it again', async () => {
  // The relay corrupts one direction only: sb sits on its first end here so that its blocks cross it.
  const relay = await openRelay({ corruptAt: 3000 });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-noise-'));
  const link = await openSerialLink({ path: relay.peerEnd });
  try {
    const data = randomBytes(30_000);
    fs.writeFileSync(path.join(work, 'log.bin'), data);
    const sb = runOnPty('sb', ['-q', '-k', 'log.bin'], relay.studioEnd, work);
    const files = await receiveYmodem(link);
    expect((await sb.done).code).toBe(0);
    expect(files[0]!.data.equals(data)).toBe(true);
    expect(relay.fromPeer.filter((b) => b === NAK).length).toBeGreaterThanOrEqual(1);
  } finally {
    await link.close();
    await relay.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
});
