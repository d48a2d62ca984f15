/**
 * Vietnamese letters and tone placement. The 134 letters are every letter that carries a
 * diacritic (67 lower case, 67 upper case): 12 vowels × 5 tones, ă â ê ô ơ ư, and đ.
 */
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
/** Combining tone marks: grave (huyền), acute (sắc), hook above (hỏi), tilde (ngã), dot below (nặng). */
export const TONE_MARKS = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'] as const;

function lowerLetters(): string[] {
  const letters = ['ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ'];
  for (const vowel of VOWELS) for (const tone of TONE_MARKS) letters.push(`${vowel}${tone}`.normalize('NFC'));
  return letters;
}

export const VIETNAMESE_LOWER: readonly string[] = lowerLetters();
export const VIETNAMESE_LETTERS: readonly string[] = [
  ...VIETNAMESE_LOWER,
  ...VIETNAMESE_LOWER.map((letter) => letter.toUpperCase()),
];

export type TonePlacement = 'old' | 'new';

const TONE_RE = /[\u0300\u0301\u0303\u0309\u0323]/;
const WORD_RE = /\p{L}[\p{L}\p{M}]*/gu;

/**
 * Puts the tone of open syllables ending in oa, oe, uy where the chosen style wants it:
 * old style "hòa, khỏe, thủy", new style "hoà, khoẻ, thuỷ". Other syllables are the same in both
 * styles ("hoàng", "quý"), so they are left alone. Input and output are NFC.
 */
export function placeTones(text: string, style: TonePlacement): string {
  return text.replace(WORD_RE, (word) => {
    const decomposed = word.normalize('NFD');
    const tone = decomposed.match(TONE_RE)?.[0];
    if (!tone) return word;
    const bare = decomposed.replace(TONE_RE, '');
    const base = bare.normalize('NFC');
    const lower = base.toLowerCase();
    const pair = lower.slice(-2);
    if (!['oa', 'oe', 'uy'].includes(pair)) return word;
    if (pair === 'uy' && lower.at(-3) === 'q') return word; // "quý": qu is a consonant
    const chars = [...base];
    const at = style === 'old' ? chars.length - 2 : chars.length - 1;
    chars[at] = `${chars[at]}${tone}`;
    return chars.join('').normalize('NFC');
  });
}

/** What the rasteriser draws: NFC, with one tone placement style. */
export function normaliseText(text: string, style: TonePlacement = 'old'): string {
  return placeTones(text.normalize('NFC'), style);
}
