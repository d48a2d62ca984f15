/**
 * E-mail and web addresses, read the way announcers spell them out: "ubnd@xa.gov.vn" →
 * "u bê nờ dê a còng xa chấm gờ o vê chấm vê nờ". A piece that is a Vietnamese syllable is said
 * as a word ("xa", "com"), anything else letter by letter; digits one by one.
 * A bare domain needs a known ending (.vn, .com …) so "TP.HCM" or "v.v." never look like one.
 */
import { spellLetters } from './abbreviation-table.ts';
import { readDigits } from './numbers.ts';
import type { Reading, Rule } from './rule.ts';
import { isVietnameseSyllable } from './syllables.ts';

const SEPARATORS: Record<string, string> = { '.': 'chấm', '@': 'a còng', '/': 'gạch chéo', '-': 'gạch ngang', _: 'gạch dưới', ':': 'hai chấm' };

function readPiece(piece: string): string {
  const runs = piece.match(/\d+|\D+/g) ?? [];
  if (runs.length > 1) return runs.map(readPiece).join(' ');
  if (/^\d+$/.test(piece)) return readDigits(piece);
  if (piece.toLowerCase() === 'www') return 'vê kép vê kép vê kép';
  if (isVietnameseSyllable(piece)) return piece.toLowerCase();
  return piece.length <= 4 ? spellLetters(piece) : piece.toLowerCase();
}

function readAddress(address: string): string {
  return address
    .replace(/^https?:\/\//i, '')
    .replace(/\/$/, '')
    .split(/([.@/\-_:])/)
    .filter(Boolean)
    .map((p) => SEPARATORS[p] ?? readPiece(p))
    .join(' ');
}

const TLD = '(?:vn|com|net|org|gov|edu|info|io|int)';

export const webAddressRules: Rule[] = [
  {
    name: 'email',
    pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/uy,
    read: (m): Reading => ({ spoken: readAddress(m[0]), kind: 'spelled' }),
  },
  {
    name: 'web-address',
    pattern: new RegExp(`(?:https?://)?(?:[A-Za-z0-9-]+\\.)+${TLD}(?:/[A-Za-z0-9._~/-]*)?(?![A-Za-z0-9])`, 'iuy'),
    read: (m): Reading => ({ spoken: readAddress(m[0]), kind: 'spelled' }),
  },
];
