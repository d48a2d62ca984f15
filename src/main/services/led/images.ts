/**
 * Board frames to image files: PNG (fast-png) and animated GIF (gifenc). Pixels are the board's
 * palette indices; a board of a poorer colour class shows what it can light (single: all red).
 */
import { encode as encodePng } from 'fast-png';
import * as gifenc from 'gifenc';
import { CLASS_COLOURS, LED_COLOURS, type Bitmap, type LedColour } from '../../../shared/led';

export type ColourClass = keyof typeof CLASS_COLOURS;

const RGB: Record<LedColour, [number, number, number]> = {
  red: [255, 0, 0],
  green: [0, 255, 0],
  yellow: [255, 255, 0],
  blue: [0, 0, 255],
  magenta: [255, 0, 255],
  cyan: [0, 255, 255],
  white: [255, 255, 255],
};

/** RGB palette by index (0 = dark), with colours the class cannot show replaced by its first. */
export function boardPalette(colourClass: ColourClass): number[][] {
  const lit = CLASS_COLOURS[colourClass];
  return [[0, 0, 0], ...LED_COLOURS.map((c) => RGB[lit.includes(c) ? c : lit[0]!])];
}

export function frameToPng(frame: Bitmap, colourClass: ColourClass): Uint8Array {
  const palette = boardPalette(colourClass);
  const rgb = new Uint8Array(frame.width * frame.height * 3);
  for (let i = 0; i < frame.data.length; i++) rgb.set(palette[frame.data[i]!] ?? palette[0]!, i * 3);
  return encodePng({ width: frame.width, height: frame.height, data: rgb, channels: 3, depth: 8 });
}

export interface TimedFrame {
  frame: Bitmap;
  delayMs: number;
}

/** One GIF frame per board frame; palette indices go straight through (no quantisation). */
export function framesToGif(frames: TimedFrame[], colourClass: ColourClass): Uint8Array {
  // Bundlers take gifenc's ES build (named export); plain Node its CommonJS one (under default).
  const encoder = (gifenc.default?.GIFEncoder ?? gifenc.GIFEncoder)();
  const palette = boardPalette(colourClass);
  frames.forEach(({ frame, delayMs }, i) =>
    encoder.writeFrame(frame.data, frame.width, frame.height, i === 0 ? { palette, delay: delayMs, repeat: 0 } : { delay: delayMs }),
  );
  encoder.finish();
  return encoder.bytes();
}
