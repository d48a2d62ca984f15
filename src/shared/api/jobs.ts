/**
 * Jobs: long work that runs in its own process, with progress, cancel and a typed end. Every kind
 * of job is declared here with what it ends with, so a request that starts one, the CLI that waits
 * for it and the screen that shows it all know its result's type without a cast.
 */
import { z } from 'zod';
import type { ErrorPayload } from '../errors.ts';
import type { ExportResult, LoudnessResult, NormalizeResult, RenderedProgramme } from './audio.ts';
import { request } from './define.ts';
import type { Asset, BackupResult } from './library-types.ts';
import type { ImportedPackage } from './package.ts';
import type { TtsResult, Voice } from './tts.ts';
import type { TranslationJobResults } from './translation.ts';
import type { UpdatesJobResults } from './updates.ts';
import type { SerialJobResults } from './serial.ts';
import type { LedJobResults } from './led.ts';

/** Jobs running at once in one studio (each is a process); more are refused as `busy`. */
export const MAX_RUNNING_JOBS = 16;
export const JOB_STATES = ['running', 'done', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** What each kind of job ends with. */
export interface JobResults extends TranslationJobResults, UpdatesJobResults, SerialJobResults, LedJobResults {
  'audio.import': Asset;
  'audio.peaks': { peaks: string };
  'audio.loudness': LoudnessResult;
  'audio.normalize': NormalizeResult;
  'audio.normalizeFile': ExportResult;
  'audio.export': ExportResult;
  'audio.preview': ExportResult;
  /** A bulletin's edited audio rendered (and normalised) for delivery. */
  'audio.renderBulletin': ExportResult;
  'programme.render': RenderedProgramme;
  'library.backup': BackupResult;
  /** Ids of the assets whose stored hash was corrected. */
  'library.checkHashes': number[];
  'package.import': ImportedPackage;
  'voice.install': Voice;
  'tts.preview': { file: string; durationSec: number; missingPhonemes: { phoneme: string; count: number }[] };
  'tts.synthesize': TtsResult;
}
export type JobKind = keyof JobResults;

/**
 * Work the studio starts for itself or for a moment's display (a waveform's peaks, a preview to
 * listen to, a measurement shown where it was asked for, the start-up hash check): it has a job
 * for its process and cancel, but it is not the user's to follow. The jobs panel lists only the
 * other kinds; the screen that started an internal job shows its outcome.
 */
export const INTERNAL_JOB_KINDS: ReadonlySet<JobKind> = new Set<JobKind>([
  'audio.peaks',
  'audio.preview',
  'audio.loudness',
  'tts.preview',
  'library.checkHashes',
  'translation.translate',
]);

/** True for a job the user asked for and follows (the jobs panel lists these). */
export const isUserJob = (job: { kind: JobKind }): boolean => !INTERNAL_JOB_KINDS.has(job.kind);

export interface JobInfo<K extends JobKind = JobKind> {
  id: string;
  kind: K;
  /** What the job works on (a file name, a bulletin's title), shown beside its kind's name. */
  subject: string;
  state: JobState;
  /** 0..1, or null when the work cannot tell how far it is. */
  progress: number | null;
  /** The stage the job is in, as a short code the screen may name (`decode`, `write`). */
  message: string;
  startedAt: string;
  finishedAt: string | null;
  result?: JobResults[K];
  error?: ErrorPayload;
}

/** Any job, its kind and result narrowed together (a `switch (job.kind)` types `job.result`). */
export type AnyJob = { [K in JobKind]: JobInfo<K> }[JobKind];

/** True when `job` is of `kind`: narrows its result's type without a cast. */
export const isJobOf = <K extends JobKind>(job: JobInfo, kind: K): job is JobInfo<K> => job.kind === kind;

const jobId = z.strictObject({ id: z.string().min(1).max(100) });

export const jobRequests = {
  'job.list': request<JobInfo[]>()(z.strictObject({})),
  'job.cancel': request<JobInfo>()(jobId),
  /** Answers when the job has finished, whichever way (done, failed or cancelled). */
  'job.wait': request<JobInfo>()(jobId),
} as const;
