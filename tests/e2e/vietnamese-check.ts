/**
 * What the Vietnamese walk (vietnamese-walk.e2e.test.ts) accepts on a screen: a visible string is
 * fine when it is a value from the Vietnamese locale files (interpolation placeholders match
 * anything), a piece of one (React splits a sentence around its links and figures), the user's
 * own data, or only figures, units and signs. Every string is also checked for vi-VN forms of
 * numbers, dates and times.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

function localeFiles(): string[] {
  const features = path.join(ROOT, 'src/renderer/features');
  const shared = path.join(ROOT, 'src/shared/locales');
  return [
    path.join(ROOT, 'src/renderer/i18n/locales/vi.json'),
    ...fs.readdirSync(features).map((f) => path.join(features, f, 'locales/vi.json')),
    ...fs.readdirSync(shared).map((f) => path.join(shared, f, 'vi.json')),
  ].filter((file) => fs.existsSync(file));
}

function values(node: unknown, into: string[]): string[] {
  if (typeof node === 'string') into.push(node);
  else if (node && typeof node === 'object') for (const child of Object.values(node)) values(child, into);
  return into;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
const PLACEHOLDER = /\{\{[^}]+\}\}|\$t\([^)]*\)/g;

export interface VietnameseCheck {
  /** Why `text` is not acceptable, or null when it is. */
  problem(text: string): string | null;
}

/** Technical units and names that are the same in every language. */
const NEUTRAL_WORDS = new Set(
  'LUFS LU dB dBFS dBTP kHz Hz kB MB GB KiB MiB B s ms px kbit/s MP3 WAV BWF FLAC OGG M4A AAC ZIP GIF PNG USB LED TTS ID CA TLS URL HTTP HTTPS COM TCP IP sha256 Piper VITS ONNX UBND'.split(' '),
);
const NEUTRAL = /^[\s\d.,:;/()[\]+\-−–—×·•…%#№'"“”‘’«»<>=←→↑↓↶↷▶■●◉○✓✔✗✕×?!*|&@_~^°∞≈]*$/u;
/** A language code (vi, tyz, vie): the studio's language list names them; codes are technical. */
const LANGUAGE_CODE = /^[a-z]{2,3}$/;
/** Where a composed string (a select's option, "Tày (tyz)", "vie→tyz") may be split into its parts. */
const SEPARATORS = /\s+·\s+|\s*→\s*|\s*\(|\)\s*|,\s+/;
const SYMBOLS_AT_ENDS = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

export function vietnameseCheck(userData: string[]): VietnameseCheck {
  const texts = localeFiles().flatMap((file) => values(JSON.parse(fs.readFileSync(file, 'utf8')), []).map(normalise));
  const patterns = texts.map((text) => new RegExp(`^${text.split(PLACEHOLDER).map(escape).join('.*?')}$`, 's'));
  // Pieces: each literal run between placeholders (a sentence split around a figure or a link).
  const pieces = texts.flatMap((text) => text.split(PLACEHOLDER).map((piece) => piece.trim())).filter((piece) => piece.length > 0);
  const data = userData.map(normalise);

  // A part of a sentence counts only when it is a run of words (a <Trans> split); a lone short word
  // inside a longer sentence ("mono" in "Đơn kênh (mono)") is not proof that the screen took it from there.
  const pieceSet = new Set(pieces);
  const fromLocale = (text: string) =>
    patterns.some((p) => p.test(text)) || pieceSet.has(text) || (text.includes(' ') && text.length >= 8 && pieces.some((piece) => piece.includes(text)));
  const fromUser = (text: string) => {
    const bare = text.replace(/^…|…$/g, '').trim();
    return data.some((d) => d.includes(bare) || (bare.includes(d) && d.length >= 4));
  };
  const neutral = (text: string) =>
    LANGUAGE_CODE.test(text) || text.split(/\s+/).every((word) => NEUTRAL.test(word) || NEUTRAL_WORDS.has(word.replace(/[(),.:;·]/g, '')));
  const accepted = (text: string): boolean => {
    if (!text || neutral(text) || fromUser(text) || fromLocale(text)) return true;
    const core = text.replace(SYMBOLS_AT_ENDS, '');
    if (core !== text && core && (fromLocale(core) || fromUser(core))) return true;
    const parts = text.split(SEPARATORS).map((part) => part.trim());
    return parts.length > 1 && parts.every(accepted);
  };

  return {
    problem(raw) {
      const text = normalise(raw);
      if (!text) return null;
      return formProblem(text) ?? (accepted(text) ? null : 'not from the Vietnamese locale files');
    },
  };
}

const today = new Date();

/** A number, date or time not in vi-VN form; paths, addresses, versions and file names set aside. */
export function formProblem(text: string): string | null {
  const plain = text
    .replace(/\b[a-z]+:\/\/\S+/gi, ' ') // addresses
    .replace(/(^|\s)(\/|[A-Z]:\\)\S*/g, ' ') // paths
    .replace(/\S+\.(wav|mp3|flac|ogg|m4a|zip|txt|gif|png|json|pem|hex|bin|sqlite|exe|yml|onnx|tmx|tsv)\b/gi, ' ') // file names
    .replace(/\b\d+\.\d+\.\d+\b/g, ' ') // versions
    .replace(/\bv\d+(\.\d+)*/g, ' ');
  if (/\d\.\d{1,2}(?!\d)/.test(plain) || /\d\.\d{4,}/.test(plain)) return 'decimal point instead of a comma';
  if (/(^|[\s(])-\d/.test(plain)) return 'hyphen-minus instead of the minus sign U+2212';
  if (/\b\d{1,2}:\d{2}(:\d{2})?\s?(AM|PM|SA|CH)\b/i.test(plain)) return '12-hour time';
  if (/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(plain)) return 'raw ISO timestamp';
  if (/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d/.test(plain)) return 'English month name';
  for (const [, d, m] of plain.matchAll(/\b(\d{1,2})\/(\d{1,2})\/\d{4}\b/g)) {
    if (d!.length !== 2 || m!.length !== 2) return 'date not as dd/mm/yyyy';
    const monthFirst = Number(d) === today.getMonth() + 1 && Number(m) === today.getDate() && today.getDate() !== today.getMonth() + 1;
    if (monthFirst) return 'date month first (mm/dd/yyyy)';
  }
  return null;
}
