/**
 * Test fixtures for the source connector: the reference server as a real child process (so it
 * can be killed with -9 and restarted on the same port), tokens, and approved bulletins whose
 * audio is a file of a given size in the studio's data directory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Bulletin, Priority } from '../../../../../src/shared/api/library-types.ts';
import { createToken, openSourceDb } from '../../../../../src/source-server/db.ts';
import { afterEach } from 'vitest';
import { startSourceServer, type SourceServer } from '../../../../../src/source-server/server.ts';
import type { TestStudio } from '../../../../helpers/studio.ts';
import { makeTempDir } from '../../../../helpers/temp-dir.ts';

const ROOT = path.resolve(import.meta.dirname, '../../../../..');
const SERVER_MAIN = path.join(ROOT, 'src/source-server/main.ts');

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  /** kill -9 and wait for the process to be gone. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

export async function startServerProcess(dataDir: string, options: { port?: number; tls?: { key: string; cert: string }; simulateStatus?: number } = {}): Promise<ServerProcess> {
  const args = ['--import', 'tsx', SERVER_MAIN, 'serve', '--data', dataDir, '--port', String(options.port ?? 0)];
  if (options.tls) args.push('--tls-key', options.tls.key, '--tls-cert', options.tls.cert);
  if (options.simulateStatus) args.push('--simulate-status', String(options.simulateStatus));
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`source server did not start:\n${output}`)), 30_000);
    const check = () => {
      const match = /listening on (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`source server exited (${code}):\n${output}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    port: Number(new URL(url).port),
    child,
    output: () => output,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export function issueToken(serverDataDir: string, account = 'xa-ban-ho', expiresAt: Date | null = null): string {
  const db = openSourceDb(serverDataDir);
  try {
    return createToken(db, account, { expiresAt });
  } finally {
    db.close();
  }
}

/** Random bytes stand in for audio: the protocol moves bytes and checks their sha256. */
export function writeAudioFile(dataDir: string, name: string, bytes: number): { file: string; sha256: string } {
  const dir = path.join(dataDir, 'audio');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'w');
  const block = 1024 * 1024;
  for (let written = 0; written < bytes; written += block) {
    const part = crypto.randomBytes(Math.min(block, bytes - written));
    hash.update(part);
    fs.writeSync(fd, part);
  }
  fs.closeSync(fd);
  return { file, sha256: hash.digest('hex') };
}

let counter = 0;

/** An approved bulletin whose audio asset is `bytes` long. */
export async function approvedBulletin(studio: TestStudio, options: { bytes: number; priority?: Priority; title?: string }): Promise<Bulletin> {
  counter += 1;
  const name = `bulletin-${process.pid}-${counter}.mp3`;
  const { file, sha256 } = writeAudioFile(studio.dataDir, name, options.bytes);
  const asset = studio.services.library.assets.add(
    { name, file: path.relative(studio.dataDir, file), sha256, bytes: options.bytes, durationSec: options.bytes / 16_000, sampleRate: 48_000, channels: 1 },
    'tester',
  );
  const bulletin = await studio.call('bulletin.create', {
    title: options.title ?? `Thông báo ${counter}`,
    category: 'health',
    language: 'vi',
    author: 'Nguyễn Văn An',
    priority: options.priority ?? 'normal',
    audioAssetId: asset.id,
  });
  await studio.call('bulletin.transition', { id: bulletin.id, to: 'submitted' });
  return studio.call('bulletin.transition', { id: bulletin.id, to: 'approved', approver: 'Trần Thị Bình' });
}

/** Polls (bounded) until `check` returns a value. */
export async function waitFor<T>(
  check: () => T | undefined | null | false,
  what: string,
  timeoutMs = 60_000,
  everyMs = 50,
  explain: () => string = () => '',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} ${explain()}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/**
 * A reference server in this process for each test, closed after it. `connect()` starts it and
 * points the studio at it with a fresh token (1 MiB chunks, so small files still take several).
 */
export function useReferenceServer(studio: TestStudio) {
  let dir: ReturnType<typeof makeTempDir> | null = null;
  let current: SourceServer | null = null;
  afterEach(async () => {
    await current?.close();
    dir?.remove();
    current = null;
    dir = null;
  });
  return {
    get server(): SourceServer {
      if (!current) throw new Error('useReferenceServer: call connect() first');
      return current;
    },
    /** The server's own data directory (its uploads and database). */
    get dataDir(): string {
      if (!dir) throw new Error('useReferenceServer: call connect() first');
      return dir.dir;
    },
    async connect(account = 'xa-ban-ho'): Promise<string> {
      dir = makeTempDir('source-server-');
      current = await startSourceServer({ dataDir: dir.dir, log: () => undefined });
      const token = createToken(current.db, account);
      await studio.call('delivery.settings.update', { serverUrl: current.url, token, chunkSizeMiB: 1 });
      return token;
    },
  };
}
