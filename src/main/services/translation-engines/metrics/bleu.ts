/**
 * BLEU as sacrebleu 2.x computes it: the 13a tokeniser (mteval-v13a), n-grams 1..4, clipped
 * counts against the maximum over references, the closest reference length (shorter on a tie),
 * and 'exp' smoothing (each zero-match order gets 1 / 2^k of a match). Corpus BLEU stops at 0 when
 * nothing matches and uses all four orders; sentence BLEU (sacrebleu.sentence_bleu) uses the
 * effective order. Written by hand: no npm package reproduces sacrebleu's figures.
 */
import { checkStreams, pySplit } from './chrf.ts';

const MAX_ORDER = 4;

const TOKENIZER_13A: [RegExp, string][] = [
  // language-dependent part (assuming Western languages): punctuation and symbols apart
  [/([{-~[-` -&(-+:-@/])/g, ' $1 '],
  // period and comma unless preceded by a digit
  [/([^0-9])([.,])/g, '$1 $2 '],
  // period and comma unless followed by a digit
  [/([.,])([^0-9])/g, ' $1 $2'],
  // dash when preceded by a digit
  [/([0-9])(-)/g, '$1 $2 '],
];

export function tokenize13a(line: string): string[] {
  let text = line.replaceAll('<skipped>', '').replaceAll('-\n', '').replaceAll('\n', ' ');
  if (text.includes('&')) {
    text = text.replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
  }
  text = ` ${text} `;
  for (const [pattern, replacement] of TOKENIZER_13A) text = text.replace(pattern, replacement);
  return pySplit(text);
}

function ngramCounts(tokens: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (let n = 1; n <= MAX_ORDER; n++) {
    for (let i = 0; i + n <= tokens.length; i++) {
      // \u0001 cannot occur inside a token, so the key is unambiguous.
      const key = `${n}\u0001${tokens.slice(i, i + n).join('\u0001')}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

/** [hypothesis length, reference length, matches 1..4, totals 1..4]. */
function segmentStatistics(hypothesis: string, references: string[]): number[] {
  const hyp = tokenize13a(hypothesis);
  const maxRef = new Map<string, number>();
  let closestLength = -1;
  let closestDiff = Infinity;
  for (const reference of references) {
    const tokens = tokenize13a(reference);
    const diff = Math.abs(hyp.length - tokens.length);
    if (diff < closestDiff || (diff === closestDiff && tokens.length < closestLength)) {
      closestDiff = diff;
      closestLength = tokens.length;
    }
    for (const [gram, count] of ngramCounts(tokens)) maxRef.set(gram, Math.max(maxRef.get(gram) ?? 0, count));
  }
  const correct = new Array<number>(MAX_ORDER).fill(0);
  const total = new Array<number>(MAX_ORDER).fill(0);
  for (let n = 1; n <= MAX_ORDER; n++) total[n - 1] = Math.max(0, hyp.length - n + 1);
  for (const [gram, count] of ngramCounts(hyp)) {
    const n = Number(gram.slice(0, gram.indexOf('\u0001')));
    correct[n - 1]! += Math.min(count, maxRef.get(gram) ?? 0);
  }
  return [hyp.length, closestLength, ...correct, ...total];
}

function scoreFromStatistics(stats: number[], effectiveOrder: boolean): number {
  const [sysLength, refLength] = [stats[0]!, stats[1]!];
  const correct = stats.slice(2, 2 + MAX_ORDER);
  const total = stats.slice(2 + MAX_ORDER);
  if (!correct.some((c) => c > 0)) return 0;
  const brevity = sysLength < refLength ? (sysLength > 0 ? Math.exp(1 - refLength / sysLength) : 0) : 1;
  const precisions = new Array<number>(MAX_ORDER).fill(0);
  let order = MAX_ORDER;
  let smooth = 1;
  for (let n = 1; n <= MAX_ORDER; n++) {
    if (total[n - 1] === 0) break;
    if (effectiveOrder) order = n;
    if (correct[n - 1] === 0) {
      smooth *= 2;
      precisions[n - 1] = 100 / (smooth * total[n - 1]!);
    } else {
      precisions[n - 1] = (100 * correct[n - 1]!) / total[n - 1]!;
    }
  }
  // sacrebleu's my_log: log(0) is a large negative number, not -Infinity.
  const logSum = precisions.slice(0, order).reduce((sum, p) => sum + (p === 0 ? -9999999999 : Math.log(p)), 0);
  return brevity * Math.exp(logSum / order);
}

export function corpusBleu(hypotheses: string[], references: string[][]): number {
  checkStreams(hypotheses, references);
  const totals = new Array<number>(2 + 2 * MAX_ORDER).fill(0);
  hypotheses.forEach((hypothesis, i) => {
    segmentStatistics(hypothesis, references.map((stream) => stream[i]!)).forEach((value, k) => (totals[k]! += value));
  });
  return scoreFromStatistics(totals, false);
}

export function sentenceBleu(hypothesis: string, references: string[]): number {
  if (references.length === 0) checkStreams([hypothesis], []);
  return scoreFromStatistics(segmentStatistics(hypothesis, references), true);
}
