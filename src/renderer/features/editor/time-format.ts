/** Editor time: m:ss.mmm, precise enough to place a cut by ear. */
export function formatEditTime(seconds: number): string {
  const safe = Math.max(0, seconds);
  const minutes = Math.floor(safe / 60);
  const rest = safe - minutes * 60;
  return `${minutes}:${rest.toFixed(3).padStart(6, '0')}`;
}
