/**
 * The LED fonts' sizes, apart from the fonts themselves (fonts.ts, with their glyph tables): the
 * contract's schemas need only these, and a start-up that validates requests should not parse
 * every font.
 */

/** The offered pixel heights, smallest first. */
export const LED_FONT_SIZES = [13, 15, 16, 18, 20, 24, 32] as const;
export type LedFontSize = (typeof LED_FONT_SIZES)[number];

export function isLedFontSize(size: number): size is LedFontSize {
  return (LED_FONT_SIZES as readonly number[]).includes(size);
}
