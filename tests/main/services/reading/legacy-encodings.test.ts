import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { convertLegacyText, decodeTextBytes } from '../../../../src/main/services/reading/legacy-encodings.ts';
import { prepareForSpeech } from '../../../../src/main/services/reading/index.ts';

// TCVN3 (ABC) as it looks when its bytes are read as Windows-1252: « = ô, ­ = ư, ® = đ, ¬ = ơ, ¸ = á …
const TCVN3: [string, string][] = [
  ['Th«ng t­ 39/2020/TT-BTTTT', 'Thông tư 39/2020/TT-BTTTT'],
  ['quy ®Þnh vÒ ho¹t ®éng th«ng tin c¬ së', 'quy định về hoạt động thông tin cơ sở'],
  ['B¸o c¸o t×nh h×nh', 'Báo cáo tình hình'],
  ['Uû ban nh©n d©n x·', 'Uỷ ban nhân dân xã'],
  ['§µi ph¸t thanh huyÖn', 'Đài phát thanh huyện'],
  ['Ng­êi d©n ®­îc th«ng b¸o kÞp thêi', 'Người dân được thông báo kịp thời'],
  ['QUYÕT ®ÞNH', 'QUYẾT ĐỊNH'],
  ['B¶o Th¾ng, M­êng Kh­¬ng', 'Bảo Thắng, Mường Khương'],
];

// VNI-Windows read as Windows-1252: a letter followed by its marks (ø huyền, ù sắc, û hỏi, õ ngã, ï nặng).
const VNI: [string, string][] = [
  ['Tieáng Vieät raát hay', 'Tiếng Việt rất hay'],
  ['Xin chaøo caùc baïn', 'Xin chào các bạn'],
  ['Thoâng tö 39 cuûa Boä', 'Thông tư 39 của Bộ'],
  ['Ñaøi phaùt thanh xaõ', 'Đài phát thanh xã'],
  ['Nghò ñònh 49', 'Nghị định 49'],
  ['Hoäi ñoàng nhaân daân', 'Hội đồng nhân dân'],
  ['UÛY BAN NHAÂN DAÂN', 'ỦY BAN NHÂN DÂN'],
  ['Tröôøng hoïc, söù meänh, quyõ', 'Trường học, sứ mệnh, quỹ'],
  ['Baét ñaàu naêm hoïc môùi', 'Bắt đầu năm học mới'],
];

describe('legacy encodings', () => {
  it.each(TCVN3)('TCVN3 %s → %s', (legacy, unicode) => {
    expect(convertLegacyText(legacy)).toEqual({ text: unicode, encoding: 'tcvn3' });
  });

  it.each(VNI)('VNI %s → %s', (legacy, unicode) => {
    expect(convertLegacyText(legacy)).toEqual({ text: unicode, encoding: 'vni' });
  });

  it.each([
    'Xin chào các bạn, đây là Đài phát thanh xã.',
    'Café, résumé and naïve are English words.',
    'Plain ASCII text with no accents at all.',
    'Giá 50.000đ — tăng 5% “so với” năm trước…',
  ])('leaves Unicode and ASCII alone: %s', (text) => {
    expect(convertLegacyText(text)).toEqual({ text, encoding: 'unicode' });
  });

  it('decodes real TCVN 5712 bytes written by iconv (the reference encoder), capitals included', () => {
    const unicode = 'Ủy ban nhân dân tỉnh Bắc Kạn thông báo: ỨNG PHÓ với bão số 3. Ý kiến của người dân được ghi nhận.';
    const bytes = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'TCVN5712-1'], { input: unicode });
    expect(bytes.some((b) => b >= 0x80)).toBe(true);
    expect(decodeTextBytes(bytes)).toEqual({ text: unicode, encoding: 'tcvn3' });
  });

  it('decodes UTF-8 bytes as UTF-8 (with or without a BOM)', () => {
    const text = 'Đài phát thanh xã Hòa Bình';
    expect(decodeTextBytes(Buffer.from(text))).toEqual({ text, encoding: 'unicode' });
    expect(decodeTextBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({ text, encoding: 'unicode' });
  });

  it('feeds converted text to the normaliser and reports the encoding', () => {
    const result = prepareForSpeech('Th«ng b¸o cña UBND x· ngµy 18/9/2024');
    expect(result.encoding).toBe('tcvn3');
    expect(result.spoken).toBe('Thông báo của ủy ban nhân dân xã ngày mười tám tháng chín năm hai nghìn không trăm hai mươi tư');
  });
});
