/**
 * Phone numbers, read digit by digit in the groups they are written in ("0912 345 678" →
 * "không chín một hai, ba bốn năm, sáu bảy tám"); an ungrouped mobile number is grouped 4-3-3
 * as people say it. Short service numbers (113, 114, 115, 1900 …) are digit by digit after
 * "gọi", "hotline", "tổng đài", "đường dây nóng", "điện thoại".
 */
import { readDigits } from './numbers.ts';
import { wordsBefore, type Reading, type Rule } from './rule.ts';

function groups(written: string): string[] {
  const parts = written.split(/[\s.\-()]+/).filter(Boolean);
  if (parts.length > 1) return parts;
  const digits = parts[0] ?? '';
  if (digits.length === 10) return [digits.slice(0, 4), digits.slice(4, 7), digits.slice(7)];
  if (digits.length === 11) return [digits.slice(0, 4), digits.slice(4, 7), digits.slice(7)];
  return [digits];
}

const readPhone = (written: string): string => groups(written).map(readDigits).join(', ');

const CONTEXT = ['gọi', 'hotline', 'đài', 'nóng', 'thoại', 'đt', 'sđt', 'fax'];

export const phoneRules: Rule[] = [
  {
    name: 'phone-international',
    pattern: /\+84[\s.]?\d{1,3}(?:[\s.-]?\d{3,4}){2}(?!\d)/uy,
    read: (m): Reading => ({ spoken: `cộng tám bốn, ${readPhone(m[0].slice(3))}`, kind: 'phone' }),
  },
  {
    name: 'phone-area-code',
    pattern: /\(0\d{1,3}\)\s?\d{3,4}(?:[\s.-]?\d{3,4})?(?!\d)/uy,
    read: (m): Reading => ({ spoken: readPhone(m[0]), kind: 'phone' }),
  },
  {
    name: 'phone',
    pattern: /0\d{2,3}(?:[\s.-]?\d{3,4}){2}(?![\d,.]\d|\d)/uy,
    read: (m): Reading => ({ spoken: readPhone(m[0]), kind: 'phone' }),
  },
  {
    name: 'phone-service',
    pattern: /1[89]00[\s.]?\d{3,4}(?!\d)/uy,
    read: (m): Reading => ({ spoken: readPhone(m[0]), kind: 'phone' }),
  },
  {
    name: 'phone-short',
    pattern: /\d{3,5}(?![\d.,/]\d|\d)/uy,
    read: (m, ctx): Reading | null => {
      const before = wordsBefore(ctx, 2);
      return before.some((w) => CONTEXT.includes(w)) ? { spoken: readDigits(m[0]), kind: 'phone' } : null;
    },
  },
];
