/**
 * The one rasteriser shared by the preview and every export: NFC text in, 1-bit bitmap out,
 * at the font's exact pixel height, no anti-aliasing, measured advances, word wrap, alignment.
 */
import { blit, createBitmap, type Bitmap } from './bitmap';
import { getFont, type LedFontSize } from './fonts';
import { glyphFor, graphemes } from './glyphs';
import { normaliseText, type TonePlacement } from './vietnamese';

export type HorizontalAlign = 'left' | 'centre' | 'right';

export interface TextStyle {
  size: LedFontSize;
  tonePlacement?: TonePlacement;
}

/** Width in pixels of one line of (already normalised) text. */
export function measureLine(text: string, size: LedFontSize): number {
  const font = getFont(size);
  let width = 0;
  for (const cluster of graphemes(text)) width += glyphFor(font, cluster).advance;
  return width;
}

/** One line of text as a bitmap exactly `measureLine` wide and the font's pixel height tall. */
export function renderLine(text: string, size: LedFontSize): Bitmap {
  const font = getFont(size);
  const clusters = graphemes(text);
  const bitmap = createBitmap(measureLine(text, size), font.pixelHeight);
  let pen = 0;
  for (const cluster of clusters) {
    const glyph = glyphFor(font, cluster);
    blit(bitmap, glyph.bitmap, pen + glyph.left, glyph.top);
    pen += glyph.advance;
  }
  return bitmap;
}

/** Renders text after NFC and tone-placement normalisation (the entry point callers use). */
export function renderText(text: string, style: TextStyle): Bitmap {
  return renderLine(normaliseText(text, style.tonePlacement), style.size);
}

export interface WrapResult {
  lines: string[];
  /** True when a single word was wider than the area and had to be cut. */
  brokeWord: boolean;
}

/** Greedy wrap at spaces (and explicit line breaks); a word wider than the area is cut. */
export function wrapText(text: string, size: LedFontSize, width: number): WrapResult {
  const lines: string[] = [];
  let brokeWord = false;
  const spaceWidth = measureLine(' ', size);
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/ +/).filter(Boolean)) {
      const wordWidth = measureLine(word, size);
      if (line && lineWidth + spaceWidth + wordWidth <= width) {
        line += ` ${word}`;
        lineWidth += spaceWidth + wordWidth;
        continue;
      }
      if (line) lines.push(line);
      if (wordWidth <= width) {
        line = word;
        lineWidth = wordWidth;
        continue;
      }
      brokeWord = true;
      line = '';
      lineWidth = 0;
      for (const cluster of graphemes(word)) {
        const w = measureLine(cluster, size);
        if (line && lineWidth + w > width) {
          lines.push(line);
          line = '';
          lineWidth = 0;
        }
        line += cluster;
        lineWidth += w;
      }
    }
    lines.push(line);
  }
  return { lines, brokeWord };
}

export interface BlockOptions extends TextStyle {
  width: number;
  height: number;
  align: HorizontalAlign;
}

export function alignOffset(lineWidth: number, width: number, align: HorizontalAlign): number {
  if (align === 'left') return 0;
  if (align === 'right') return width - lineWidth;
  return Math.floor((width - lineWidth) / 2);
}

/**
 * A wrapped, aligned block of lines, vertically centred; its height is lines × pixel height
 * (may exceed `height`: callers scroll or clip it). Lines sit edge to edge: two 16-px lines
 * fill a 32-px area exactly.
 */
export function renderBlock(text: string, options: BlockOptions): Bitmap {
  const normalised = normaliseText(text, options.tonePlacement);
  const { lines } = wrapText(normalised, options.size, options.width);
  const lineHeight = getFont(options.size).pixelHeight;
  const block = createBitmap(options.width, Math.max(options.height, lines.length * lineHeight));
  const top = Math.max(0, Math.floor((options.height - lines.length * lineHeight) / 2));
  lines.forEach((line, i) => {
    const bitmap = renderLine(line, options.size);
    blit(block, bitmap, alignOffset(bitmap.width, options.width, options.align), top + i * lineHeight);
  });
  return block;
}
