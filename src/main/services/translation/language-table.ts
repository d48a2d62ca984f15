/**
 * The built-in languages: Vietnamese and the languages of DOMAIN.md's table (VOV's ethnic-language
 * service and the provinces). ISO 639-3 codes as SIL registers them; native names only where the
 * spelling is well attested (null otherwise: a province fills it in). Scripts are ISO 15924.
 */
import type { LanguageInput } from '../../../shared/translation/index.ts';

const latin = (code: string, nameVi: string, nameNative: string | null, region: string): LanguageInput => ({
  code, nameVi, nameNative, scripts: ['Latn'], direction: 'ltr', region,
});

export const BUILT_IN_LANGUAGES: LanguageInput[] = [
  latin('vie', 'Tiếng Việt', 'Tiếng Việt', 'Toàn quốc'),
  latin('hnj', "H'Mông", 'Hmoob', 'Miền núi phía Bắc'),
  { code: 'blt', nameVi: 'Thái (Thái Đen)', nameNative: null, scripts: ['Tavt', 'Latn'], direction: 'ltr', region: 'Sơn La, Điện Biên' },
  latin('ium', 'Dao', 'Iu Mienh', 'Miền núi phía Bắc'),
  latin('tyz', 'Tày', null, 'Đông Bắc'),
  latin('nut', 'Nùng', null, 'Đông Bắc'),
  { code: 'khm', nameVi: 'Khmer', nameNative: 'ភាសាខ្មែរ', scripts: ['Khmr'], direction: 'ltr', region: 'Đồng bằng sông Cửu Long' },
  latin('rad', 'Ê Đê', 'Êđê', 'Đắk Lắk'),
  latin('jra', 'Jrai', 'Jrai', 'Gia Lai'),
  latin('bdq', 'Ba Na', 'Bahnar', 'Gia Lai, Kon Tum'),
  latin('sed', 'Xơ Đăng', null, 'Kon Tum'),
  latin('kpm', 'Cơ Ho', 'Koho', 'Lâm Đồng'),
  latin('cmo', "M'Nông", null, 'Đắk Lắk, Đắk Nông'),
  { code: 'cjm', nameVi: 'Chăm', nameNative: null, scripts: ['Cham', 'Latn'], direction: 'ltr', region: 'Duyên hải Nam Trung Bộ' },
  latin('ktv', 'Cơ Tu', null, 'Quảng Nam'),
];

/** Two-letter and macro codes people type: one table, in the contract, shared with the engines. */
export { LANGUAGE_ALIASES } from '../../../shared/translation/index.ts';

/** The BCP 47 tag files carry for a stored code (the shortest form, as TMX's xml:lang wants). */
export const BCP47_CODES: Record<string, string> = { vie: 'vi', khm: 'km' };
