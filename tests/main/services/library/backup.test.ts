import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JobInfo } from '../../../../src/shared/api/jobs.ts';
import { REPO_ROOT } from '../../../helpers/browser-host.ts';
import { useTestStudio } from '../../../helpers/studio.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

/** Root may write anywhere: the refusal is tried as an ordinary user (as the CLI robustness suite does). */
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;
const unprivileged = asRoot ? { uid: NOBODY, gid: NOBODY } : {};

describe('library backup', () => {
  const studio = useTestStudio();

  it('a long backup stops on cancel and leaves no partial folder behind', async () => {
    const assets = path.join(studio.dataDir, 'assets');
    fs.mkdirSync(assets, { recursive: true });
    const block = Buffer.alloc(1024 * 1024, 7);
    for (let i = 0; i < 8; i++) fs.writeFileSync(path.join(assets, `tin-${i}.wav`), block);
    // One "file" is a named pipe held open by the test: copying it cannot end while the test keeps
    // its end open, so the cancel below always arrives before the backup could finish.
    const slow = path.join(assets, 'tin-cham.wav');
    execFileSync('mkfifo', [slow]);
    const openPipe = async () => {
      const end = await fs.promises.open(slow, 'r+'); // read-write: never blocks, even with no reader
      await end.write(Buffer.alloc(4096, 7));
      return end;
    };
    let pipe = await openPipe();
    const dest = path.join(studio.dataDir, 'sao-luu');
    const job = await studio.call('library.backup', { destDir: dest });
    await studio.call('job.cancel', { id: job.id });
    // Closing lets a copy that is reading the pipe end (and the job then sees the cancel); should the
    // copy open the pipe only after a close, the next open lets it through.
    for (;;) {
      await pipe.close();
      if (studio.services.jobs.list().find((j) => j.id === job.id)?.state !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
      pipe = await openPipe();
    }
    const ended = await studio.services.jobs.wait(job.id);
    expect(ended.state).toBe('cancelled');
    expect(fs.readdirSync(dest)).toEqual([]);
  });

  it('a successful backup says where it went and what it holds', async () => {
    await studio.call('bulletin.create', { title: 'Thời tiết', script: 'Trời nắng.' });
    const job = await studio.call('library.backup', { destDir: path.join(studio.dataDir, 'sao-luu') });
    const result = await studio.services.jobs.result(job);
    expect(fs.existsSync(path.join(result.folder, 'studio.sqlite'))).toBe(true);
    expect(result.files).toBeGreaterThanOrEqual(1);
  });
});

describe('backup to a folder that cannot be written', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it('fails at once, before any job, with a Vietnamese reason, and writes nothing', () => {
    fs.chmodSync(temp.dir, 0o755);
    const dataDir = path.join(temp.dir, 'du-lieu');
    fs.mkdirSync(dataDir);
    if (asRoot) fs.chownSync(dataDir, NOBODY, NOBODY);
    const locked = path.join(temp.dir, 'khoa');
    fs.mkdirSync(locked);
    fs.chmodSync(locked, 0o555);
    {
      const run = spawnSync(process.execPath, ['bin/studio.js', 'backup', locked], {
        cwd: REPO_ROOT,
        env: { ...process.env, STUDIO_DATA_DIR: dataDir },
        encoding: 'utf8',
        timeout: 120_000,
        ...unprivileged,
      });
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr).toContain(`Không ghi được vào thư mục ${locked}`);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      // Refused before a job started: no job line, no progress.
      expect(run.stderr).not.toMatch(/%/);
    }
    expect(fs.readdirSync(locked)).toEqual([]);
  });
});
