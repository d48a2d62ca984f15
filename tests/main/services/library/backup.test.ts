import { spawnSync } from 'node:child_process';
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
    // Enough audio files that the copy outlasts the cancel's round trip on a loaded machine.
    const assets = path.join(studio.dataDir, 'assets');
    fs.mkdirSync(assets, { recursive: true });
    // Many files: the job checks for a cancel between files, so a cancel sent at the first file
    // of the audio half lands with most of the copy still to do, however fast the disk.
    const block = Buffer.alloc(2 * 1024 * 1024, 7);
    for (let i = 0; i < 120; i++) fs.writeFileSync(path.join(assets, `tin-${i}.wav`), block);
    const dest = path.join(studio.dataDir, 'sao-luu');
    let jobId: string | null = null;
    let cancelSent: Promise<unknown> | null = null;
    studio.events.subscribe((event) => {
      const info = event.payload as JobInfo;
      // Cancelled from inside the progress event itself, not after another turn of awaits.
      if (event.name === 'job.progress' && info.kind === 'library.backup' && (info.progress ?? 0) > 0.5 && !cancelSent && info.id === jobId) {
        cancelSent = studio.call('job.cancel', { id: info.id });
      }
    });
    const job = await studio.call('library.backup', { destDir: dest });
    jobId = job.id;
    await expect.poll(() => cancelSent !== null, { timeout: 120_000 }).toBe(true);
    await cancelSent;
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
