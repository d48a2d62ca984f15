/** Messages between the job manager and a job's process. */
/** `cancelFile` appears when the job is cancelled: a synchronous loop, which never lets a message in, sees it. */
export type ToWorker = { type: 'start'; input: unknown; cancelFile: string } | { type: 'cancel' };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; progress: number | null; message: string }
  | { type: 'done'; result: unknown }
  | { type: 'error'; error: { code: string; message: string } };

export interface WorkerStart<I = unknown> {
  /** Module that calls defineJobWorker; a .ts source is loaded through tsx. */
  entry: string;
  input: I;
}
