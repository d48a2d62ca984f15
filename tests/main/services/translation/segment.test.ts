import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { segmentScript } from '../../../../src/main/services/translation/segment.ts';
import { DATA } from './open-service.ts';

const VI_TEXT = path.join(DATA, 'vi-text');
const read = (file: string) => fs.readFileSync(path.join(VI_TEXT, file), 'utf8');

describe('segmentation of real bulletins', () => {
  it('puts headings and list items on their own, and keeps "Ô." inside its item (Bắc Kạn decision)', () => {
    const { segments } = segmentScript(read('bac-kan-2298-QD-UBND-2021.txt'));
    const find = (text: string) => segments.find((s) => s.text === text);
    expect(find('ỦY BAN NHÂN DÂN')?.kind).toBe('heading');
    expect(find('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')?.kind).toBe('heading');
    expect(find('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;')?.kind).toBe('sentence');
    expect(find('- CT, PCT UBND tỉnh (Ô. Hưng);')?.kind).toBe('list-item');
    expect(find('- PCVP (Ô. Nguyên);')?.kind).toBe('list-item');
    const item = segments.find((s) => s.text.startsWith('+ Đến năm 2025, 100% xã, phường, thị trấn có hệ thống truyền thanh'));
    expect(item).toMatchObject({ kind: 'list-item' });
    expect(item!.text.endsWith('tổ dân phố.')).toBe(true);
  });

  it.each(fs.readdirSync(VI_TEXT).filter((f) => f.endsWith('.txt')))('%s: every segment is one line of the source, at its offsets', (file) => {
    const { text, segments } = segmentScript(read(file));
    expect(segments.length).toBeGreaterThan(10);
    for (const s of segments) {
      expect(s.text).toBe(text.slice(s.start, s.end));
      expect(s.text).not.toMatch(/\n/);
      expect(s.text.trim()).toBe(s.text);
      // A number's dots and commas ("1.160", "2.1.") never end a segment in the middle of the number.
      expect(text.slice(s.end, s.end + 1)).not.toMatch(/\d/);
    }
    // Offsets increase: nothing is read twice.
    for (let i = 1; i < segments.length; i++) expect(segments[i]!.start).toBeGreaterThanOrEqual(segments[i - 1]!.end);
  });

  it('keeps the statistics lines with thousands ("Hôm nay : 1.160") whole', () => {
    const { segments } = segmentScript(read('province-50-KH-UBND-news.txt'));
    expect(segments.map((s) => s.text)).toEqual(expect.arrayContaining(['Hôm nay : 1.160', 'Tháng 11 : 37.270']));
  });

  it('does not cut at the dots of abbreviations, decimals, thousands and dates', () => {
    const paragraph = read('province-50-KH-UBND-news.txt').split('\n').find((l) => l.startsWith('Ngày 22/5'))!.trim();
    const script = [
      'THÔNG BÁO KHẨN',
      `${paragraph} Tại TP. Hồ Chí Minh và Q. 1, giá lúa tăng 5,3 % so với ngày 18/9/2024, thu hút 5.000 người tham gia, v.v. Đề nghị bà con chú ý!`,
      '1. Mục tiêu chung',
      'a) Theo dõi bản tin',
    ].join('\n');
    const { segments } = segmentScript(script);
    expect(segments.map((s) => [s.kind, s.text])).toEqual([
      ['heading', 'THÔNG BÁO KHẨN'],
      ['sentence', paragraph],
      ['sentence', 'Tại TP. Hồ Chí Minh và Q. 1, giá lúa tăng 5,3 % so với ngày 18/9/2024, thu hút 5.000 người tham gia, v.v.'],
      ['sentence', 'Đề nghị bà con chú ý!'],
      ['list-item', '1. Mục tiêu chung'],
      ['list-item', 'a) Theo dõi bản tin'],
    ]);
  });

  it('converts a legacy-encoded script before cutting it', () => {
    const result = segmentScript('Th«ng b¸o cña UBND x·. Bµ con chó ý.');
    expect(result.encoding).toBe('tcvn3');
    expect(result.segments.map((s) => s.text)).toEqual(['Thông báo của UBND xã.', 'Bà con chú ý.']);
  });
});
