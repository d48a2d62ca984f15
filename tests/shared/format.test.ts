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
});

describe('numbers typed into the screen', () => {
  it('reads a comma or a point decimal, a true minus or a hyphen, and thousands when both marks appear', () => {
    expect(parseNumber('0,5')).toBe(0.5);
    expect(parseNumber('0.5')).toBe(0.5);
    expect(parseNumber('−16')).toBe(-16);
    expect(parseNumber(' -16,25 ')).toBe(-16.25);
    expect(parseNumber('+3')).toBe(3);
    expect(parseNumber(',5')).toBe(0.5);
    expect(parseNumber('1.234,5')).toBe(1234.5);
    expect(parseNumber('1,234.5')).toBe(1234.5);
    expect(parseNumber('1 234,5')).toBe(1234.5);
    // What formatNumber writes, parseNumber reads back.
    for (const value of [0.5, -20, -4.6, 109.8, 12]) expect(parseNumber(formatNumber(value))).toBe(value);
  });

  it('refuses what is no number', () => {
    for (const bad of ['', ' ', 'abc', '1,2,3', '1.2.3', '0,5dB', '--1', '−', '1e3', '.', 'Infinity']) expect(parseNumber(bad), bad).toBeNull();
  });

  it('writes an edited value without thousands separators, so it reads back the same', () => {
    expect(formatNumber(1234.5, 'vi', { maxDigits: 2, grouping: false })).toBe('1234,5');
    expect(parseNumber(formatNumber(-1234.5, 'vi', { maxDigits: 2, grouping: false }))).toBe(-1234.5);
    expect(parseNumber(formatNumber(-0.25, 'en', { maxDigits: 2, grouping: false }))).toBe(-0.25);
  });
});
