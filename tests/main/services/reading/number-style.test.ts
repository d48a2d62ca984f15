import { describe, expect, it } from 'vitest';
import { prepareForSpeech } from '../../../../src/main/services/reading/index.ts';

// The two accepted regional styles: "lẻ"/"linh" for an empty tens place, "nghìn"/"ngàn" for 10³.
const CASES: [string, { zeroTens?: 'lẻ' | 'linh'; thousand?: 'nghìn' | 'ngàn' }, string][] = [
  ['107', { zeroTens: 'linh' }, 'một trăm linh bảy'],
  ['2.005', { zeroTens: 'linh' }, 'hai nghìn không trăm linh năm'],
  ['5.000', { thousand: 'ngàn' }, 'năm ngàn'],
  ['2.024', { thousand: 'ngàn' }, 'hai ngàn không trăm hai mươi tư'],
  ['1.101.001', { zeroTens: 'linh', thousand: 'ngàn' }, 'một triệu một trăm linh một ngàn không trăm linh một'],
  ['năm 2008', { zeroTens: 'linh', thousand: 'ngàn' }, 'năm hai ngàn không trăm linh tám'],
  ['107', {}, 'một trăm lẻ bảy'],
];

describe('number style options', () => {
  it.each(CASES)('%s with %o → %s', (written, style, spoken) => {
    expect(prepareForSpeech(written, { style }).spoken).toBe(spoken);
  });
});
