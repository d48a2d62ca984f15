import { describe, expect, it } from 'vitest';
import {
  bitmapToText,
  bitmapsEqual,
  getFont,
  normaliseText,
  placeTones,
  renderBlock,
  renderText,
  wrapText,
} from '../../../src/shared/led';
import { readGolden } from './golden';

describe('golden words', () => {
  it.each([
    ['bang-tin-16', 'Bảng tin', 16],
    ['khan-cap-13', 'KHẨN CẤP', 13],
    ['stacked-16', 'Ấ Ộ Ử Ỹ', 16],
    ['nguoi-dan-24', 'Người dân', 24],
    ['lu-quet-32', 'Lũ quét', 32],
  ] as const)('%s', (name, text, size) => {
    const bitmap = renderText(text, { size });
    expect(bitmapToText(bitmap)).toBe(readGolden(name, bitmap));
  });
});

describe('normalisation', () => {
  it('renders NFD input exactly as NFC', () => {
    const nfc = 'Thông báo khẩn: Ủy ban nhân dân xã Hòa Bình';
    for (const size of [13, 16, 24] as const)
      expect(bitmapsEqual(renderText(nfc.normalize('NFD'), { size }), renderText(nfc, { size }))).toBe(true);
  });

  it('renders old- and new-style tone placement the same, in the chosen style', () => {
    expect(placeTones('hoà khoẻ thuỷ', 'old')).toBe('hòa khỏe thủy');
    expect(placeTones('hòa khỏe thủy', 'new')).toBe('hoà khoẻ thuỷ');
    expect(placeTones('hoàng quý Quý thuở', 'old')).toBe('hoàng quý Quý thuở');
    expect(placeTones('HOÀ', 'old')).toBe('HÒA');
    for (const size of [13, 16] as const) {
      expect(bitmapsEqual(renderText('Hoà Bình, sức khoẻ', { size }), renderText('Hòa Bình, sức khỏe', { size }))).toBe(true);
      expect(
        bitmapsEqual(
          renderText('thủy lợi', { size, tonePlacement: 'new' }),
          renderText('thuỷ lợi'.normalize('NFD'), { size, tonePlacement: 'new' }),
        ),
      ).toBe(true);
    }
    expect(normaliseText('hoa\u0300')).toBe('hòa');
  });

  it('composes a letter the font lacks from its base and combining marks', () => {
    const composed = renderText('ơ\u0306', { size: 16 }); // ơ̆ (Cham, Ede orthographies)
    const plain = renderText('ơ', { size: 16 });
    expect(composed.width).toBe(plain.width);
    expect(bitmapsEqual(composed, plain)).toBe(false);
    // The breve sits above the letter's ink, inside the box.
    const rowsWithInk = [...Array(16).keys()].filter((y) => composed.data.subarray(y * composed.width, (y + 1) * composed.width).includes(1));
    const plainRows = [...Array(16).keys()].filter((y) => plain.data.subarray(y * plain.width, (y + 1) * plain.width).includes(1));
    expect(Math.min(...rowsWithInk)).toBeLessThan(Math.min(...plainRows));
  });
});

describe('layout', () => {
  it('wraps at word boundaries within the width', () => {
    const { lines, brokeWord } = wrapText('Thông báo lịch cắt điện ngày mai', 16, 96);
    expect(brokeWord).toBe(false);
    expect(lines.join(' ')).toBe('Thông báo lịch cắt điện ngày mai');
    for (const line of lines) expect(renderText(line, { size: 16 }).width).toBeLessThanOrEqual(96);
    expect(lines.length).toBeGreaterThan(1);
  });

  it('cuts a word wider than the area, and says so', () => {
    const { lines, brokeWord } = wrapText('Nghiêngnghiêngnghiêng', 16, 40);
    expect(brokeWord).toBe(true);
    expect(lines.join('')).toBe('Nghiêngnghiêngnghiêng');
  });

  it('fits two 16-px lines into a 32-px area, stacked diacritics included', () => {
    const block = renderBlock('Ấp Ộc Ửa Ỹ', { size: 16, width: 48, height: 32, align: 'left' });
    expect(block.height).toBe(32);
    expect(wrapText('Ấp Ộc Ửa Ỹ', 16, 48).lines).toHaveLength(2);
    expect(bitmapToText(block)).toBe(readGolden('two-lines-32', block));
  });

  it('aligns left, centre and right', () => {
    const at = (align: 'left' | 'centre' | 'right'): number[] => {
      const block = renderBlock('Xã', { size: 16, width: 64, height: 16, align });
      const cols = [...Array(64).keys()].filter((x) => [...Array(16).keys()].some((y) => block.data[y * 64 + x]));
      return [cols[0]!, 63 - cols.at(-1)!];
    };
    const width = renderText('Xã', { size: 16 }).width;
    const [leftGap] = at('left');
    const [, rightGap] = at('right');
    const [cl, cr] = at('centre');
    expect(leftGap).toBeLessThanOrEqual(1);
    expect(rightGap).toBeLessThanOrEqual(1);
    expect(Math.abs(cl! - cr!)).toBeLessThanOrEqual(2);
    expect(width).toBe(16);
  });

  it('uses the font line height: every size is exact', () => {
    for (const size of [13, 15, 16, 18, 20, 24, 32] as const) expect(getFont(size).pixelHeight).toBe(size);
  });
});
