/**
 * A socat pty pair standing in for a cable. Ptys ignore baud, parity, stop bits and DTR/RTS, so
 * tests over them check the bytes, never the line settings.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PtyPair {
  dir: string;
  a: string;
  b: string;
  close(): Promise<void>;
}

/** `names` puts the two links at chosen paths (a port a profile already names); socat removes them when it ends. */
export async function openPtyPair(names?: { a: string; b: string }): Promise<PtyPair> {
  const dir = names ? path.dirname(names.a) : fs.mkdtempSync(path.join(os.tmpdir(), 'studio-pty-'));
  const a = names?.a ?? path.join(dir, 'a');
  const b = names?.b ?? path.join(dir, 'b');
  const child: ChildProcess = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: 'ignore' });
  const started = Date.now();
  while (!(fs.existsSync(a) && fs.existsSync(b))) {
    if (child.exitCode !== null) throw new Error(`socat exited with ${child.exitCode}`);
    if (Date.now() - started > 10_000) throw new Error('socat did not create the pty pair');
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    dir,
    a,
    b,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!names) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs a command with its stdin and stdout on a pty end (how lrzsz and stm32flash talk). */
export function runOnPty(
  command: string,
  args: string[],
  ptyPath: string,
  cwd: string,
): { done: Promise<{ code: number | null; stderr: string }>; child: ChildProcess } {
  const fd = fs.openSync(ptyPath, 'r+');
  const child = spawn(command, args, { cwd, stdio: [fd, fd, 'pipe'] });
  // Keep our own handle on the pty until the peer has gone and its last bytes are through: when
  // the last handle on a pty end closes, bytes still in flight can be lost (a real UART does
  // not vanish when the device's program ends).
  // Generous: on a loaded machine socat can take seconds to move the last byte.
  child.on('close', () => setTimeout(() => fs.closeSync(fd), 10_000).unref());
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  return { done, child };
}

/**
 * Resolves once the studio's receiver, on the other end, asks for data ('C' or NAK). A sender
 * (sb, sx) started only then cannot give up while a loaded machine is still starting the studio;
 * the receiver repeats its request every few seconds, so the one read here is not missed.
 */
export async function receiverAsking(peerEnd: string, timeoutMs = 240_000): Promise<void> {
  const fd = fs.openSync(peerEnd, fs.constants.O_RDWR | fs.constants.O_NOCTTY | fs.constants.O_NONBLOCK);
  const byte = Buffer.alloc(1);
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      let got = 0;
      try {
        got = fs.readSync(fd, byte, 0, 1, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      }
      if (got === 1 && (byte[0] === 0x43 || byte[0] === 0x15)) return;
      if (Date.now() > deadline) throw new Error('the studio never asked for data');
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    fs.closeSync(fd);
  }
}
