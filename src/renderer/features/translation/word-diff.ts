/**
 * A word-level diff of a TM match's source against the segment being translated, for colouring:
 * words only in the match are `removed`, words only in the segment `added`. Longest common
 * subsequence on words; segments are sentences, so the quadratic table stays small.
 */
export interface DiffPart {
  text: string;
  kind: 'same' | 'added' | 'removed';
}

const words = (text: string) => text.normalize('NFC').split(/\s+/).filter(Boolean);
const key = (word: string) => word.toLocaleLowerCase('vi').replace(/[.,;:!?…"“”()]/g, '');

export function wordDiff(matchSource: string, current: string): DiffPart[] {
  const a = words(matchSource);
  const b = words(current);
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = key(a[i]!) === key(b[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && key(a[i]!) === key(b[j]!)) {
      parts.push({ text: b[j]!, kind: 'same' });
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      parts.push({ text: b[j++]!, kind: 'added' });
    } else {
      parts.push({ text: a[i++]!, kind: 'removed' });
    }
  }
  return parts;
}
