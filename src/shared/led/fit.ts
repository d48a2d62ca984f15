/**
 * Auto-fit: the largest offered size at which a text fits an area without cutting a word; where
 * none does, a continuous scroll at the largest size whose line fits the area's height, with a
 * warning when one pass takes longer than the page's stay time.
 */
import { LED_FONT_SIZES, getFont, type LedFontSize } from './fonts';
import { measureLine, wrapText } from './rasterise';
import { normaliseText, type TonePlacement } from './vietnamese';

export type FitResult =
  | { mode: 'fit'; size: LedFontSize; lines: string[] }
  | {
      mode: 'scroll';
      size: LedFontSize;
      /** One pass (enter right, leave left) at the given speed. */
      loopMs: number;
      /** Set when one pass is longer than the stay time the editor asked for. */
      warning?: { code: 'scroll_longer_than_stay'; loopMs: number; stayMs: number };
    }
  | { mode: 'too-small'; smallest: LedFontSize };

export interface FitOptions {
  width: number;
  height: number;
  /** Pixels per second of the scroll, if it comes to that. */
  speed: number;
  stayMs: number;
  tonePlacement?: TonePlacement;
}

export function autoFit(text: string, options: FitOptions): FitResult {
  const normalised = normaliseText(text, options.tonePlacement);
  const sizes = [...LED_FONT_SIZES].reverse();
  for (const size of sizes) {
    const { lines, brokeWord } = wrapText(normalised, size, options.width);
    if (!brokeWord && lines.length * getFont(size).pixelHeight <= options.height) return { mode: 'fit', size, lines };
  }
  const size = sizes.find((s) => getFont(s).pixelHeight <= options.height);
  if (size === undefined) return { mode: 'too-small', smallest: LED_FONT_SIZES[0] };
  const pixels = options.width + measureLine(normalised.replace(/\s*\n\s*/g, ' '), size);
  const loopMs = Math.ceil((pixels * 1000) / options.speed);
  return loopMs > options.stayMs
    ? { mode: 'scroll', size, loopMs, warning: { code: 'scroll_longer_than_stay', loopMs, stayMs: options.stayMs } }
    : { mode: 'scroll', size, loopMs };
}
