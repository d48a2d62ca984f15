/**
 * Legacy 8-bit Vietnamese text (TCVN3/ABC and VNI-Windows) detected and converted to Unicode.
 *
 * Such text reaches us as a string that was decoded with Windows-1252 or Latin-1, e.g.
 * "Th«ng t­ 39" (TCVN3) or "Thoâng tö 39" (VNI). Written by hand: no maintained npm library does
 * this (the small ones on npm are unmaintained and do not detect). The TCVN3 table is the
 * TCVN 5712 (VN1) table of glibc's iconv, bytes 0x80–0xFF, which TCVN3/ABC fonts share; the VNI
 * table is built from VNI-Windows' letter + mark scheme.
 */
import { isVietnameseSyllable } from './syllables.ts';

export type TextEncoding = 'unicode' | 'tcvn3' | 'vni';

/** TCVN 5712 bytes 0x80..0xFF → Unicode (generated from `iconv -f TCVN5712-1`, one byte at a time). */
const TCVN_HIGH = '\u00c0\u1ea2\u00c3\u00c1\u1ea0\u1eb6\u1eac\u00c8\u1eba\u1ebc\u00c9\u1eb8\u1ec6\u00cc\u1ec8\u0128\u00cd\u1eca\u00d2\u1ece\u00d5\u00d3\u1ecc\u1ed8\u1edc\u1ede\u1ee0\u1eda\u1ee2\u00d9\u1ee6\u0168\u00a0\u0102\u00c2\u00ca\u00d4\u01a0\u01af\u0110\u0103\u00e2\u00ea\u00f4\u01a1\u01b0\u0111\u1eb0\u0300\u0309\u0303\u0301\u0323\u00e0\u1ea3\u00e3\u00e1\u1ea1\u1eb2\u1eb1\u1eb3\u1eb5\u1eaf\u1eb4\u1eae\u1ea6\u1ea8\u1eaa\u1ea4\u1ec0\u1eb7\u1ea7\u1ea9\u1eab\u1ea5\u1ead\u00e8\u1ec2\u1ebb\u1ebd\u00e9\u1eb9\u1ec1\u1ec3\u1ec5\u1ebf\u1ec7\u00ec\u1ec9\u1ec4\u1ebe\u1ed2\u0129\u00ed\u1ecb\u00f2\u1ed4\u1ecf\u00f5\u00f3\u1ecd\u1ed3\u1ed5\u1ed7\u1ed1\u1ed9\u1edd\u1edf\u1ee1\u1edb\u1ee3\u00f9\u1ed6\u1ee7\u0169\u00fa\u1ee5\u1eeb\u1eed\u1eef\u1ee9\u1ef1\u1ef3\u1ef7\u1ef9\u00fd\u1ef5\u1ed0';
const TCVN = [...TCVN_HIGH];
/** TCVN 5712 puts the capitals Ú Ụ Ừ Ử Ữ Ứ Ự Ỳ Ỷ Ỹ Ý Ỵ on control codes (same iconv source). */
const TCVN_LOW: Record<number, string> = {
  0x01: '\u00da', 0x02: '\u1ee4', 0x04: '\u1eea', 0x05: '\u1eec', 0x06: '\u1eee', 0x11: '\u1ee8',
  0x12: '\u1ef0', 0x13: '\u1ef2', 0x14: '\u1ef6', 0x15: '\u1ef8', 0x16: '\u00dd', 0x17: '\u1ef4',
};

/** Windows-1252 characters at 0x80–0x9F, so a string decoded as cp1252 maps back to its bytes. */
const CP1252_HIGH = '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';

function byteOf(ch: string): number | null {
  const code = ch.charCodeAt(0);
  if (code < 0x100) return code;
  const i = CP1252_HIGH.indexOf(ch);
  return i >= 0 && ch !== '\ufffd' ? 0x80 + i : null;
}

export function tcvn3ToUnicode(text: string): string {
  const converted = [...text]
    .map((ch) => {
      const b = byteOf(ch);
      if (b !== null && b >= 0x80) return TCVN[b - 0x80]!;
      return (b !== null && TCVN_LOW[b]) || ch;
    })
    .join('')
    .normalize('NFC');
  // ABC "caps" fonts draw lowercase codes as capitals: restore capitals inside all-caps words.
  return converted.replace(/\p{L}+/gu, (word) => {
    const asciiLetters = word.replace(/[^A-Za-z]/g, '');
    return asciiLetters.length >= 2 && asciiLetters === asciiLetters.toUpperCase() ? word.toUpperCase() : word;
  });
}

// VNI-Windows: a base letter followed by a mark character (tones and hats are separate glyphs).
const TONES_PLAIN = { 'ø': '\u0300', 'ù': '\u0301', 'û': '\u0309', 'õ': '\u0303', 'ï': '\u0323' };
const TONES_HAT = { 'à': '\u0300', 'á': '\u0301', 'å': '\u0309', 'ã': '\u0303', 'ä': '\u0323' };
const TONES_BREVE = { 'è': '\u0300', 'é': '\u0301', 'ú': '\u0309', 'ü': '\u0303', 'ë': '\u0323' };

function buildVni(): Map<string, string> {
  const map = new Map<string, string>();
  const add = (seq: string, base: string, ...marks: string[]) => {
    map.set(seq, (base + marks.join('')).normalize('NFC'));
    map.set(seq.toUpperCase(), (base.toUpperCase() + marks.join('')).normalize('NFC'));
  };
  for (const v of ['a', 'e', 'o', 'u', 'y']) for (const [m, t] of Object.entries(TONES_PLAIN)) add(v + m, v, t);
  for (const v of ['a', 'e', 'o']) {
    add(v + 'â', v, '\u0302');
    for (const [m, t] of Object.entries(TONES_HAT)) add(v + m, v, '\u0302', t);
  }
  add('aê', 'a', '\u0306');
  for (const [m, t] of Object.entries(TONES_BREVE)) add('a' + m, 'a', '\u0306', t);
  add('ô', 'o', '\u031b');
  add('ö', 'u', '\u031b');
  for (const [m, t] of Object.entries(TONES_PLAIN)) {
    add('ô' + m, 'o', '\u031b', t);
    add('ö' + m, 'u', '\u031b', t);
  }
  add('ñ', 'đ');
  const iTones: Record<string, string> = { 'ì': '\u0300', 'í': '\u0301', 'æ': '\u0309', 'ó': '\u0303', 'ò': '\u0323' };
  for (const [m, t] of Object.entries(iTones)) add(m, 'i', t);
  add('î', 'y', '\u0323');
  // "yï" is not VNI (ỵ is "î"); drop it so it cannot shadow real text.
  map.delete('yï');
  map.delete('YÏ');
  return map;
}

const VNI = buildVni();
const VNI_PATTERN = new RegExp([...VNI.keys()].sort((a, b) => b.length - a.length).join('|'), 'g');

export function vniToUnicode(text: string): string {
  return text.replace(VNI_PATTERN, (seq) => VNI.get(seq) ?? seq).normalize('NFC');
}

/** Letters only Unicode Vietnamese uses (ă đ ĩ ũ ơ ư and the U+1EA0 block): proof the text is Unicode. */
const UNICODE_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/;

/** Characters a legacy string shows where its 8-bit letters were read as Windows-1252. */
const LEGACY_RANGE = /[\u0001\u0002\u0004-\u0006\u0011-\u0017\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]/;

/**
 * Words that show a legacy character and contain a letter. Symbols standing alone ("–", "•",
 * "©") are left out: in Unicode text they are punctuation, and a decoder that turns them into
 * letters must not win on them.
 */
function suspectWords(text: string): string[] {
  return text.split(/[\s!-@\[-`{-~]+/).filter((w) => LEGACY_RANGE.test(w) && /\p{L}/u.test(w));
}

const syllableShare = (words: string[]): number =>
  words.length === 0 ? 0 : words.filter((w) => isVietnameseSyllable(w)).length / words.length;

/**
 * Detects TCVN3 or VNI text and converts it; Unicode text comes back unchanged. A decoding wins
 * only on the words that show legacy characters: most of them must be Vietnamese syllables after
 * it, and clearly more than before. Text whose such words are already syllables ("Hôm nay",
 * "Giá: 5.000 – 7.000", "• Hôm nay: 1") is Unicode, whatever a decoder would make of it.
 */
export function convertLegacyText(text: string): { text: string; encoding: TextEncoding } {
  if (UNICODE_VIETNAMESE.test(text) || !LEGACY_RANGE.test(text)) return { text, encoding: 'unicode' };
  const suspects = suspectWords(text);
  const base = syllableShare(suspects);
  if (suspects.length === 0) return { text, encoding: 'unicode' };
  const candidates: { text: string; encoding: TextEncoding; score: number }[] = [
    { text: tcvn3ToUnicode(text), encoding: 'tcvn3', score: syllableShare(suspects.map(tcvn3ToUnicode)) },
    { text: vniToUnicode(text), encoding: 'vni', score: syllableShare(suspects.map(vniToUnicode)) },
  ];
  const best = candidates.sort((a, b) => b.score - a.score)[0]!;
  return best.score >= 0.6 && best.score >= base + 0.3 ? { text: best.text, encoding: best.encoding } : { text, encoding: 'unicode' };
}

/** Decodes file bytes: UTF-8 when valid, otherwise Windows-1252 (how legacy files arrive), then converts. */
export function decodeTextBytes(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return convertLegacyText(text.replace(/^\ufeff/, ''));
}
