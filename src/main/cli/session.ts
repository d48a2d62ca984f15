import type { Command } from 'commander';
import os from 'node:os';
import type { Arg, RequestName, Result } from '../../shared/api/index.ts';
import { awaitJob } from '../../shared/api/job-result.ts';
import type { JobInfo, JobKind, JobResults } from '../../shared/api/jobs.ts';
import { describeError, StudioError, systemErrorToStudioError, technicalDetail } from '../../shared/errors.ts';
import type { LazyStudio } from '../studio-lazy.ts';

let studio: LazyStudio | null = null;
let dataDirFor: () => string = () => '';

/**
 * Opens the studio lazily on first use, so `studio --help` touches no database; its module too is
 * loaded then, so that help and argument errors do not wait for every service to load. Only the
 * core services are built; a command that needs speech, delivery, serial… loads them with its
 * first request (studio-lazy.ts), so `studio search` loads none of their code.
 */
export async function call<N extends RequestName>(command: Command, name: N, arg: Arg<N>): Promise<Result<N>> {
  const options = command.optsWithGlobals() as { dataDir?: string; as?: string };
  if (!studio) {
    const { openStudioLazily } = await import('../studio-lazy.ts');
    studio ??= openStudioLazily({ dataDir: options.dataDir ?? dataDirFor(), transport: 'cli' });
  }
  const actor = options.as ?? (studio.services.settings.get().userName || `cli:${os.userInfo().username}`);
  const response = await studio.dispatch(name, arg, { actor });
  if (!response.ok) throw new StudioError(response.error.code, response.error.message, response.error.details);
  return response.result as Result<N>;
}

/** The running studio, for commands that listen to its events. */
export const currentStudio = (): LazyStudio | null => studio;

/**
 * Waits for a job through dispatch (`job.wait`), showing its progress on stderr when that is a
 * terminal, and returns its result, typed by the job's kind; its error is thrown.
 */
export async function followJob<K extends JobKind>(command: Command, job: JobInfo<K>): Promise<JobResults[K]> {
  const stop = studio?.events.subscribe((event) => {
    if (event.name !== 'job.progress' || event.payload.id !== job.id || event.payload.progress === null || !process.stderr.isTTY) return;
    process.stderr.write(`\r${Math.round(event.payload.progress * 100)}% ${event.payload.message}   `);
  });
  // Ctrl+C cancels the job (it stops cleanly) rather than killing the studio mid-write.
  const cancel = () => void call(command, 'job.cancel', { id: job.id });
  process.once('SIGINT', cancel);
  try {
    return await awaitJob((name, arg) => call(command, name, arg), job, (error) => new StudioError(error.code, error.message, error.details));
  } finally {
    process.off('SIGINT', cancel);
    stop?.();
    if (process.stderr.isTTY) process.stderr.write('\n');
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Runs the parsed command; errors are printed in Vietnamese and English with exit code 1. */
export async function runCli(program: Command, defaultDataDir: () => string): Promise<void> {
  dataDirFor = defaultDataDir;
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    const typed = systemErrorToStudioError(error);
    if (typed) {
      const payload = typed.toPayload();
      process.stderr.write(`Lỗi: ${describeError(payload, 'vi')}\nError: ${describeError(payload, 'en')}\n`);
      if (technicalDetail(payload)) process.stderr.write(`(chi tiết / detail: ${technicalDetail(payload)})\n`);
    } else {
      process.stderr.write(`Lỗi: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    process.exitCode = 1;
  } finally {
    await studio?.close();
  }
}
