import type { TranslationJobResults } from '../../../shared/api/translation.ts';
import type { JobInfo } from '../../../shared/api/jobs.ts';
import { api, ApiError } from '../../api/client.ts';

/**
 * Resolves with a translation job's result, typed by its kind in the contract; rejects with its
 * error (or on cancel). `onProgress` follows the job's progress events.
 */
export function waitForTranslationJob<K extends keyof TranslationJobResults>(
  job: JobInfo,
  kind: K,
  onProgress?: (fraction: number) => void,
): Promise<TranslationJobResults[K]> {
  return new Promise((resolve, reject) => {
    let done = false;
    const stopProgress = api.onEvent('job.progress', (info) => info.id === job.id && onProgress?.(info.progress ?? 0));
    const settle = (info: JobInfo) => {
      if (done || info.id !== job.id || info.state === 'running') return;
      done = true;
      unsubscribe();
      stopProgress();
      if (info.state === 'done' && info.kind === kind) resolve(info.result as TranslationJobResults[K]);
      else reject(new ApiError({ code: info.state === 'cancelled' ? 'cancelled' : ((info.error?.code ?? 'internal') as ApiError['payload']['code']), message: info.error?.message ?? '' }));
    };
    const unsubscribe = api.onEvent('job.finished', settle);
    api.call('job.list', {}).then((jobs) => jobs.forEach(settle), () => undefined);
  });
}
