/**
 * Glyph lookup by grapheme: the font's own glyph where it has one, else the base letter with
 * its combining marks stacked on it (so "ơ̆" or a letter a font lacks still renders, 1-bit).
 */
import { createBitmap, blit, type Bitmap } from './bitmap';
import type { Glyph, LedFont } from './fonts';

const BELOW_MARKS = new Set([0x323, 0x324, 0x325, 0x326, 0x327, 0x328, 0x331]);
const REPLACEMENT = '?'.codePointAt(0)!;
const composed = new WeakMap<LedFont, Map<string, Glyph>>();

function inkRows(bitmap: Bitmap): { first: number; last: number } | undefined {
  let first = -1;
  let last = -1;
  for (let y = 0; y < bitmap.height; y++) {
    for (let x = 0; x < bitmap.width; x++) {
      if (bitmap.data[y * bitmap.width + x]) {
        if (first < 0) first = y;
        last = y;
        break;
      }
    }
  }
  return first < 0 ? undefined : { first, last };
}

function composeGlyph(font: LedFont, cluster: string): Glyph {
  // Keep the precomposed base where the font has it ("ơ" + breve), else start from the bare letter.
  const [first = '', ...rest] = [...cluster.normalize('NFC')];
  const precomposed = font.has(first.codePointAt(0) ?? REPLACEMENT);
  const [baseChar = '', ...marks] = precomposed ? [first, ...rest.join('').normalize('NFD')] : [...cluster.normalize('NFD')];
  const base = font.glyph(baseChar.codePointAt(0) ?? REPLACEMENT) ?? font.glyph(REPLACEMENT)!;
  // Draw into a full line box so marks can be placed against the letter's real ink.
  const offset = Math.max(0, -base.left);
  const canvas = createBitmap(Math.max(base.advance, base.left + base.bitmap.width) + offset, font.pixelHeight);
  blit(canvas, base.bitmap, base.left + offset, base.top);
  const centre = base.left + offset + base.bitmap.width / 2;
  for (const mark of marks) {
    const cp = mark.codePointAt(0)!;
    const glyph = font.glyph(cp);
    if (!glyph) continue;
    const ink = inkRows(canvas);
    const below = BELOW_MARKS.has(cp);
    let top = glyph.top;
    if (ink && !below) top = Math.min(top, ink.first - 1 - glyph.bitmap.height);
    if (ink && below) top = Math.max(top, ink.last + 2);
    top = Math.max(0, Math.min(top, font.pixelHeight - glyph.bitmap.height));
    blit(canvas, glyph.bitmap, Math.round(centre - glyph.bitmap.width / 2), top);
  }
  return { advance: base.advance, left: -offset, top: 0, bitmap: canvas };
}

/** The glyph for one grapheme cluster (NFC expected), composing it where the font lacks it. */
export function glyphFor(font: LedFont, cluster: string): Glyph {
  const cps = [...cluster];
  if (cps.length === 1) {
    const glyph = font.glyph(cps[0]!.codePointAt(0)!);
    if (glyph) return glyph;
  }
  let cache = composed.get(font);
  if (!cache) composed.set(font, (cache = new Map()));
  let glyph = cache.get(cluster);
  if (!glyph) cache.set(cluster, (glyph = composeGlyph(font, cluster)));
  return glyph;
}

const segmenter = new Intl.Segmenter('vi', { granularity: 'grapheme' });

export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}
