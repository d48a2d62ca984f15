/**
 * Board colours: palette indices to RGB as each colour class can show them, and the LED dot look
 * of the preview (round dots in dark gaps, at an integer zoom, dimmed by the board's brightness).
 * Shared so the preview canvas and the PNG/GIF export paint the same colours.
 */
import type { Bitmap } from './bitmap';
import { CLASS_COLOURS, LED_COLOURS, type ColourClass, type LedColour } from './model';

export const LED_RGB: Record<LedColour, [number, number, number]> = {
  red: [255, 0, 0],
  green: [0, 255, 0],
  yellow: [255, 255, 0],
  blue: [0, 0, 255],
  magenta: [255, 0, 255],
  cyan: [0, 255, 255],
  white: [255, 255, 255],
};

/** RGB by palette index (0 = dark); colours the class cannot show become its first colour. */
export function boardPalette(colourClass: ColourClass): [number, number, number][] {
  const lit = CLASS_COLOURS[colourClass];
  return [[0, 0, 0], ...LED_COLOURS.map((c) => LED_RGB[lit.includes(c) ? c : lit[0]!])];
}

export interface DotLook {
  /** Screen pixels per LED (integer ≥ 1); dots are drawn from 3 up, squares below. */
  scale: number;
  colourClass: ColourClass;
  /** Board brightness in percent. */
  brightness?: number;
}

/** An unlit LED still shows as a faint dot, as on a real board. */
const UNLIT: [number, number, number] = [28, 10, 10];
const GAP: [number, number, number] = [0, 0, 0];

/** RGBA pixels for a canvas (ImageData) showing the frame as an LED board. */
export function ledDotImage(frame: Bitmap, look: DotLook): { width: number; height: number; data: Uint8ClampedArray } {
  const scale = Math.max(1, Math.floor(look.scale));
  // A board dimmed to 30 % (PWM duty) looks far brighter to the eye than 30 % of a screen's
  // value: the preview shows the perceived level (gamma 2.2), not the duty cycle.
  const gain = (Math.min(100, Math.max(0, look.brightness ?? 100)) / 100) ** (1 / 2.2);
  const palette = boardPalette(look.colourClass).map((rgb, i) => (i === 0 ? UNLIT : rgb.map((v) => Math.round(v * gain))));
  const width = frame.width * scale;
  const height = frame.height * scale;
  const data = new Uint8ClampedArray(width * height * 4);
  // Which screen pixels of one cell belong to the dot: a disc of diameter 0.8 × scale.
  const inDot = new Uint8Array(scale * scale);
  const r = (scale * 0.8) / 2;
  const c = scale / 2;
  for (let y = 0; y < scale; y++)
    for (let x = 0; x < scale; x++) inDot[y * scale + x] = scale < 3 || (x + 0.5 - c) ** 2 + (y + 0.5 - c) ** 2 <= r * r ? 1 : 0;
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / scale) * frame.width;
    const cy = (y % scale) * scale;
    for (let x = 0; x < width; x++) {
      const rgb = inDot[cy + (x % scale)] ? (palette[frame.data[row + Math.floor(x / scale)]!] ?? UNLIT) : GAP;
      const i = (y * width + x) * 4;
      data[i] = rgb[0]!;
      data[i + 1] = rgb[1]!;
      data[i + 2] = rgb[2]!;
      data[i + 3] = 255;
    }
  }
  return { width, height, data };
}

/**
 * RGBA pixels of the frame exactly as the board's pixels (one per LED, unlit = black), dimmed by
 * its brightness: what a synchronous controller copies from the screen.
 */
export function frameToRgba(frame: Bitmap, colourClass: ColourClass, brightness = 100): Uint8ClampedArray {
  const gain = Math.min(100, Math.max(0, brightness)) / 100;
  const palette = boardPalette(colourClass).map((rgb) => rgb.map((v) => Math.round(v * gain)));
  const data = new Uint8ClampedArray(frame.width * frame.height * 4);
  for (let i = 0; i < frame.data.length; i++) {
    const rgb = palette[frame.data[i]!] ?? palette[0]!;
    data[i * 4] = rgb[0]!;
    data[i * 4 + 1] = rgb[1]!;
    data[i * 4 + 2] = rgb[2]!;
    data[i * 4 + 3] = 255;
  }
  return data;
}
