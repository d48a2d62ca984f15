import { describe, expect, it } from 'vitest';
import { autoFit, getFont } from '../../../src/shared/led';

describe('autoFit', () => {
  it('picks the largest size at which the text fits without cutting a word', () => {
    const fit = autoFit('Lũ quét', { width: 128, height: 32, speed: 32, stayMs: 5000 });
    expect(fit).toMatchObject({ mode: 'fit', size: 32, lines: ['Lũ quét'] });
    const two = autoFit('Thông báo cắt điện', { width: 96, height: 32, speed: 32, stayMs: 5000 });
    expect(two.mode).toBe('fit');
    if (two.mode === 'fit') expect(two.lines.length * getFont(two.size).pixelHeight).toBeLessThanOrEqual(32);
  });

  it('scrolls at the largest single-line size when nothing fits, and warns past the stay time', () => {
    const text = 'Ủy ban nhân dân xã thông báo lịch tiêm chủng mở rộng cho trẻ em dưới 5 tuổi vào sáng thứ bảy';
    const quick = autoFit(text, { width: 64, height: 16, speed: 64, stayMs: 60_000 });
    expect(quick).toMatchObject({ mode: 'scroll', size: 16 });
    expect(quick.mode === 'scroll' ? quick.warning : 'not a scroll').toBeUndefined();
    const slow = autoFit(text, { width: 64, height: 16, speed: 16, stayMs: 10_000 });
    expect(slow.mode === 'scroll' && slow.warning?.code).toBe('scroll_longer_than_stay');
  });

  it('says when the area is lower than the smallest font', () => {
    expect(autoFit('A', { width: 64, height: 12, speed: 32, stayMs: 1000 })).toEqual({ mode: 'too-small', smallest: 13 });
  });
});
