/**
 * Board frames to image files: PNG (fast-png) and animated GIF (gifenc). Pixels are the board's
 * palette indices, painted with the shared palette (a single-colour board shows all lit red).
 */
import { encode as encodePng } from 'fast-png';
import * as gifenc from 'gifenc';
import { boardPalette, type Bitmap, type ColourClass } from '../../../shared/led';

export { boardPalette, type ColourClass };

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
