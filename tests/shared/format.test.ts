import { describe, expect, it } from 'vitest';
import { formatBytes, formatClock, formatDate, formatDateTime, formatNumber, formatPercent, formatTime, parseNumber } from '../../src/shared/format.ts';

describe('vi-VN formats shared by every screen', () => {
  it('writes numbers with comma decimals, dot thousands and the true minus sign', () => {
    expect(formatNumber(109.8, 'vi', { digits: 1 })).toBe('109,8');
    expect(formatNumber(-23, 'vi', { digits: 1 })).toBe('−23,0');
    expect(formatNumber(-4.6, 'vi', { digits: 1, signed: true })).toBe('−4,6');
    expect(formatNumber(4.6, 'vi', { digits: 1, signed: true })).toBe('+4,6');
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(-0.04, 'vi', { digits: 1 })).toBe('0,0');
    expect(formatNumber(-Infinity)).toBe('−∞');
    expect(formatNumber(-23, 'en', { digits: 1 })).toBe('−23.0');
    expect(formatPercent(0.456, 'vi', 1)).toBe('45,6 %');
    expect(formatBytes(12_400_000)).toBe('12,4 MB');
    expect(formatBytes(850_000)).toBe('850 kB');
  });

  it('writes dates day first and times on the 24-hour clock', () => {
    const evening = new Date(2026, 11, 1, 22, 40, 38);
    expect(formatDate(evening)).toBe('01/12/2026');
    expect(formatTime(evening)).toBe('22:40');
    expect(formatTime(evening, true)).toBe('22:40:38');
    expect(formatDateTime(evening)).toBe('22:40 01/12/2026');
    expect(formatDateTime('not a date')).toBe('—');
  });

  it('writes lengths as clock readings', () => {
    expect(formatClock(75.4)).toBe('1:15');
    expect(formatClock(75.25, 'vi', 3)).toBe('1:15,250');
    expect(formatClock(3723)).toBe('1:02:03');
  });

  it('reads numbers as people type them: comma or dot decimals, the true minus, vi-VN thousands', () => {
    expect(parseNumber('0,5')).toBe(0.5);
    expect(parseNumber('0.5')).toBe(0.5);
    expect(parseNumber(' −20 ')).toBe(-20);
    expect(parseNumber('-1,25')).toBe(-1.25);
    expect(parseNumber('1.234,5')).toBe(1234.5);
    expect(parseNumber('1.234.567')).toBe(1234567);
    expect(parseNumber('1,234.5', 'en')).toBe(1234.5);
    // What formatNumber writes, parseNumber reads back.
    for (const value of [0.5, -20, -4.6, 109.8, 12]) expect(parseNumber(formatNumber(value))).toBe(value);
    for (const text of ['', 'abc', '1,2,3', '--1', '1e3', ',']) expect(parseNumber(text)).toBeNaN();
  });
});
