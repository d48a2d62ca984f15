import { describe, expect, it } from 'vitest';
import { JobManager } from '../../../../src/main/services/jobs/job-manager.ts';
import { MAX_RUNNING_JOBS, type JobInfo } from '../../../../src/shared/api/jobs.ts';
import { StudioError } from '../../../../src/shared/errors.ts';

/** In-process tasks (an update download): jobs to the user, run in the main process. */
describe('JobManager.startTask', () => {
  const manager = () => {
    const events: { name: string; job: JobInfo }[] = [];
    return { jobs: new JobManager((name, job) => events.push({ name, job })), events };
  };

  it('reports progress and finishes with the result', async () => {
    const { jobs, events } = manager();
    const info = jobs.startTask({
      kind: 'updates.download',
      subject: 't',
      run: async (report) => {
        report(0.25, '25%');
        await new Promise((resolve) => setTimeout(resolve, 10));
        report(0.75, '75%');
        return { version: '0.2.0' };
      },
    });
    expect(info.state).toBe('running');
    expect(await jobs.wait(info.id)).toMatchObject({ state: 'done', progress: 1, result: { version: '0.2.0' } });
    expect(events.filter((e) => e.name === 'job.progress').map((e) => e.job.progress)).toEqual([0, 0.25, 0.75]);
    expect(events.at(-1)).toMatchObject({ name: 'job.finished', job: { id: info.id, state: 'done' } });
  });

  it('cancel aborts the signal at once; a failure keeps its code and details', async () => {
    const { jobs } = manager();
    const cancelled = jobs.startTask({
      kind: 'updates.download',
      subject: 't',
      run: (_report, signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')))),
    });
    expect(jobs.cancel(cancelled.id).state).toBe('running');
    expect(await jobs.wait(cancelled.id)).toMatchObject({ state: 'cancelled', error: { code: 'cancelled' } });

    const failed = jobs.startTask({ kind: 'updates.download', subject: 't', run: async () => Promise.reject(new StudioError('update_file_altered', 'updates.sha512_mismatch', { reason: 'sha512_mismatch' })) });
    expect(await jobs.wait(failed.id)).toMatchObject({ state: 'failed', error: { code: 'update_file_altered', details: { reason: 'sha512_mismatch' } } });
  });

  it('counts against the running-jobs cap and is stopped by close()', async () => {
    const { jobs } = manager();
    const forever = () => jobs.startTask({ kind: 'updates.download', subject: 't', run: (_r, signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('stopped')))) });
    const started = Array.from({ length: MAX_RUNNING_JOBS }, forever);
    expect(forever).toThrow(expect.objectContaining({ code: 'busy' }));
    await jobs.close();
    for (const job of started) expect((await jobs.wait(job.id)).state).toBe('cancelled');
  });
});
