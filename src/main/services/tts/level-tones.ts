/**
 * The level tone, as Debian's espeak-ng 1.51 writes it and Piper's Vietnamese voices were trained
 * on: "1" after the nucleus of a syllable with no other tone, "7" instead on the primary-stressed
 * syllable (after "ˈ") of the last word before clause punctuation; English words that espeak
 * switched to, "(en)…(vi)", get them too. The WebAssembly espeak-ng we ship writes nothing for the
 * level tone (a later version dropped the symbol), so a real Piper voice would hear every
 * level-tone syllable wrong. Checked against `espeak-ng -q --ipa -v vi` on every sentence of
 * ../shared/data/vi-text (tests/main/services/tts/piper-phonemes-debian.test.ts).
 */

/** A vowel nucleus with its length mark and the "-" of close e/o; tones (1–7, ɜ) follow it. */
const VIETNAMESE_NUCLEUS = /[aeiouyɛɔəɤɯɪʊæʌɐɑ][aeiouyɛɔəɤɯɪʊæʌɐɑː-]*/gu;
/** In English stretches "ɜ" is a vowel ("lˈɜːnɪŋ"), not the rising tone. */
const ENGLISH_NUCLEUS = /[aeiouyɛɔəɤɯɪʊæʌɐɑɜ][aeiouyɛɔəɤɯɪʊæʌɐɑɜː-]*/gu;
const TONE = /^[1-7ɜ]/u;
/** espeak-ng's language switches inside a word: "(en)klˈɪp(vi)". */
const SWITCH = /(\([a-z-]+\))/u;

function wordWithLevelTones(word: string, clauseFinal: boolean): string {
  const primary = word.lastIndexOf('ˈ');
  let out = '';
  let english = false;
  let stressedSeen = false;
  let base = 0; // where `piece` starts in `word`
  for (const piece of word.split(SWITCH)) {
    const start = base;
    base += piece.length;
    if (SWITCH.test(piece)) {
      english = piece === '(en)';
      out += piece;
      continue;
    }
    let rest = '';
    let from = 0;
    for (const m of piece.matchAll(english ? ENGLISH_NUCLEUS : VIETNAMESE_NUCLEUS)) {
      const end = m.index + m[0].length;
      const stressed = !stressedSeen && primary >= 0 && start + m.index > primary;
      if (stressed) stressedSeen = true;
      rest += piece.slice(from, end);
      from = end;
      if (!TONE.test(piece.slice(end))) rest += clauseFinal && stressed ? '7' : '1';
    }
    out += rest + piece.slice(from);
  }
  return out;
}

/** Adds the level-tone digits to one clause of espeak-ng IPA (words separated by spaces). */
export function withLevelTones(clause: string, punctuated: boolean): string {
  const words = clause.split(' ');
  return words.map((word, i) => wordWithLevelTones(word, punctuated && i === words.length - 1)).join(' ');
}
