/**
 * The outbox worker: one loop in the main process that takes the most urgent due item, hands it
 * to its connector, and records the outcome. Uploads are network-bound (no heavy CPU), so this
 * is async I/O on the main thread rather than a job thread. Starting it only reads one row;
 * close() aborts the upload in flight (its resume state is already saved) and waits.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { OutboxItem } from '../../../shared/api/delivery.ts';
import { StudioError } from '../../../shared/errors.ts';
import type { StudioEvents } from '../../../shared/events.ts';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.ts';
import type { Connector, SendResult } from './connector.ts';
import type { OutboxLease } from './outbox-lease.ts';
import type { DueItem, OutboxStore } from './outbox-store.ts';

export interface ConnectorHooks {
  /** Body bytes written to the wire for the current item (re-sends included). */
  onWireBytes(bytes: number): void;
}

export interface OutboxRunnerOptions {
  store: OutboxStore;
  /** Only the lease holder sends; others look again now and then in case the holder exits. */
  lease: OutboxLease;
  dataDir: string;
  connectorFor(item: OutboxItem, hooks: ConnectorHooks): Connector | Promise<Connector>;
  emit<N extends 'outbox.changed' | 'outbox.progress'>(name: N, payload: StudioEvents[N]): void;
  onDelivered?(item: OutboxItem, result: SendResult): void;
  backoff?: BackoffOptions;
  log?(line: string): void;
}

const PROGRESS_EVERY_MS = 250;
const LEASE_RETRY_MS = 2_000;
const IDLE_POLL_MS = 5_000;

export class OutboxRunner {
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeTimer: NodeJS.Timeout | null = null;
  private wakeUp: (() => void) | null = null;
  private current: { id: number; rank: number; controller: AbortController } | null = null;

  constructor(private readonly options: OutboxRunnerOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    // A failure of the loop itself (the database closed under it) stops sending, never the app.
    this.loop = this.run().catch((error: unknown) => {
      if (this.running) console.error('[delivery] outbox worker stopped:', error instanceof Error ? error.message : error);
      this.running = false;
    });
  }

  /**
   * Waits (sleeping, wakeable) until this process holds the outbox lease. Meanwhile it relays
   * the changes the holder makes, so a CLI waiting on an item another process sends still hears
   * how it went.
   */
  private async acquireLease(): Promise<boolean> {
    let seen = new Date().toISOString();
    while (this.running) {
      if (this.options.lease.tryAcquire()) return true;
      await this.sleepUntil(Date.now() + LEASE_RETRY_MS);
      const changed = this.options.store.changedSince(seen);
      for (const item of changed) {
        this.options.emit('outbox.changed', item);
        if (item.updatedAt > seen) seen = item.updatedAt;
      }
    }
    return false;
  }

  /** Look for due work now (after enqueue or retry). An emergency item pre-empts a lesser upload. */
  wake(enqueued?: OutboxItem): void {
    const current = this.current;
    if (enqueued?.priority === 'emergency' && current && current.rank > 0) {
      current.controller.abort(new StudioError('cancelled', 'paused for an emergency item', { reason: 'outbox_paused_for_emergency' }));
    }
    this.wakeUp?.();
  }

  /** Stop sending one item now (the user cancelled it). */
  abortItem(id: number): void {
    if (this.current?.id === id) this.current.controller.abort(new StudioError('cancelled', 'cancelled by the user', { reason: 'outbox_cancelled' }));
  }

  async close(): Promise<void> {
    this.running = false;
    this.current?.controller.abort(new StudioError('cancelled', 'the studio is closing', { reason: 'outbox_closing' }));
    this.wakeUp?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    if (!(await this.acquireLease())) return;
    // Items a crashed holder left "sending" go back to the queue, their resume state intact.
    const requeued = this.options.store.requeueInterrupted();
    if (requeued > 0) this.options.log?.(`outbox: ${requeued} interrupted upload(s) resume`);
    try {
      await this.loopDue();
    } finally {
      this.options.lease.release();
    }
  }

  private async loopDue(): Promise<void> {
    while (this.running) {
      const due = this.options.store.nextDue(Date.now());
      if (!due) {
        // Another process (the CLI) may queue items in this library: look again now and then.
        const next = this.options.store.nextWakeAt();
        await this.sleepUntil(Math.min(next ?? Infinity, Date.now() + IDLE_POLL_MS));
        continue;
      }
      await this.deliver(due);
    }
  }

  private sleepUntil(at: number | null): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        if (this.wakeTimer) clearTimeout(this.wakeTimer);
        this.wakeTimer = null;
        this.wakeUp = null;
        resolve();
      };
      this.wakeUp = done;
      // Unref'd: a pending retry must not keep a CLI process alive on its own.
      if (at !== null) this.wakeTimer = setTimeout(done, Math.max(0, at - Date.now())).unref();
      if (!this.running) done();
    });
  }

  private async deliver(due: DueItem): Promise<void> {
    const { store, emit } = this.options;
    const controller = new AbortController();
    const rank = due.item.priority === 'emergency' ? 0 : due.item.priority === 'priority' ? 1 : 2;
    this.current = { id: due.item.id, rank, controller };
    let item = store.markSending(due.item.id);
    if (item.state !== 'sending') {
      this.current = null;
      return;
    }
    emit('outbox.changed', item);
    let lastProgressAt = 0;
    try {
      const audioPath = path.resolve(this.options.dataDir, due.payload.audioFile);
      checkAudio(audioPath, due.payload.metadata.bytes);
      const connector = await this.options.connectorFor(item, { onWireBytes: (bytes) => store.addWireBytes(item.id, bytes) });
      const result = await connector.send(
        { ...due.payload, audioPath },
        {
          signal: controller.signal,
          resume: due.resume,
          saveResume: (state) => store.saveResume(item.id, state),
          onProgress: ({ sentBytes, totalBytes }) => {
            const now = Date.now();
            if (now - lastProgressAt < PROGRESS_EVERY_MS && sentBytes < totalBytes) return;
            lastProgressAt = now;
            store.saveProgress(item.id, sentBytes);
            emit('outbox.progress', { id: item.id, sentBytes, totalBytes });
          },
        },
      );
      item = store.markDelivered(item.id, result);
      this.options.log?.(`outbox: item ${item.id} delivered (${result.status})`);
      emit('outbox.changed', item);
      this.options.onDelivered?.(item, result);
    } catch (error) {
      if (controller.signal.aborted) {
        item = store.markInterrupted(item.id);
      } else {
        const failure = error instanceof StudioError ? error : new StudioError('internal', error instanceof Error ? error.message : String(error));
        const retryAt = Date.now() + backoffDelay(item.attempts, this.options.backoff ?? DEFAULT_BACKOFF);
        item = store.markFailed(item.id, failure.toPayload(), retryAt);
        this.options.log?.(`outbox: item ${item.id} attempt ${item.attempts} failed (${failure.code}); next try ${new Date(retryAt).toISOString()}`);
      }
      emit('outbox.changed', item);
    } finally {
      this.current = null;
    }
  }
}

/** The queued audio must still be there, unchanged in size, before anything is sent. */
function checkAudio(file: string, bytes: number): void {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new StudioError('io_error', `queued audio missing: ${file}`, { reason: 'outbox_audio_missing', file: path.basename(file) });
  }
  if (size !== bytes) {
    throw new StudioError('io_error', `queued audio changed: ${file} is ${size} bytes, queued as ${bytes}`, {
      reason: 'outbox_audio_changed',
      file: path.basename(file),
      size,
      bytes,
    });
  }
}
