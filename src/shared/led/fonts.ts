/**
 * The bundled LED bitmap fonts (resources/fonts/*.json, built by scripts/fonts/build-fonts.ts),
 * decoded lazily into glyph bitmaps. JSON imports bundle into the renderer and load in Node
 * alike, so preview and export draw from the same data.
 */
import efont16 from '../../../resources/fonts/efont-16.json';
import efont24 from '../../../resources/fonts/efont-24.json';
import fixed13 from '../../../resources/fonts/fixed-13.json';
import fixed15 from '../../../resources/fonts/fixed-15.json';
import fixed18 from '../../../resources/fonts/fixed-18.json';
import fixed20 from '../../../resources/fonts/fixed-20.json';
import type { Bitmap } from './bitmap';
import { LED_FONT_SIZES, type LedFontSize } from './font-sizes';

interface FontFile {
  id: string;
  family: string;
  licence: string;
  pixelHeight: number;
  ascent: number;
  glyphs: Record<string, string>;
}

/** A glyph placed in its line box: `top` rows below the line's top, `left` columns from the pen. */
export interface Glyph {
  advance: number;
  left: number;
  top: number;
  bitmap: Bitmap;
}

export interface LedFont {
  id: string;
  family: string;
  licence: string;
  /** Exact line height in pixels: every glyph lies within rows 0…pixelHeight-1. */
  pixelHeight: number;
  ascent: number;
  glyph(codePoint: number): Glyph | undefined;
  has(codePoint: number): boolean;
}

export { LED_FONT_SIZES, isLedFontSize, type LedFontSize } from './font-sizes';

const FILES: Record<LedFontSize, { file: FontFile; scale: number }> = {
  13: { file: fixed13, scale: 1 },
  15: { file: fixed15, scale: 1 },
  16: { file: efont16, scale: 1 },
  18: { file: fixed18, scale: 1 },
  20: { file: fixed20, scale: 1 },
  24: { file: efont24, scale: 1 },
  // No 32-px bitmap font with Vietnamese and a shippable licence exists; efont 16 at 2x keeps
  // every diacritic distinct and the strokes 2 px thick, which reads well on a P10 board.
  32: { file: efont16, scale: 2 },
};

function decodeGlyph(entry: string, ascent: number, scale: number): Glyph {
  const [advance, w = 0, h = 0, xoff = 0, yoff = 0, hex = ''] = entry.split(',');
  const width = Number(w);
  const height = Number(h);
  const digits = Math.ceil(width / 4);
  const data = new Uint8Array(width * height * scale * scale);
  for (let y = 0; y < height; y++) {
    const row = parseInt(hex.slice(y * digits, (y + 1) * digits), 16);
    for (let x = 0; x < width; x++) {
      if (((row >> (digits * 4 - 1 - x)) & 1) === 0) continue;
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++) data[(y * scale + dy) * width * scale + x * scale + dx] = 1;
    }
  }
  return {
    advance: Number(advance) * scale,
    left: Number(xoff) * scale,
    // BDF yoff is the bottom row's height above the baseline.
    top: (ascent - Number(yoff) - height) * scale,
    bitmap: { width: width * scale, height: height * scale, data },
  };
}

function makeFont(file: FontFile, scale: number): LedFont {
  const cache = new Map<number, Glyph>();
  return {
    id: scale === 1 ? file.id : `${file.id}@${scale}x`,
    family: file.family,
    licence: file.licence,
    pixelHeight: file.pixelHeight * scale,
    ascent: file.ascent * scale,
    has: (cp) => file.glyphs[cp.toString(16)] !== undefined,
    glyph(cp) {
      let glyph = cache.get(cp);
      if (glyph) return glyph;
      const entry = file.glyphs[cp.toString(16)];
      if (entry === undefined) return undefined;
      glyph = decodeGlyph(entry, file.ascent, scale);
      cache.set(cp, glyph);
      return glyph;
    },
  };
}

const fonts = new Map<LedFontSize, LedFont>();

export function getFont(size: LedFontSize): LedFont {
  let font = fonts.get(size);
  if (!font) {
    const { file, scale } = FILES[size];
    font = makeFont(file, scale);
    fonts.set(size, font);
  }
  return font;
}
