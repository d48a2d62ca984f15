import Database from 'better-sqlite3';
import { execFileSync, fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ChildLauncher } from '../../../../src/main/services/jobs/child-link.ts';
import { JobManager } from '../../../../src/main/services/jobs/job-manager.ts';
import type { JobInfo } from '../../../../src/shared/api/jobs.ts';
import { useTestStudio } from '../../../helpers/studio.ts';

describe('jobs', () => {
  const studio = useTestStudio();

  /** Starts a test worker from tests/fixtures/jobs; any declared kind does, the runner treats every kind alike. */
  const startFixture = (worker: string, subject: string, input: unknown) =>
    studio.services.jobs.start({ kind: 'audio.peaks', subject, worker: new URL(`../../../fixtures/jobs/${worker}.worker.ts`, import.meta.url), input });

  function collectEvents() {
    const seen: { name: string; job: JobInfo }[] = [];
    studio.events.subscribe((event) => {
      if (event.name === 'job.progress' || event.name === 'job.finished') seen.push({ name: event.name, job: event.payload });
    });
    return seen;
  }

  it('backs the library up in a job process with progress and a final result', async () => {
    for (let i = 0; i < 200; i++) await studio.call('bulletin.create', { title: `Bản tin ${i}`, script: 'Nội dung '.repeat(200) });
    const events = collectEvents();
    const started = await studio.call('library.backup', { destDir: path.join(studio.dataDir, 'backups') });
    expect(started.state).toBe('running');
    const done = await studio.services.jobs.wait(started.id);
    expect(done).toMatchObject({ state: 'done', progress: 1 });
    const { folder } = done.result as { folder: string };
    const copy = new Database(path.join(folder, 'studio.sqlite'), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) FROM bulletins').pluck().get()).toBe(200);
    copy.close();
    expect(events.some((e) => e.name === 'job.progress' && e.job.id === started.id)).toBe(true);
    expect(events.at(-1)).toMatchObject({ name: 'job.finished', job: { id: started.id, state: 'done' } });
    expect((await studio.call('job.list', {})).find((j) => j.id === started.id)?.state).toBe('done');
  });

  it('imports a WAV file as an asset, hashed and probed', async () => {
    const wav = path.join(studio.dataDir, 'in.wav');
    execFileSync('sox', ['-n', '-r', '44100', '-c', '1', '-b', '24', wav, 'synth', '1.25', 'sine', '440']);
    // asset.import is gone: audio.import is the one import path (it names an asset without its extension unless told).
    const job = await studio.call('audio.import', { path: wav, name: 'in.wav' });
    const done = await studio.services.jobs.wait(job.id);
    expect(done.state).toBe('done');
    const asset = await studio.services.jobs.result(job);
    expect(await studio.call('asset.get', { id: asset.id })).toMatchObject({ sampleRate: 44100, channels: 1, durationSec: 1.25, name: 'in.wav' });
    const expected = execFileSync('sha256sum', [wav]).toString().split(' ')[0];
    expect(asset.sha256).toBe(expected);
    expect(fs.existsSync(path.join(studio.dataDir, asset.file))).toBe(true);
  });

  it('fails cleanly on a corrupt file and leaves nothing behind', async () => {
    const bad = path.join(studio.dataDir, 'bad.wav');
    fs.writeFileSync(bad, Buffer.from('RIFF\x10\x00\x00\x00WAVEjunkjunk'));
    const job = await studio.call('audio.import', { path: bad });
    const done = await studio.services.jobs.wait(job.id);
    expect(done).toMatchObject({ state: 'failed', error: { code: 'audio_corrupt' } });
    expect(await studio.call('asset.list', {})).toEqual([]);
    const leftovers = fs.existsSync(path.join(studio.dataDir, 'assets')) ? fs.readdirSync(path.join(studio.dataDir, 'assets')) : [];
    expect(leftovers).toEqual([]);
  });

  it('cancels a running job', async () => {
    const big = path.join(studio.dataDir, 'long.wav');
    execFileSync('sox', ['-n', '-r', '48000', '-c', '2', '-b', '16', big, 'synth', '120', 'whitenoise', 'vol', '0.1']);
    const job = await studio.call('audio.import', { path: big });
    await studio.call('job.cancel', { id: job.id });
    const done = await studio.services.jobs.wait(job.id);
    expect(done.state).toBe('cancelled');
    expect(await studio.call('asset.list', {})).toEqual([]);
    await expect(studio.call('job.cancel', { id: 'no-such-job' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('stops a job that ignores cancel, and reports it cancelled', async () => {
    const job = startFixture('stubborn', 'stubborn', { seconds: 20 });
    await new Promise((resolve) => setTimeout(resolve, 800));
    const started = Date.now();
    studio.services.jobs.cancel(job.id);
    const done = await studio.services.jobs.wait(job.id);
    expect(done.state).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  // Issue 8, item 1: a worker's abort took the whole host down (jobs ran in worker threads).
  it.each(['exit', 'abort', 'kill', 'uncaught'] as const)('item 1: a job whose process dies (%s) fails with worker_crashed, and the studio keeps working', async (how) => {
    const job = startFixture('crashing', 'crash', { how });
    const done = await studio.services.jobs.wait(job.id);
    expect(done).toMatchObject({ state: 'failed', error: { code: 'worker_crashed' } });
    expect((await studio.call('bulletin.create', { title: 'Vẫn chạy' })).title).toBe('Vẫn chạy');
  });

  it('item 1: a V8 fatal error in a job (an array grown past its limit) fails only that job', async () => {
    const job = startFixture('crashing', 'grow', { how: 'grow-array' });
    const done = await studio.services.jobs.wait(job.id);
    expect(done).toMatchObject({ state: 'failed', error: { code: 'worker_crashed' } });
    expect((await studio.call('bulletin.create', { title: 'Vẫn chạy' })).title).toBe('Vẫn chạy');
  }, 120_000);

  it('cancels a synchronous loop in its process, which then cleans up (no kill needed)', async () => {
    const cleanedUp = path.join(studio.dataDir, 'cleaned-up');
    const job = startFixture('busy-loop', 'busy', { cleanedUp });
    // Wait until the loop runs (its process has started), then cancel.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    studio.services.jobs.cancel(job.id);
    const done = await studio.services.jobs.wait(job.id);
    expect(done.state).toBe('cancelled');
    expect(fs.readFileSync(cleanedUp, 'utf8')).toBe('yes');
  });

  it('thins out a job\'s progress reports but never a milestone, so a short stage is still seen', async () => {
    const stages = ['erase', 'write', 'verify', 'finish'];
    const events = collectEvents();
    const job = startFixture('stages', 'stages', { stages });
    const done = await studio.services.jobs.wait(job.id);
    expect(done.state).toBe('done');
    const seen = events.filter((e) => e.name === 'job.progress' && e.job.id === job.id).map((e) => e.job.message);
    for (const stage of stages) expect(seen).toContain(`${stage} 0`);
    // 204 reports in a few milliseconds: most of them are dropped.
    expect(seen.length).toBeLessThan(100);
  });

  it('kills running jobs on close', async () => {
    const job = startFixture('stubborn', 'stubborn', { seconds: 60 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await studio.services.jobs.close();
    expect((await studio.services.jobs.wait(job.id)).state).toBe('failed');
  });

  it('starts a job and the child it asks for with the launcher it is given, children that talk through process.parentPort as in Electron', async () => {
    // What Electron's utility processes are, as the shell suite's stand-in runs them: Node with
    // process.parentPort and no process.send for the child's code to rely on.
    const parentPortShim = fileURLToPath(new URL('../../../shell/stand-in/parent-port.mjs', import.meta.url));
    const launched: string[] = [];
    const utilityLike: ChildLauncher = (modulePath, env) => {
      launched.push(path.basename(modulePath));
      const child = fork(modulePath, [], { env: { ...process.env, ...env }, execArgv: ['--import', parentPortShim], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      return {
        send: (message) => void (child.connected && child.send(message as never)),
        onMessage: (listener) => void child.on('message', listener),
        onExit: (listener) => void child.once('close', (code, signal) => listener(signal ?? `exit code ${code}`)),
        kill: () => void child.kill(),
      };
    };
    const manager = new JobManager(() => undefined, utilityLike);
    try {
      const job = manager.start({ kind: 'audio.peaks', subject: 'child', worker: new URL('../../../fixtures/jobs/with-child.worker.ts', import.meta.url), input: { text: 'xin chào' } });
      const done = await manager.wait(job.id);
      expect(done, JSON.stringify(done.error)).toMatchObject({ state: 'done', result: { echo: 'XIN CHÀO', parentPort: true, jobParentPort: true } });
      // The job's process and its child both came from the launcher, not from a fork in the job.
      expect(launched).toEqual(['process-bootstrap.mjs', 'onnx-child-bootstrap.mjs']);
    } finally {
      await manager.close();
    }
  });
});
