/**
 * A whole board frame at time t, composed from its areas: each area's 1-bit content is drawn in
 * its colour's palette index (0 = dark). Preview and export both call `boardFrame`.
 */
import { bitmapFromText, blit, createBitmap, sealBitmap, type Bitmap } from './bitmap';
import { pageAt, pageDurationMs, pagePlacement } from './effects';
import { colourIndex, type Area, type Programme } from './model';
import { alignOffset, renderText } from './rasterise';

export interface FrameClock {
  /** Wall-clock time (epoch ms) at t = 0, for clock and countdown areas. */
  startEpochMs: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Formats a clock area's text at an instant (its own UTC offset, no host time zone involved). */
export function clockText(format: Extract<Area, { kind: 'clock' }>['format'], epochMs: number, utcOffsetMinutes: number): string {
  const d = new Date(epochMs + utcOffsetMinutes * 60_000);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  const date = `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  switch (format) {
    case 'HH:mm':
      return time;
    case 'HH:mm:ss':
      return `${time}:${pad(d.getUTCSeconds())}`;
    case 'dd/MM/yyyy':
      return date;
    case 'dd/MM/yyyy HH:mm':
      return `${date} ${time}`;
  }
}

/** Whole days left until the target (0 once reached), filled into the template's "{days}". */
export function countdownText(template: string, targetIso: string, epochMs: number): string {
  const days = Math.max(0, Math.ceil((Date.parse(targetIso) - epochMs) / 86_400_000));
  return template.replaceAll('{days}', String(days));
}

const textCache = new Map<string, Bitmap>();
function cachedText(text: string, size: Parameters<typeof renderText>[1]['size']): Bitmap {
  const key = `${size}\u0000${text}`;
  let bitmap = textCache.get(key);
  if (!bitmap) {
    if (textCache.size > 256) textCache.clear(); // a clock makes a new text every second
    textCache.set(key, (bitmap = sealBitmap(renderText(text, { size }))));
  }
  return bitmap;
}

const images = new WeakMap<object, Bitmap>();

function drawArea(frame: Bitmap, area: Area, t: number, clock: FrameClock): void {
  const clip = { x: area.x, y: area.y, width: area.width, height: area.height };
  const colour = colourIndex('colour' in area ? area.colour : 'red');
  const centredLine = (text: string, size: Parameters<typeof cachedText>[1], align: 'left' | 'centre' | 'right') => {
    const line = cachedText(text, size);
    const x = area.x + alignOffset(line.width, area.width, align);
    blit(frame, line, x, area.y + Math.floor((area.height - line.height) / 2), colour, clip);
  };
  switch (area.kind) {
    case 'text': {
      const { page, local } = pageAt(area.pages, area, t);
      const placement = pagePlacement(page, area, local);
      if (placement.visible)
        blit(frame, placement.bitmap, area.x + placement.x, area.y + placement.y, colourIndex(page.colour), clip);
      return;
    }
    case 'clock':
      return centredLine(clockText(area.format, clock.startEpochMs + t, area.utcOffsetMinutes), area.size, area.align);
    case 'countdown':
      return centredLine(countdownText(area.template, area.target, clock.startEpochMs + t), area.size, area.align);
    case 'image': {
      let image = images.get(area);
      if (!image) images.set(area, (image = sealBitmap(bitmapFromText(area.pixels))));
      blit(frame, image, area.x, area.y, colour, clip);
      return;
    }
  }
}

/** The board's frame at t ms into the programme. Pass `into` to reuse a buffer (preview loop). */
export function boardFrame(programme: Programme, t: number, clock: FrameClock = { startEpochMs: 0 }, into?: Bitmap): Bitmap {
  const frame = into ?? createBitmap(programme.width, programme.height);
  if (into) frame.data.fill(0);
  for (const area of programme.areas) drawArea(frame, area, t, clock);
  return frame;
}

/** One full run of the programme: the longest page sequence among its text areas (≥ 1 s). */
export function programmeDurationMs(programme: Programme): number {
  let longest = 1000;
  for (const area of programme.areas)
    if (area.kind === 'text') longest = Math.max(longest, area.pages.reduce((sum, p) => sum + pageDurationMs(p, area), 0));
  return longest;
}
