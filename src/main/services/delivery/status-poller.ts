/**
 * Asks the source system, in the background, what became of what it received: the province may
 * approve, schedule, air or reject a bulletin hours after it arrived, and the editor must see a
 * rejection and its reason without asking. Items whose verdict is final (aired,
 * rejected) are not asked again.
 */
import type { OutboxItem } from '../../../shared/api/delivery.ts';

/** Production: once a minute; tests and drills shorten it with STUDIO_STATUS_POLL_MS. */
export const DEFAULT_POLL_MS = 60_000;

export function pollIntervalFromEnv(): number {
  const ms = Number(process.env.STUDIO_STATUS_POLL_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : DEFAULT_POLL_MS;
}

export interface StatusPollerDeps {
  /** Delivered source items still waiting for a final verdict. */
  awaiting(): OutboxItem[];
  refresh(id: number): Promise<unknown>;
  intervalMs: number;
  log?(line: string): void;
}

export class StatusPoller {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly deps: StatusPollerDeps) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.poll(), this.deps.intervalMs).unref();
  }

  /** One round over every awaiting item; a round still running is not doubled. */
  poll(): Promise<void> {
    this.running ??= this.round().finally(() => (this.running = null));
    return this.running;
  }

  private async round(): Promise<void> {
    for (const item of this.deps.awaiting()) {
      if (!this.timer) return;
      try {
        await this.deps.refresh(item.id);
      } catch (error) {
        // Offline or the server is down: the next round asks again; nothing to tell the user yet.
        this.deps.log?.(`outbox item ${item.id}: status not refreshed: ${(error as Error).message}`);
      }
    }
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
