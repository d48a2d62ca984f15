import type { JobInfo } from '../../../shared/domain.ts';
import { api, ApiError } from '../../api/client.ts';

/**
 * Resolves with a job's result once it finishes; rejects with its error (or on cancel). Subscribes
 * before checking the job list, so a job that ends in between is not missed.
 */
export function waitForJob<R>(job: JobInfo): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    let done = false;
    const settle = (info: JobInfo) => {
      if (done || info.id !== job.id || info.state === 'running') return;
      done = true;
      unsubscribe();
      if (info.state === 'done') resolve(info.result as R);
      else
        reject(
          new ApiError({
            code: info.state === 'cancelled' ? 'cancelled' : ((info.error?.code ?? 'internal') as ApiError['payload']['code']),
            message: info.error?.message ?? '',
          }),
        );
    };
    const unsubscribe = api.onEvent('job.finished', settle);
    api.call('job.list', {}).then((jobs) => jobs.forEach(settle), () => undefined);
  });
}
