/**
 * The user's pronunciation dictionary as the first scanner rule. Terms are matched as whole words,
 * case-insensitively unless the entry says otherwise, and with tone placement normalised on both
 * sides, so an entry "Thủy" also catches "Thuỷ".
 */
import type { Reading, Rule } from './rule.ts';
import { normaliseTones } from './tone-placement.ts';
import type { PronunciationEntry } from './types.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export const dictionaryKey = (term: string): string => normaliseTones(term.trim()).toLowerCase();

export function dictionaryRule(entries: PronunciationEntry[]): Rule {
  const exact = new Map<string, string>();
  const folded = new Map<string, string>();
  for (const e of entries) {
    const term = normaliseTones(e.term.trim());
    if (!term) continue;
    if (e.matchCase) exact.set(term, e.spoken);
    else folded.set(term.toLowerCase(), e.spoken);
  }
  const terms = [...new Set([...exact.keys(), ...folded.keys()])].sort((a, b) => b.length - a.length);
  const never = /(?!)/uy;
  const pattern = terms.length
    ? new RegExp(`(?:${terms.map(escape).join('|')})(?![\\p{L}\\p{N}\\p{M}])`, 'iuy')
    : never;
  return {
    name: 'dictionary',
    pattern,
    midWord: false,
    read: (m): Reading | null => {
      // The regex is case-insensitive; honour matchCase entries here.
      const spoken = exact.get(m[0]) ?? folded.get(m[0].toLowerCase());
      return spoken === undefined ? null : { spoken, kind: 'dictionary' };
    },
  };
}
