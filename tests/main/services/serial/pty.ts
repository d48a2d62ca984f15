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
