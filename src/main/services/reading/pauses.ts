/**
 * Pause markers an editor types into the script:
 *   [pause]          one second
 *   [pause 2s]       two seconds ("[pause 1,5s]", "[pause 1.5s]" also work)
 *   [pause 800ms]    milliseconds
 *   [nghỉ 2 giây]    the Vietnamese spelling ("nghỉ" or "ngừng", unit "s", "giây" or "ms")
 * A marker ends the sentence before it; the silence is `pauseAfterMs` of that sentence, added to
 * the synthesiser's normal gap. Markers are capped at 60 s.
 */
import type { Reading, Rule } from './rule.ts';

export const DEFAULT_PAUSE_MS = 1000;
const MAX_PAUSE_MS = 60_000;

export const pauseRules: Rule[] = [
  {
    name: 'pause-marker',
    pattern: /\[\s*(?:pause|nghỉ|ngừng)(?:\s+(\d+(?:[.,]\d+)?)\s*(ms|s|giây|sec)?)?\s*\]/iuy,
    midWord: true,
    read: (m): Reading => {
      let ms = DEFAULT_PAUSE_MS;
      if (m[1]) {
        const value = Number(m[1].replace(',', '.'));
        ms = m[2]?.toLowerCase() === 'ms' ? value : value * 1000;
      }
      return { spoken: '', kind: 'pause', pauseMs: Math.min(MAX_PAUSE_MS, Math.round(ms)) };
    },
  },
];
