/**
 * Issue 8, item 11 (CLI parts): user-named files that used to hang the CLI or fill its memory,
 * backup destinations it used to create or hang on, and a read-only data folder that ended the
 * program with SQLite's stack.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startHost } from '../../helpers/browser-host.ts';
import { runStudio } from '../../helpers/cli.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

/** Root may write anywhere; a read-only folder is only read-only to an ordinary user. */
const unprivileged = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

const expectCleanFailure = (run: { status: number | null; stderr: string }, english: string) => {
  expect(run.status).toBe(1);
  expect(run.stderr).toContain(english);
  expect(run.stderr).not.toMatch(/\n\s+at /); // never a stack
};

describe('CLI: user-named files and folders', () => {
  const temp = makeTempDir();
  const dataDir = path.join(temp.dir, 'data');
  afterAll(() => temp.remove());

  it('--script-file /dev/zero ends at once with not_a_file instead of filling memory', () => {
    expectCleanFailure(runStudio(dataDir, ['bulletin', 'create', '--title', 'X', '--script-file', '/dev/zero']), 'Not a regular file');
  });

  it('--script-file naming a FIFO or a folder is refused instead of hanging', () => {
    const fifo = path.join(temp.dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    expectCleanFailure(runStudio(dataDir, ['bulletin', 'create', '--title', 'X', '--script-file', fifo]), 'Not a regular file');
    expectCleanFailure(runStudio(dataDir, ['bulletin', 'create', '--title', 'X', '--script-file', temp.dir]), 'Not a regular file');
    expectCleanFailure(runStudio(dataDir, ['read-as', '--file', fifo]), 'Not a regular file');
  });

  it('a script file larger than the longest script is refused as too_large', () => {
    const big = path.join(temp.dir, 'big.txt');
    fs.writeFileSync(big, 'a'.repeat(1024 * 1024));
    expectCleanFailure(runStudio(dataDir, ['bulletin', 'create', '--title', 'X', '--script-file', big]), 'Input or file too large');
    expectCleanFailure(runStudio(dataDir, ['bulletin', 'create', '--title', 'X', '--script-file', '-'], 'b'.repeat(1024 * 1024)), 'Input or file too large');
  });

  it('backup /proc is refused; backup /nonexistent/deep/dir creates nothing', () => {
    expectCleanFailure(runStudio(dataDir, ['backup', '/proc']), 'Invalid input');
    const deep = path.join(temp.dir, 'nonexistent', 'deep', 'dir');
    expectCleanFailure(runStudio(dataDir, ['backup', deep]), 'Not found');
    expect(fs.existsSync(path.join(temp.dir, 'nonexistent'))).toBe(false);
    const list = runStudio(dataDir, ['bulletin', 'list', '--json']);
    expect(JSON.parse(list.stdout)).toEqual([]);
  });
});

describe('a read-only data folder', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  const prepare = (name: string) => {
    const dataDir = path.join(temp.dir, name);
    // A real library made by its owner, then opened by someone who may only read it.
    expect(runStudio(dataDir, ['bulletin', 'create', '--title', 'Có sẵn']).status).toBe(0);
    for (const entry of fs.readdirSync(dataDir)) fs.chmodSync(path.join(dataDir, entry), 0o444);
    fs.chmodSync(dataDir, 0o555);
    fs.chmodSync(temp.dir, 0o755);
    return dataDir;
  };

  it('the CLI says so in words, with read_only, and no SQLite stack', () => {
    const dataDir = prepare('cli');
    const run = spawnSync(process.execPath, ['bin/studio.js', 'bulletin', 'list'], {
      cwd: REPO_ROOT,
      env: { ...process.env, STUDIO_DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 60_000,
      ...unprivileged,
    });
    expectCleanFailure({ status: run.status, stderr: run.stderr }, 'The data folder is read-only');
    expect(run.stderr).toContain('Thư mục dữ liệu chỉ đọc');
  });

  it('the browser-mode host says so and exits 1, instead of a raw stack', async () => {
    const dataDir = prepare('host');
    const failure = await startHost(dataDir, {}, unprivileged).then(
      async (host) => {
        await host.stop();
        return '';
      },
      (error: Error) => error.message,
    );
    expect(failure).toContain('host exited with 1');
    expect(failure).toContain('The data folder is read-only');
    expect(failure).not.toMatch(/\n\s+at /);
  });
});
