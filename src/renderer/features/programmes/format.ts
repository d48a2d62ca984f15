/** Lengths and levels as the programme screen prints them: vi-VN comma decimals, a true minus sign. */
const decimal = (value: number, digits: number, lang: string) =>
  value.toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits }).replace('-', '−');

/** "3:59,6" */
export function formatSeconds(seconds: number, lang: string): string {
  const tenths = Math.round(seconds * 10);
  const minutes = Math.floor(tenths / 600);
  const rest = (tenths - minutes * 600) / 10;
  return `${minutes}:${rest < 10 ? '0' : ''}${decimal(rest, 1, lang)}`;
}

/** "−16,0"; "−∞" for silence. */
export const formatDb = (value: number | null, lang: string): string => (value === null ? '−∞' : decimal(value, 1, lang));
