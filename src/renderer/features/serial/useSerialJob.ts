import { useRef, useState } from 'react';
import { parseSerialProgress, type TransferProgress } from '../../../shared/api/serial.ts';
import type { JobInfo } from '../../../shared/api/jobs.ts';
import type { ErrorPayload } from '../../../shared/errors.ts';
import { useStudioEvent } from '../../api/hooks.ts';
import { fmt } from '../../components/useFormat.ts';

export interface LogLine {
  at: string;
  stage: string;
}

export interface SerialJobView {
  job: JobInfo | null;
  detail: TransferProgress | null;
  /** Bytes per second over the current stage (write, verify, transfer). */
  speed: number | null;
  /** One line per stage the job went through. */
  log: LogLine[];
  error: ErrorPayload | null;
  start(job: JobInfo): void;
  reset(): void;
}

/** Follows one serial job (send or flash) through the job.* events: stage, bytes, speed, a log, the error. */
export function useSerialJob(): SerialJobView {
  const [job, setJob] = useState<JobInfo | null>(null);
  const [detail, setDetail] = useState<TransferProgress | null>(null);
  const [speed, setSpeed] = useState<number | null>(null);
  const [log, setLog] = useState<LogLine[]>([]);
  const stageStart = useRef<{ stage: string; at: number; done: number } | null>(null);

  const follow = (update: JobInfo) => {
    if (update.id !== job?.id) return;
    setJob(update);
    const parsed = parseSerialProgress(update.message);
    if (!parsed) return;
    setDetail(parsed);
    const now = Date.now();
    if (stageStart.current?.stage !== parsed.stage) {
      stageStart.current = { stage: parsed.stage, at: now, done: parsed.done };
      setLog((lines) => [...lines, { at: fmt.time(new Date(), true), stage: parsed.stage }]);
      setSpeed(null);
    } else if (parsed.total > 1 && now - stageStart.current.at > 300) {
      setSpeed(((parsed.done - stageStart.current.done) * 1000) / (now - stageStart.current.at));
    }
  };
  useStudioEvent('job.progress', follow);
  useStudioEvent('job.finished', follow);

  const error = job && (job.state === 'failed' || job.state === 'cancelled') && job.error ? (job.error as ErrorPayload) : null;
  return {
    job,
    detail,
    speed,
    log,
    error,
    start(started) {
      stageStart.current = null;
      setDetail(null);
      setSpeed(null);
      setLog([]);
      setJob(started);
    },
    reset() {
      setJob(null);
      setLog([]);
      setDetail(null);
    },
  };
}

/** 48 KiB, 1.2 MiB. */
export const bytes = (n: number) => (n < 1024 * 1024 ? `${fmt.number(n / 1024, { digits: n < 10 * 1024 ? 1 : 0 })} KiB` : `${fmt.number(n / 1024 / 1024, { digits: 1 })} MiB`);
