import { describe, expect, it } from 'vitest';
import { bitmapFromText, boardPalette, ledDotImage } from '../../../src/shared/led';

const frame = bitmapFromText(`
  1.
  .3`);
const px = (img: ReturnType<typeof ledDotImage>, x: number, y: number): number[] => Array.from(img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 4));

describe('board palette', () => {
  it('shows what each colour class can light', () => {
    expect(boardPalette('dual')[3]).toEqual([255, 255, 0]);
    expect(boardPalette('single')[3]).toEqual([255, 0, 0]);
    expect(boardPalette('full')[7]).toEqual([255, 255, 255]);
  });
});

describe('LED dot look', () => {
  it('draws round dots in dark gaps at an integer zoom, dimmed by brightness', () => {
    const img = ledDotImage(frame, { scale: 10, colourClass: 'dual', brightness: 50 });
    expect([img.width, img.height]).toEqual([20, 20]);
    expect(px(img, 5, 5)).toEqual([186, 0, 0, 255]); // centre of the red dot at half brightness, as the eye sees it (0.5^(1/2.2))
    expect(px(img, 15, 15)).toEqual([186, 186, 0, 255]); // yellow
    expect(px(img, 0, 0)).toEqual([0, 0, 0, 255]); // the gap between dots
    expect(px(img, 15, 5)).toEqual([28, 10, 10, 255]); // an unlit LED, faint
  });

  it('falls back to plain squares below 3 px per LED', () => {
    const img = ledDotImage(frame, { scale: 1, colourClass: 'single' });
    expect(px(img, 0, 0)).toEqual([255, 0, 0, 255]);
    expect(px(img, 1, 1)).toEqual([255, 0, 0, 255]);
  });
});
