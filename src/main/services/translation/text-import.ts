/**
 * Importing a bulletin or translation from .txt or .docx: decode (UTF-8, else Windows-1252 as
 * legacy files arrive), convert TCVN3/VNI with the reading service's detector, then repair the
 * leftovers seen in real minority-language data: "Ð" (U+00D0, Icelandic eth) typed for "Đ", "âê"
 * for "ấ", VNI sequences left inside otherwise-Unicode text, and decomposed or spacing breves. Every changed
 * line is reported with its text before and after, so the screen can show it and undo.
 */
import path from 'node:path';
import { StudioError } from '../../../shared/errors.ts';
import type { TextImport, TextImportChange } from '../../../shared/translation/index.ts';
import { convertLegacyText, isVietnameseSyllable, vniToUnicode } from '../reading/index.ts';
import { readDocxText } from './docx.ts';

/**
 * Signs of a VNI sequence: a mark character no Unicode Vietnamese (or minority orthography we
 * know) writes, or a hat/breve mark right after its vowel ("aâ", "oÂ", "aê").
 */
/**
 * "âê" (any case) for "ấ": seen in the Bahnar dictionary's loanwords ("châêt" = chất, "tâên" =
 * tấn, "ngâêm" = ngấm), a sắc mark left as a separate "ê" after the hat vowel.
 */
const HAT_ACUTE_RESIDUE = /([\u00e2\u00c2])[\u00ea\u00ca]/g;
const hatAcute = (hat: string) => (hat === '\u00e2' ? '\u1ea5' : '\u1ea4');

const VNI_SIGNS = /[\u00f8\u00fb\u00f5\u00e5\u00e4\u00eb\u00fc\u00f6\u00f1\u00e6\u00ee\u00ef\u00d8\u00db\u00d5\u00c5\u00c4\u00cb\u00dc\u00d6\u00d1\u00c6\u00ce\u00cf]|[aeoAEO][\u00e2\u00c2\u00ea\u00ca]/;

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

type Repair = { reason: TextImportChange['reason']; apply: (line: string) => string };

const REPAIRS: Repair[] = [
  { reason: 'eth-for-d-stroke', apply: (line) => line.replace(/\u00d0(?=\p{L})/gu, '\u0110').replace(/(?<=^|\s)\u00f0(?=\p{L})/gu, '\u0111') },
  {
    reason: 'vni-residue',
    apply: (line) =>
      line.replace(/[\p{L}\p{M}]+/gu, (word) => {
        if (isVietnameseSyllable(word)) return word;
        const residue = word.replace(HAT_ACUTE_RESIDUE, (_, hat: string) => hatAcute(hat));
        if (residue !== word && isVietnameseSyllable(residue)) return residue;
        if (!VNI_SIGNS.test(word)) return word;
        const direct = vniToUnicode(word);
        if (isVietnameseSyllable(direct)) return direct;
        // Mixed case ("NaÊm", "âÊ"): fold, convert, give the capitals back where they were.
        const folded = vniToUnicode(word.toLowerCase());
        if (!isVietnameseSyllable(folded)) return word;
        const upper = word === word.toUpperCase();
        return upper ? folded.toUpperCase() : /^\p{Lu}/u.test(word) ? folded.charAt(0).toUpperCase() + folded.slice(1) : folded;
      }),
  },
  { reason: 'decomposed-marks', apply: (line) => line.replace(/(\p{L})\u02d8/gu, '$1\u0306').normalize('NFC') },
];

/** Converts and repairs text; `original` is what came in (line ends unified), for undo. */
export function importText(raw: string): TextImport {
  const original = raw.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const { text: converted, encoding } = convertLegacyText(original);
  const before = original.split('\n');
  const afterEncoding = converted.split('\n');
  const changes: TextImportChange[] = [];
  const lines = afterEncoding.map((line, i) => {
    let reason: TextImportChange['reason'] | null = line !== before[i] && encoding !== 'unicode' ? encoding : null;
    let out = line;
    for (const repair of REPAIRS) {
      const repaired = repair.apply(out);
      if (repaired !== out) reason ??= repair.reason;
      out = repaired;
    }
    if (reason && out !== before[i]) changes.push({ line: i + 1, before: before[i] ?? '', after: out, reason });
    return out;
  });
  return { text: lines.join('\n'), original, encoding, changes };
}

/** Reads a .txt or .docx file's bytes; anything else is refused with its extension. */
export function importTextFile(bytes: Uint8Array, fileName: string): TextImport {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.docx') return importText(readDocxText(bytes));
  if (ext === '.txt' || ext === '') return importText(decode(bytes));
  throw new StudioError('unsupported_format', `cannot import ${ext} files`, { file: fileName, expected: ['.txt', '.docx'] });
}
