/**
 * Legal document numbers: "135/QĐ-TTg", "49/2024/NĐ-CP", "39/2020/TT-BTTTT", "1841/TTr-STTTT".
 * Read the way news readers do: "<kind> số <number> [năm <year>] của <issuer>", e.g.
 * "Nghị định 49/2024/NĐ-CP" → "Nghị định bốn mươi chín năm hai nghìn không trăm hai mươi tư của
 * chính phủ". The kind ("quyết định") is not repeated when the text just named it.
 */
import { ABBREVIATIONS, spellLetters } from './abbreviation-table.ts';
import { readInteger } from './numbers.ts';
import { wordsBefore, type Reading, type Rule } from './rule.ts';

/** Document kinds (the code right after the number). */
const KINDS: Record<string, string> = {
  QĐ: 'quyết định',
  NĐ: 'nghị định',
  TT: 'thông tư',
  TTLT: 'thông tư liên tịch',
  NQ: 'nghị quyết',
  KH: 'kế hoạch',
  CT: 'chỉ thị',
  TTr: 'tờ trình',
  CV: 'công văn',
  BC: 'báo cáo',
  TB: 'thông báo',
  HD: 'hướng dẫn',
  KL: 'kết luận',
  QC: 'quy chế',
  CĐ: 'công điện',
  L: 'luật',
};

/** Issuing bodies (the codes after the dash). */
const ISSUERS: Record<string, string> = {
  TTg: 'thủ tướng chính phủ',
  CP: 'chính phủ',
  UBND: 'ủy ban nhân dân',
  HĐND: 'hội đồng nhân dân',
  BTTTT: 'bộ thông tin và truyền thông',
  STTTT: 'sở thông tin và truyền thông',
  BYT: 'bộ y tế',
  BCA: 'bộ công an',
  BTC: 'bộ tài chính',
  BQP: 'bộ quốc phòng',
  BNV: 'bộ nội vụ',
  BTP: 'bộ tư pháp',
  BCT: 'bộ công thương',
  BXD: 'bộ xây dựng',
  BGTVT: 'bộ giao thông vận tải',
  BTNMT: 'bộ tài nguyên và môi trường',
  BNNPTNT: 'bộ nông nghiệp và phát triển nông thôn',
  BGDĐT: 'bộ giáo dục và đào tạo',
  BKHĐT: 'bộ kế hoạch và đầu tư',
  BLĐTBXH: 'bộ lao động - thương binh và xã hội',
  BVHTTDL: 'bộ văn hóa, thể thao và du lịch',
  NHNN: 'ngân hàng nhà nước',
  VPCP: 'văn phòng chính phủ',
  UBTVQH: 'ủy ban thường vụ quốc hội',
  QH: 'quốc hội',
  TW: 'trung ương',
  TU: 'tỉnh ủy',
  HU: 'huyện ủy',
  BCĐ: 'ban chỉ đạo',
  BCH: 'ban chấp hành',
};

function issuer(code: string): string {
  const session = /^QH(\d+)$/u.exec(code);
  if (session) return `quốc hội khóa ${readInteger(session[1]!)}`;
  return ISSUERS[code] ?? ABBREVIATIONS[code]?.toLowerCase() ?? spellLetters(code);
}

const CODE = '\\p{Lu}[\\p{L}]*\\d*';

export const citationRules: Rule[] = [
  {
    name: 'legal-citation',
    pattern: new RegExp(`(\\d+)(?:/(\\d{4}))?/(${CODE})((?:-${CODE})*)(?![\\p{L}\\p{N}])`, 'uy'),
    read: (m, ctx): Reading | null => {
      const [, number, year, first, rest] = m;
      const codes = (rest ?? '').split('-').filter(Boolean);
      const kind = KINDS[first!];
      const issuers = kind ? codes : [first!, ...codes];
      if (!kind && issuers.every((c) => !ISSUERS[c] && !/^QH\d+$/u.test(c))) return null;
      const before = wordsBefore(ctx, 4).join(' ');
      let spoken = readInteger(number!, ctx.style);
      if (year) spoken += ` năm ${readInteger(year, ctx.style)}`;
      const by = issuers.map(issuer).join(', ');
      if (kind && !before.includes(kind)) {
        // "Số: 2298/QĐ-UBND" names neither kind nor issuer before the number: say both after it.
        spoken = /(?:^|\s)số$/u.test(before) ? `${spoken}, ${kind}` : `${kind} số ${spoken}`;
      }
      if (by) spoken += ` của ${by}`;
      return { spoken, kind: 'citation' };
    },
  },
];
