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
/** The vowel clusters Vietnamese has (without tones); "ieo" or "aoa" are not Vietnamese. */
const NUCLEI = [
  'iêu', 'yêu', 'oai', 'oao', 'oay', 'oeo', 'uây', 'uôi', 'ươi', 'ươu', 'uyê', 'uya', 'uyu',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oă', 'oe', 'oi', 'ôi', 'ơi', 'oo',
  'ua', 'uâ', 'uê', 'ui', 'uô', 'uơ', 'ưa', 'ưi', 'ươ', 'ưu', 'uy', 'ya', 'yê',
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
];
/** Rhymes that end in a glide (ai, ao, iêu …) or are open diphthongs (ia, ua, ưa) take no final consonant. */
const OPEN_ONLY = NUCLEI.filter((n) => n.length > 1 && (/[iyou]$/.test(n) || ['ia', 'ua', 'ưa', 'uya'].includes(n)) && n !== 'oo' && !['oa', 'oe', 'uy', 'uê', 'uâ', 'uô', 'uơ', 'ươ', 'iê', 'yê', 'uyê', 'oă'].includes(n));
const CLOSED = NUCLEI.filter((n) => !OPEN_ONLY.includes(n) && n !== 'oo');
const FINAL = '(?:ch|ng|nh|[cmnpt])?';
const SYLLABLE = new RegExp(
  `^${ONSET}(?:(?:${OPEN_ONLY.join('|')})|(?:${CLOSED.join('|')})${FINAL}|oo(?:ng|c))$`,
);

export function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = decomposed.match(TONE_MARKS)?.length ?? 0;
  if (tones > 1) return false;
  return SYLLABLE.test(stripTones(word.toLowerCase()));
}
