/**
 * The fonts that show every script of the communes' languages, bundled (SIL Open Font Licence,
 * the licence ships in each @fontsource package): Noto Sans for Latin with Vietnamese marks,
 * breves (ĕ ŏ ŭ, ơ̆ with U+0306) and ƀ, Noto Sans Khmer, Tai Viet (Thái) and Cham.
 */
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/600.css';
import '@fontsource/noto-sans-khmer/400.css';
import '@fontsource/noto-sans-tai-viet/400.css';
import '@fontsource/noto-sans-cham/400.css';

/** The font stack of translation text: each script falls through to the font that has it. */
export const TRANSLATION_FONTS = "'Noto Sans', 'Noto Sans Khmer', 'Noto Sans Tai Viet', 'Noto Sans Cham', sans-serif";
