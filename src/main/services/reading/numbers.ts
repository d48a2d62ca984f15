/**
 * Reading numbers aloud in Vietnamese.
 *
 * Written by hand: the npm number-to-words packages for Vietnamese do not let us choose
 * "lẻ"/"linh" or "nghìn"/"ngàn", and none reads decimals, digit strings and big numbers with
 * the broadcast conventions below. The rules (from Vietnamese grammar, as used on radio):
 *  - 10 → "mười", 20 → "hai mươi"; units after "mươi": 1 → "mốt", 4 → "tư", 5 → "lăm";
 *    after "mười": 5 → "lăm" (15 → "mười lăm"), 1 and 4 stay "một", "bốn".
 *  - An empty tens place inside a hundred reads "lẻ" (or "linh"): 107 → "một trăm lẻ bảy".
 *  - A group of three after a bigger group keeps its "không trăm": 2024 → "hai nghìn không
 *    trăm hai mươi tư"; 1.005 → "một nghìn không trăm lẻ năm". Whole zero groups are skipped.
 *  - Scales: nghìn (10³), triệu (10⁶), tỷ (10⁹); beyond, "nghìn tỷ", "triệu tỷ", "tỷ tỷ".
 */

export interface NumberStyle {
  /** The word for an empty tens place: "lẻ" (default, Northern) or "linh". */
  zeroTens?: 'lẻ' | 'linh';
  /** "nghìn" (default) or the Southern "ngàn". */
  thousand?: 'nghìn' | 'ngàn';
}

export const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

const digit = (n: number): string => DIGITS[n] ?? '';

/** 0–999 with the tens/units rules; `full` keeps "không trăm" / "lẻ" for a group after a bigger one. */
function readGroup(n: number, full: boolean, style: NumberStyle): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  const words: string[] = [];
  if (hundreds > 0 || full) words.push(digit(hundreds), 'trăm');
  if (tens === 0) {
    if (units > 0 && words.length > 0) words.push(style.zeroTens ?? 'lẻ', digit(units));
    else if (units > 0) words.push(digit(units));
    return words;
  }
  if (tens === 1) {
    words.push('mười');
    if (units === 5) words.push('lăm');
    else if (units > 0) words.push(digit(units));
    return words;
  }
  words.push(digit(tens), 'mươi');
  if (units === 1) words.push('mốt');
  else if (units === 4) words.push('tư');
  else if (units === 5) words.push('lăm');
  else if (units > 0) words.push(digit(units));
  return words;
}

/** Reads a non-negative integer given as a digit string (any length, leading zeros ignored). */
export function readInteger(digits: string, style: NumberStyle = {}): string {
  const clean = digits.replace(/^0+(?=\d)/, '');
  if (!/^\d+$/.test(clean)) throw new Error(`not a digit string: ${digits}`);
  if (clean === '0') return 'không';
  // Split into billions recursively: "<part> tỷ <rest>".
  if (clean.length > 9) {
    const head = clean.slice(0, clean.length - 9);
    const tail = clean.slice(-9);
    const words = [readInteger(head, style), 'tỷ'];
    if (Number(tail) > 0) words.push(readBelowBillion(tail, true, style));
    return words.join(' ');
  }
  return readBelowBillion(clean, false, style);
}

function readBelowBillion(digits: string, afterBigger: boolean, style: NumberStyle): string {
  const n = Number(digits);
  const groups = [Math.floor(n / 1_000_000), Math.floor(n / 1000) % 1000, n % 1000];
  const scales = ['triệu', style.thousand ?? 'nghìn', ''];
  const words: string[] = [];
  let started = afterBigger;
  groups.forEach((group, i) => {
    if (group === 0) return;
    words.push(...readGroup(group, started, style));
    if (scales[i]) words.push(scales[i]!);
    started = true;
  });
  return words.join(' ');
}

/** Digit by digit: phone numbers, codes, long decimal tails. */
export const readDigits = (digits: string): string =>
  [...digits].filter((c) => c >= '0' && c <= '9').map((c) => digit(Number(c))).join(' ');

/**
 * The part after the decimal comma: up to three digits read as a number with its leading zeros
 * spoken ("5,05" → "năm phẩy không năm"); longer tails digit by digit, as announcers do.
 */
export function readFraction(digits: string, style: NumberStyle = {}): string {
  if (digits.length > 3) return readDigits(digits);
  const zeros = /^0*/.exec(digits)![0].length;
  if (zeros === digits.length) return digits.split('').map(() => 'không').join(' ');
  const lead = Array.from({ length: zeros }, () => 'không');
  return [...lead, readInteger(digits.slice(zeros), style)].join(' ');
}

/** "5,3" → "năm phẩy ba"; integer part may carry "." thousands separators. */
export function readDecimal(intPart: string, fraction: string | undefined, style: NumberStyle = {}): string {
  const whole = readInteger(intPart.replace(/\./g, ''), style);
  return fraction === undefined || fraction === '' ? whole : `${whole} phẩy ${readFraction(fraction, style)}`;
}

/** Ordinal: 1 → "nhất", 4 → "tư", otherwise the cardinal ("thứ 24" → "thứ hai mươi tư"). */
export function readOrdinal(digits: string, style: NumberStyle = {}): string {
  const n = Number(digits);
  if (n === 1) return 'nhất';
  if (n === 4) return 'tư';
  return readInteger(digits, style);
}
