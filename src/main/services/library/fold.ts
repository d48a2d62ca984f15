/**
 * Folds Vietnamese text for search: "Thời tiết" and "THOI TIET" both become "thoi tiet".
 * NFD splits base letters from tone and vowel marks; "đ"/"Đ" has no decomposition, so it is
 * mapped by hand.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;

export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}
