/**
 * The scanner: walks the prepared text once, left to right, and at each word start tries the
 * rules in order (user dictionary first); the first rule that reads the text there wins. Text no
 * rule claims is copied as words. The result is a list of parts that covers the text exactly,
 * so the preview can show each source stretch next to what will be said for it.
 */
import type { NumberStyle } from './numbers.ts';
import type { Rule, RuleContext } from './rule.ts';
import { isVietnameseSyllable } from './syllables.ts';
import type { Ambiguity, PartKind, SpeechPart } from './types.ts';

export interface ScanResult {
  parts: SpeechPart[];
  ambiguities: Omit<Ambiguity, 'sentence'>[];
}

const WORD = /[\p{L}][\p{L}\p{M}]*/uy;
const SPACE = /\s+/uy;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

export function scan(text: string, rules: Rule[], style: NumberStyle, choices: Record<string, string> = {}): ScanResult {
  const parts: SpeechPart[] = [];
  const ambiguities: ScanResult['ambiguities'] = [];
  let previousKind: PartKind | null = null;
  let i = 0;

  const push = (part: SpeechPart) => {
    parts.push(part);
    if (part.kind !== 'space') previousKind = part.kind;
  };

  while (i < text.length) {
    SPACE.lastIndex = i;
    const space = SPACE.exec(text);
    if (space) {
      push({ start: i, end: i + space[0].length, source: space[0], spoken: ' ', kind: 'space' });
      i += space[0].length;
      continue;
    }
    const wordStart = i === 0 || !WORD_CHAR.test(text[i - 1]!);
    const ctx: RuleContext = { text, index: i, style, previousKind };
    let claimed = false;
    for (const rule of rules) {
      if (!wordStart && !rule.midWord) continue;
      rule.pattern.lastIndex = i;
      const match = rule.pattern.exec(text);
      if (!match || match[0].length === 0) continue;
      const reading = rule.read(match, ctx);
      if (!reading) continue;
      const end = i + (reading.length ?? match[0].length);
      const source = text.slice(i, end);
      const part: SpeechPart = { start: i, end, source, spoken: reading.spoken, kind: reading.kind };
      if (reading.pauseMs !== undefined) part.pauseMs = reading.pauseMs;
      if (reading.options && reading.options.length > 1) {
        // By offset only when it is one of this spot's readings (an edit may have moved the text);
        // by source text ("TT") always: the editor named the abbreviation.
        const byOffset = choices[String(i)];
        const choice = byOffset !== undefined && reading.options.includes(byOffset.trim()) ? byOffset : choices[source];
        const chosen = choice && choice.trim() ? choice.trim() : reading.spoken;
        part.spoken = chosen;
        part.ambiguity = ambiguities.length;
        ambiguities.push({
          start: i,
          end,
          source,
          options: reading.options,
          chosen,
          reason: choice && choice.trim() ? 'choice' : (reading.reason ?? 'context'),
        });
      }
      push(part);
      i = end;
      claimed = true;
      break;
    }
    if (claimed) continue;
    WORD.lastIndex = i;
    const word = WORD.exec(text);
    if (word) {
      const w = word[0];
      // An all-capital word that survived the acronym rule is a real word: say it, not spell it.
      const spoken = w.length > 1 && w === w.toUpperCase() && isVietnameseSyllable(w) ? w.toLowerCase() : w;
      push({ start: i, end: i + w.length, source: w, spoken, kind: 'text' });
      i += w.length;
      continue;
    }
    // Nothing claimed a lone character (a rule set always ends with a catch-all symbol rule).
    push({ start: i, end: i + 1, source: text[i]!, spoken: '', kind: 'symbol' });
    i += 1;
  }
  return { parts, ambiguities };
}
