/** Every offered size covers the 134 Vietnamese letters, inside the line box, 1-bit, all distinct. */
import { describe, expect, it } from 'vitest';
import {
  LED_FONT_SIZES,
  VIETNAMESE_LETTERS,
  bitmapToText,
  getFont,
  glyphFor,
  measureLine,
  renderLine,
} from '../../../src/shared/led';

describe('Vietnamese letters', () => {
  it('are 134: 67 lower case and their capitals', () => {
    expect(VIETNAMESE_LETTERS).toHaveLength(134);
    expect(new Set(VIETNAMESE_LETTERS).size).toBe(134);
    expect(VIETNAMESE_LETTERS).toEqual(expect.arrayContaining(['ấ', 'Ộ', 'ử', 'Ỹ', 'đ', 'Đ', 'ặ', 'Ơ']));
  });
});

describe.each(LED_FONT_SIZES)('font at %i px', (size) => {
  const font = getFont(size);

  it('is exactly that many pixels tall and has every letter as its own glyph', () => {
    expect(font.pixelHeight).toBe(size);
    const missing = VIETNAMESE_LETTERS.filter((l) => !font.has(l.codePointAt(0)!));
    expect(missing).toEqual([]);
  });

  it('draws every letter inside its box with pixels only 0 or 1', () => {
    for (const letter of VIETNAMESE_LETTERS) {
      const glyph = glyphFor(font, letter);
      expect(glyph.top, letter).toBeGreaterThanOrEqual(0);
      expect(glyph.top + glyph.bitmap.height, letter).toBeLessThanOrEqual(size);
      const line = renderLine(letter, size);
      expect(line.height).toBe(size);
      expect(line.width).toBe(measureLine(letter, size));
      expect(line.data.every((v) => v === 0 || v === 1), letter).toBe(true);
      expect(line.data.includes(1), letter).toBe(true);
    }
  });

  it('gives the 134 letters 134 distinct bitmaps', () => {
    const art = new Map<string, string>();
    for (const letter of VIETNAMESE_LETTERS) {
      const key = bitmapToText(renderLine(letter, size));
      expect(art.get(key), `${letter} draws like ${art.get(key)}`).toBeUndefined();
      art.set(key, letter);
    }
    expect(art.size).toBe(134);
  });

  it('has digits, punctuation and the breve letters of ethnic-language orthographies', () => {
    for (const c of '0123456789.,:;!?-–()/"“”%ĭŏĕŭăĂ') expect(font.has(c.codePointAt(0)!), c).toBe(true);
  });
});
