/** Messages between the job manager and a job's process. */
import type { FromHost, ToHost } from './child-link.ts';

/**
 * `cancelFile` appears when the job is cancelled: a synchronous loop, which never lets a message
 * in, sees it. `host` carries the answers about children the manager started for the job.
 */
export type ToWorker = { type: 'start'; input: unknown; cancelFile: string } | { type: 'cancel' } | { type: 'host'; message: FromHost };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; progress: number | null; message: string }
  | { type: 'done'; result: unknown }
  | { type: 'error'; error: { code: string; message: string; details?: unknown } }
  /** The job needs a child process (the ONNX engine): only the manager holds the launcher. */
  | { type: 'host'; request: ToHost };
