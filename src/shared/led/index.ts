/** LED boards: the contract shared by the preview (renderer) and export/upload (main). */
export * from './bitmap';
export * from './board-frame';
export * from './effects';
export * from './fit';
export { LED_FONT_SIZES, getFont, isLedFontSize, type LedFont, type LedFontSize, type Glyph } from './fonts';
export { glyphFor, graphemes } from './glyphs';
export * from './model';
export * from './notice';
export * from './palette';
export * from './rasterise';
export * from './schedule';
export * from './vietnamese';
