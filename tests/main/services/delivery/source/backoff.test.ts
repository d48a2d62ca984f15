import { expect, it } from 'vitest';
import { backoffDelay } from '../../../../../src/main/services/delivery/backoff.ts';

it('doubles the wait per attempt, caps it, and spreads it with jitter in [½, 1]', () => {
  const options = { baseMs: 1000, maxMs: 60_000 };
  expect([1, 2, 3, 4].map((n) => backoffDelay(n, options, () => 1))).toEqual([1000, 2000, 4000, 8000]);
  expect(backoffDelay(4, options, () => 0)).toBe(4000);
  expect(backoffDelay(50, options, () => 1)).toBe(60_000);
  const spread = new Set(Array.from({ length: 50 }, () => backoffDelay(3, options)));
  expect(spread.size).toBeGreaterThan(10);
  for (const delay of spread) expect(delay).toBeGreaterThanOrEqual(2000), expect(delay).toBeLessThanOrEqual(4000);
});
