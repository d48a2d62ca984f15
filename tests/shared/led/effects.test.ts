import { describe, expect, it } from 'vitest';
import {
  BLINK_HALF_PERIOD_MS,
  Page,
  Programme,
  bitmapToText,
  boardFrame,
  clockText,
  countdownText,
  pageAt,
  pageCycleMs,
  pageFrame,
  pagePlacement,
  renderText,
  scrollLoopPixels,
} from '../../../src/shared/led';
import { readGolden } from './golden';

const area = { width: 48, height: 16 };
const page = (fields: Partial<Page>): Page => Page.parse({ text: 'Lũ quét', size: 13, ...fields });

describe('effect frames equal golden frames', () => {
  it.each([
    ['static', { effect: 'static' }, 0],
    ['move-left-500', { effect: 'move-left', speed: 48 }, 500],
    ['move-up-250', { effect: 'move-up', speed: 32 }, 250],
    ['scroll-left-1000', { effect: 'scroll-left', speed: 30 }, 1000],
  ] as const)('%s', (name, fields, t) => {
    const frame = pageFrame(page(fields), area, t);
    expect(bitmapToText(frame)).toBe(readGolden(`effect-${name}`, frame));
  });

  it('blink shows the text, then nothing, every half period', () => {
    const p = page({ effect: 'blink', stayMs: 4000 });
    const lit = pageFrame(p, area, 0);
    expect(lit.data.includes(1)).toBe(true);
    expect(pageFrame(p, area, BLINK_HALF_PERIOD_MS).data.includes(1)).toBe(false);
    expect(pageFrame(p, area, 2 * BLINK_HALF_PERIOD_MS)).toEqual(lit);
  });

  it('move-left ends at the static layout and stays there', () => {
    const moving = page({ effect: 'move-left', speed: 48, stayMs: 2000 });
    const settled = pageFrame(moving, area, 1000); // 48 px at 48 px/s: in place
    expect(settled).toEqual(pageFrame(page({ effect: 'static' }), area, 0));
    expect(pageFrame(moving, area, 2500)).toEqual(settled);
    expect(pageFrame(moving, area, 0).data.includes(1)).toBe(false); // starts just off the right edge
    expect(pageCycleMs(moving, area)).toBe(3000);
  });

  it('is a pure function of time: the same t gives the same frame', () => {
    const p = page({ effect: 'scroll-left', speed: 40 });
    expect(pageFrame(p, area, 1234)).toEqual(pageFrame(p, area, 1234));
    expect(pageFrame(p, area, 1234 + pageCycleMs(p, area))).toEqual(pageFrame(p, area, 1234));
  });
});

describe('continuous scroll', () => {
  it('covers the text exactly once per loop: each text column crosses each area column once', () => {
    const speed = 25;
    const p = page({ effect: 'scroll-left', speed, text: 'Bảng tin điện tử xã' });
    const strip = renderText(p.text, { size: 13 });
    const loop = scrollLoopPixels(p, area);
    expect(loop).toBe(area.width + strip.width);
    const seen = new Map<string, number>();
    for (let step = 0; step < loop; step++) {
      const t = Math.ceil((step * 1000) / speed);
      const { x } = pagePlacement(p, area, t);
      expect(x).toBe(area.width - step);
      for (let col = 0; col < strip.width; col++) {
        const at = x + col;
        if (at >= 0 && at < area.width) seen.set(`${col}:${at}`, (seen.get(`${col}:${at}`) ?? 0) + 1);
      }
    }
    expect(seen.size).toBe(strip.width * area.width);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    // Loop starts and ends with an empty area; the next loop starts again off the right edge.
    expect(pageFrame(p, area, 0).data.includes(1)).toBe(false);
    expect(pagePlacement(p, area, pageCycleMs(p, area)).x).toBe(area.width);
  });
});

describe('page sequence and board frame', () => {
  it('plays pages in order, each for its cycle × repeats', () => {
    const pages = [page({ stayMs: 1000, repeats: 2 }), page({ text: 'Mưa lớn', stayMs: 500 })];
    expect(pageAt(pages, area, 1999).index).toBe(0);
    expect(pageAt(pages, area, 2000).index).toBe(1);
    expect(pageAt(pages, area, 2500)).toMatchObject({ index: 0, local: 0 });
  });

  it('composes areas in their colours, clipped to their rectangles', () => {
    const programme = Programme.parse({
      name: 'Bảng xã',
      width: 64,
      height: 32,
      areas: [
        { kind: 'text', x: 0, y: 0, width: 64, height: 16, pages: [{ text: 'Hòa Bình', size: 13, colour: 'green' }] },
        { kind: 'clock', x: 0, y: 16, width: 64, height: 16, size: 13, colour: 'yellow', format: 'HH:mm' },
      ],
    });
    const frame = boardFrame(programme, 61_000, { startEpochMs: Date.UTC(2026, 0, 1, 2, 59) });
    const top = frame.data.subarray(0, 64 * 16);
    const bottom = frame.data.subarray(64 * 16);
    expect(new Set(top)).toEqual(new Set([0, 2]));
    expect(new Set(bottom)).toEqual(new Set([0, 3]));
    expect(bitmapToText(frame)).toBe(readGolden('board-clock', frame));
  });

  it('formats clocks in the board time zone and counts days down', () => {
    const at = Date.UTC(2026, 4, 20, 17, 5, 9); // 00:05:09 on 21/05 in Vietnam
    expect(clockText('HH:mm:ss', at, 420)).toBe('00:05:09');
    expect(clockText('dd/MM/yyyy HH:mm', at, 420)).toBe('21/05/2026 00:05');
    expect(countdownText('Còn {days} ngày', '2026-05-23T00:00:00+07:00', at)).toBe('Còn 2 ngày');
    expect(countdownText('Còn {days} ngày', '2026-05-01T00:00:00+07:00', at)).toBe('Còn 0 ngày');
  });
});

describe('sealed bitmaps', () => {
  it('blit the same pixels with and without their ink spans', async () => {
    const { blit, createBitmap, sealBitmap, renderBlock } = await import('../../../src/shared/led');
    const block = renderBlock('Ấp Ộc Ửa Ỹ, người dân', { size: 16, width: 60, height: 40, align: 'right' });
    const sealed = sealBitmap({ ...block, data: block.data.slice() });
    for (const [x, y] of [[0, 0], [-7, 3], [13, -5], [50, 30]] as const) {
      const a = createBitmap(64, 48);
      const b = createBitmap(64, 48);
      blit(a, block, x, y, 2, { x: 4, y: 2, width: 50, height: 40 });
      blit(b, sealed, x, y, 2, { x: 4, y: 2, width: 50, height: 40 });
      expect(b).toEqual(a);
    }
  });
});
