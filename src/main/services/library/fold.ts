/**
 * Folds Vietnamese text for search: "Thời tiết" and "THOI TIET" both become "thoi tiet".
 * NFD splits base letters from tone and vowel marks; "đ"/"Đ" has no decomposition, so it is
 * mapped by hand.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;

export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** Words of a folded query, ready to become an FTS5 expression. */
export function searchTerms(query: string): string[] {
  return foldForSearch(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 0)
    .slice(0, 32);
}
