/**
 * NFC and one tone placement. Vietnamese has two accepted spellings for the open syllables
 * oa, oe, uy: the traditional "hòa, khỏe, thủy" and the newer "hoà, khoẻ, thuỷ". They are the same
 * word; the speech text (and the dictionary and the synthesis cache) must not see two words, so
 * everything is brought to the traditional placement, which the official documents we get use
 * ("Tỉnh ủy", "ỦY BAN"). Syllables with a final consonant (hoàn, thuyền) are the same in both
 * styles and are left alone; "qu" + y keeps the mark on y (quý), because u belongs to the onset.
 */

const TONE = /[\u0300\u0301\u0303\u0309\u0323]/;

/** Converts one word (NFD in, NFD out): moves a tone from the last vowel of oa/oe/uy to the first. */
function moveTone(word: string): string {
  // NFD letters: base letters with combining marks attached. Work on an array of grapheme clusters.
  const clusters = word.match(/\p{L}\p{M}*/gu);
  if (!clusters || clusters.length < 2) return word;
  const last = clusters[clusters.length - 1]!;
  const prev = clusters[clusters.length - 2]!;
  const lastBase = last[0]!.toLowerCase();
  const prevBase = prev[0]!.toLowerCase();
  const pair = prevBase + lastBase;
  if (pair !== 'oa' && pair !== 'oe' && pair !== 'uy') return word;
  // prev must be a bare o/u (no hat/horn), last must be a plain a/e/y (no hat/breve).
  if (prev.length !== 1 || !TONE.test(last)) return word;
  if (last.replace(TONE, '').length !== 1) return word;
  if (pair === 'uy' && clusters.length >= 3 && clusters[clusters.length - 3]![0]!.toLowerCase() === 'q') return word;
  // A third vowel before (e.g. "ngoa" has none; "uoa" does not exist) — only move in a 2-vowel rhyme.
  if (clusters.length >= 3 && /[aeiouy]/i.test(clusters[clusters.length - 3]![0]!)) return word;
  const tone = TONE.exec(last)![0];
  return clusters.slice(0, -2).join('') + prev + tone + last.replace(TONE, '');
}

/** NFC text with traditional tone placement. Length may change (NFC composes). */
export function normaliseTones(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\p{L}\p{M}]+/gu, (word) => moveTone(word))
    .normalize('NFC');
}
