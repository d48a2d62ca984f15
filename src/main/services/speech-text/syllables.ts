/**
 * Is a word a possible Vietnamese syllable? Used to tell an all-capitals word that is read as a
 * word ("TỈNH", "KẾ HOẠCH") from an acronym that must be expanded or spelled ("UBND", "VT"), and
 * to score candidate decodings of legacy-encoded text. Hand-written: no maintained library
 * validates Vietnamese syllable structure (onset + rhyme + final + one tone).
 */

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** Removes the five tone marks, keeping the vowel-quality marks (â ă ê ô ơ ư) and đ. */
export function stripTones(word: string): string {
  return word.normalize('NFD').replace(TONE_MARKS, '').normalize('NFC');
}

const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?';
const NUCLEUS = '[aăâeêioôơuưy]{1,3}';
const FINAL = '(?:ch|ng|nh|[cmnpt])?';
const SYLLABLE = new RegExp(`^${ONSET}${NUCLEUS}${FINAL}$`);

export function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = decomposed.match(TONE_MARKS)?.length ?? 0;
  if (tones > 1) return false;
  return SYLLABLE.test(stripTones(word.toLowerCase()));
}
