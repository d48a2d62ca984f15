/**
 * Units and currencies after a number, as Vietnamese announcers read them. The list is ordered
 * longest first so "km/h" wins over "km" and "m²" over "m". Single letters that are also words
 * or letters in lists (V, W, h, s, g, l) only count when glued to the number ("220V"); "A" is never
 * ampere, because "Quốc lộ 1A" and "lớp 12A" are far more common in bulletins.
 */

/** [written, spoken, needsGlue] */
const UNITS: [string, string, boolean?][] = [
  ['km/giờ', 'ki lô mét trên giờ'],
  ['km/h', 'ki lô mét trên giờ'],
  ['m/s', 'mét trên giây'],
  ['mg/l', 'mi li gam trên lít'],
  ['kWh', 'ki lô oát giờ'],
  ['Mbps', 'mê ga bít trên giây'],
  ['km²', 'ki lô mét vuông'],
  ['km2', 'ki lô mét vuông'],
  ['cm²', 'xen ti mét vuông'],
  ['m²', 'mét vuông'],
  ['m2', 'mét vuông'],
  ['m³', 'mét khối'],
  ['m3', 'mét khối'],
  ['°C', 'độ xê'],
  ['ºC', 'độ xê'],
  ['°F', 'độ ép'],
  ['kHz', 'ki lô héc'],
  ['MHz', 'mê ga héc'],
  ['GHz', 'gi ga héc'],
  ['Hz', 'héc'],
  ['km', 'ki lô mét'],
  ['cm', 'xen ti mét'],
  ['mm', 'mi li mét'],
  ['kg', 'ki lô gam'],
  ['mg', 'mi li gam'],
  ['ml', 'mi li lít'],
  ['ha', 'héc ta'],
  ['kW', 'ki lô oát'],
  ['MW', 'mê ga oát'],
  ['kV', 'ki lô vôn'],
  ['mA', 'mi li am pe'],
  ['GB', 'gi ga bai'],
  ['MB', 'mê ga bai'],
  ['KB', 'ki lô bai'],
  ['TB', 'tê ra bai'],
  ['dB', 'đề xi ben'],
  ['ms', 'mi li giây'],
  ['tr', 'triệu', true],
  ['k', 'nghìn', true],
  ['°', 'độ'],
  ['%', 'phần trăm'],
  ['‰', 'phần nghìn'],
  ['m', 'mét'],
  ['g', 'gam', true],
  ['l', 'lít', true],
  ['h', 'giờ', true],
  ['s', 'giây', true],
  ['V', 'vôn', true],
  ['W', 'oát', true],
];

const CURRENCIES: [string, string][] = [
  ['VNĐ', 'đồng'],
  ['VND', 'đồng'],
  ['vnđ', 'đồng'],
  ['vnd', 'đồng'],
  ['USD', 'đô la Mỹ'],
  ['EUR', 'ơ rô'],
  ['€', 'ơ rô'],
  ['$', 'đô la'],
  ['đ', 'đồng'],
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const SPOKEN = new Map<string, string>();
for (const [w, s] of [...UNITS, ...CURRENCIES]) SPOKEN.set(w, s);

const glued = UNITS.filter((u) => u[2]).map((u) => escape(u[0]));
const spaced = [...UNITS.filter((u) => !u[2]).map((u) => u[0]), ...CURRENCIES.map((c) => c[0])]
  .sort((a, b) => b.length - a.length)
  .map(escape);

/**
 * Matches a unit or currency right after a number: group 1 spaced-or-glued unit, group 2 glued-only.
 * The boundary check keeps "5 ha" from matching "5 hai" and "3 m" from matching "3 mét".
 */
export const UNIT_SUFFIX = `(?:\\s?(${spaced.join('|')})|(${glued.join('|')}))(?![\\p{L}\\p{N}])`;

export const unitSpoken = (written: string): string => SPOKEN.get(written) ?? written;

/** Currency symbols written before the amount: "$100", "€50". */
export const CURRENCY_PREFIX: Record<string, string> = { $: 'đô la', '€': 'ơ rô' };
