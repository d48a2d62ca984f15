/**
 * Exponential backoff with jitter for outbox retries: base·2^(attempt−1), capped, then scaled by
 * a random factor in [0.5, 1] so many studios coming back online do not retry in lock-step.
 */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 5_000, maxMs: 10 * 60_000 };

export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exponential = options.baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30));
  const capped = Math.min(options.maxMs, exponential);
  return Math.round(capped * (0.5 + random() * 0.5));
}

/** Tests and drills shorten the retry wait with STUDIO_OUTBOX_RETRY_BASE_MS. */
export function backoffFromEnv(): BackoffOptions | undefined {
  const base = Number(process.env.STUDIO_OUTBOX_RETRY_BASE_MS);
  return Number.isFinite(base) && base > 0 ? { baseMs: base, maxMs: Math.max(base, 60 * base) } : undefined;
}
