import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../../shared/api/delivery.ts';
import type { LedBoard, LedJobResults, LedNotice } from '../../../shared/api/led.ts';
import type { JobInfo } from '../../../shared/api/jobs.ts';
import { ERROR_CODES, type ErrorCode } from '../../../shared/errors.ts';
import { api, ApiError } from '../../api/client.ts';
import { useAction } from '../../api/hooks.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { LedError } from './LedError.tsx';
import { useJob, type LedJob } from './useJob.ts';

/** A failed job's error as the screen words errors (its code; the job keeps no details). */
function jobError(job: Pick<JobInfo, 'state' | 'error'>): ApiError | null {
  if (job.state !== 'failed' && job.state !== 'cancelled') return null;
  const code = (ERROR_CODES as readonly string[]).includes(job.error?.code ?? '') ? (job.error!.code as ErrorCode) : 'internal';
  return new ApiError({ code, message: job.error?.message ?? '' });
}

function JobStatus<K extends keyof LedJobResults>({ job, done }: { job: LedJob<K> | null; done: (result: LedJobResults[K]) => string }) {
  const { t } = useTranslation('led');
  if (!job) return null;
  if (job.state === 'running')
    return (
      <div className="stack" data-testid="led-job-running">
        <ProgressBar value={job.progress} />
        <span className="muted small">{t('send.sending', { message: job.message })}</span>
        <button type="button" className="link" onClick={() => void api.call('job.cancel', { id: job.id })}>
          {t('send.cancel')}
        </button>
      </div>
    );
  if (job.state === 'done' && job.result)
    return (
      <p className="notice notice-ok" data-testid="led-job-done">
        {done(job.result)}
      </p>
    );
  return <LedError error={jobError(job)} />;
}

/** Send to a BX board (serial or TCP) and export PNG frames or a GIF: each a job with progress. */
export function OutputPanel({ notice, boards, beforeOutput }: { notice: LedNotice; boards: LedBoard[]; beforeOutput?: () => Promise<void> }) {
  const { t } = useTranslation('led');
  const sendable = boards.filter((b) => b.controller.kind === 'bx-tcp' || b.controller.kind === 'bx-serial');
  const [boardId, setBoardId] = useState<number | null>(notice.boardId && sendable.some((b) => b.id === notice.boardId) ? notice.boardId : (sendable[0]?.id ?? null));
  const sendJob = useJob('led.send');
  const send = useAction(async () => {
    if (boardId === null) return;
    await beforeOutput?.();
    sendJob.track(await api.call('led.send', { noticeId: notice.id, boardId }));
  });

  const [format, setFormat] = useState<'png' | 'gif'>('png');
  const [out, setOut] = useState('');
  const [fps, setFps] = useState(10);
  const exportJob = useJob('led.export');
  const exportAction = useAction(async () => {
    await beforeOutput?.();
    exportJob.track(await api.call('led.export', { noticeId: notice.id, format, out: out.trim(), fps }));
  });

  const [queued, setQueued] = useState<OutboxItem | null>(null);
  const deliver = useAction(async () => {
    setQueued(null);
    await beforeOutput?.();
    setQueued(await api.call('led.notice.deliver', { id: notice.id }));
  });

  return (
    <>
      <section className="card" data-testid="led-deliver">
        <h3>{t('deliver.title')}</h3>
        {notice.bulletinId === null ? (
          <p className="muted">{t('deliver.needsBulletin')}</p>
        ) : (
          <>
            <p className="muted small">{t('deliver.hint')}</p>
            <button type="button" disabled={deliver.busy} onClick={() => void deliver.run()} data-testid="led-deliver-button">
              {t('deliver.button')}
            </button>
          </>
        )}
        <LedError error={deliver.error} onClose={deliver.clearError} />
        {queued && (
          <p className="notice notice-ok" data-testid="led-deliver-queued">
            {t('deliver.queued')} <a href="#/outbox">{t('deliver.outbox')}</a>
          </p>
        )}
      </section>
      <section className="card" data-testid="led-send">
        <h3>{t('send.title')}</h3>
        {sendable.length === 0 ? (
          <p className="muted">{t('send.none')}</p>
        ) : (
          <div className="inline-form">
            <label>
              {t('send.board')}{' '}
              <select value={boardId ?? ''} onChange={(e) => setBoardId(Number(e.target.value))} data-testid="led-send-board">
                {sendable.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="primary" disabled={send.busy || sendJob.job?.state === 'running'} onClick={() => void send.run()} data-testid="led-send-button">
              {t('send.button')}
            </button>
          </div>
        )}
        <LedError error={send.error} onClose={send.clearError} />
        <JobStatus job={sendJob.job} done={(result) => t('send.done', { frames: result.frames, retries: result.retries })} />
      </section>
      <section className="card" data-testid="led-export">
        <h3>{t('export.title')}</h3>
        <div className="form">
          <div className="form-row">
            <label>
              {t('export.format')}
              <select value={format} onChange={(e) => setFormat(e.target.value as 'png' | 'gif')} data-testid="led-export-format">
                <option value="png">{t('export.png')}</option>
                <option value="gif">{t('export.gif')}</option>
              </select>
            </label>
            <label>
              {t('export.fps')}
              <input type="number" min={1} max={50} value={fps} onChange={(e) => setFps(Number(e.target.value) || 1)} />
            </label>
          </div>
          <label>
            {t('export.out')}
            <input value={out} onChange={(e) => setOut(e.target.value)} placeholder={format === 'png' ? t('export.outPlaceholderPng') : t('export.outPlaceholderGif')} data-testid="led-export-out" />
          </label>
          <div>
            <button type="button" disabled={!out.trim() || exportAction.busy || exportJob.job?.state === 'running'} onClick={() => void exportAction.run()} data-testid="led-export-button">
              {t('export.button')}
            </button>
          </div>
        </div>
        <LedError error={exportAction.error} onClose={exportAction.clearError} />
        <JobStatus job={exportJob.job} done={(result) => t('export.done', { frames: result.frames, path: result.path })} />
      </section>
    </>
  );
}
