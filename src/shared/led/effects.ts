/**
 * Effects as pure functions of (page, area size, t): where the page's rendered text sits in its
 * area at time t. The preview, the PNG/GIF export and the board upload all draw through here,
 * so they cannot disagree. Positions are whole pixels: p = floor(t · speed / 1000).
 */
import { blit, createBitmap, sealBitmap, type Bitmap } from './bitmap';
import { getFont } from './fonts';
import { normaliseText } from './vietnamese';
import { renderBlock, renderLine } from './rasterise';
import type { Page } from './model';

export interface AreaSize {
  width: number;
  height: number;
}

/** What to draw for a page at one instant: `bitmap` at (x, y) inside the area, or nothing. */
export interface Placement {
  bitmap: Bitmap;
  x: number;
  y: number;
  visible: boolean;
}

export const BLINK_HALF_PERIOD_MS = 500;

interface Layout {
  block: Bitmap; // wrapped, aligned, vertically centred; at least the area's height
  strip: Bitmap; // one line for continuous scrolling
  stripY: number;
}

const layouts = new WeakMap<Page, Map<string, Layout>>();

function layoutOf(page: Page, area: AreaSize): Layout {
  let bySize = layouts.get(page);
  if (!bySize) layouts.set(page, (bySize = new Map()));
  const key = `${area.width}x${area.height}`;
  let layout = bySize.get(key);
  if (!layout) {
    const block = renderBlock(page.text, { ...page, width: area.width, height: area.height });
    const strip = renderLine(normaliseText(page.text.replace(/\s*\n\s*/g, ' '), page.tonePlacement), page.size);
    layout = { block: sealBitmap(block), strip: sealBitmap(strip), stripY: Math.floor((area.height - getFont(page.size).pixelHeight) / 2) };
    bySize.set(key, layout);
  }
  return layout;
}

const pixelsMoved = (page: Page, t: number): number => Math.floor((t * page.speed) / 1000);
const travelMs = (pixels: number, page: Page): number => Math.ceil((pixels * 1000) / page.speed);

/** One pass of a continuous scroll: the text enters at the right edge and leaves at the left. */
export function scrollLoopPixels(page: Page, area: AreaSize): number {
  return area.width + layoutOf(page, area).strip.width;
}

/** Length of one cycle of the page (played `repeats` times before the next page). */
export function pageCycleMs(page: Page, area: AreaSize): number {
  const layout = layoutOf(page, area);
  switch (page.effect) {
    case 'static':
    case 'blink':
      return Math.max(page.stayMs, 1);
    case 'move-left':
      return travelMs(area.width, page) + page.stayMs;
    case 'move-up':
      return travelMs(area.height + Math.max(0, layout.block.height - area.height), page) + page.stayMs;
    case 'scroll-left':
      return travelMs(scrollLoopPixels(page, area), page);
  }
}

export const pageDurationMs = (page: Page, area: AreaSize): number => pageCycleMs(page, area) * page.repeats;

/** Where the page's text is at time t (ms since the page started; taken modulo its cycle). */
export function pagePlacement(page: Page, area: AreaSize, t: number): Placement {
  const layout = layoutOf(page, area);
  const local = ((t % pageCycleMs(page, area)) + pageCycleMs(page, area)) % pageCycleMs(page, area);
  switch (page.effect) {
    case 'static':
      return { bitmap: layout.block, x: 0, y: 0, visible: true };
    case 'blink':
      return { bitmap: layout.block, x: 0, y: 0, visible: Math.floor(local / BLINK_HALF_PERIOD_MS) % 2 === 0 };
    case 'move-left':
      return { bitmap: layout.block, x: Math.max(0, area.width - pixelsMoved(page, local)), y: 0, visible: true };
    case 'move-up': {
      const finalY = Math.min(0, area.height - layout.block.height);
      return { bitmap: layout.block, x: 0, y: Math.max(finalY, area.height - pixelsMoved(page, local)), visible: true };
    }
    case 'scroll-left': {
      const loop = scrollLoopPixels(page, area);
      return { bitmap: layout.strip, x: area.width - (pixelsMoved(page, local) % loop), y: layout.stripY, visible: true };
    }
  }
}

/** The page's frame at time t: a 1-bit bitmap the size of its area. */
export function pageFrame(page: Page, area: AreaSize, t: number): Bitmap {
  const frame = createBitmap(area.width, area.height);
  const placement = pagePlacement(page, area, t);
  if (placement.visible) blit(frame, placement.bitmap, placement.x, placement.y);
  return frame;
}

/** Which page of a sequence plays at time t, and the time inside it (the sequence loops). */
export function pageAt(pages: readonly Page[], area: AreaSize, t: number): { page: Page; index: number; local: number } {
  const durations = pages.map((p) => pageDurationMs(p, area));
  const total = durations.reduce((a, b) => a + b, 0);
  let local = ((t % total) + total) % total;
  for (let index = 0; index < pages.length; index++) {
    if (local < durations[index]!) return { page: pages[index]!, index, local };
    local -= durations[index]!;
  }
  return { page: pages[0]!, index: 0, local: 0 };
}
