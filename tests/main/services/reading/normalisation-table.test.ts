import { describe, expect, it } from 'vitest';
import { prepareForSpeech } from '../../../../src/main/services/reading/index.ts';
import { CASES } from './normalisation-cases.ts';

describe('Vietnamese normalisation table', () => {
  it('has at least 200 cases', () => {
    expect(Object.values(CASES).flat().length).toBeGreaterThanOrEqual(200);
  });
  for (const [category, cases] of Object.entries(CASES)) {
    describe(category, () => {
      it.each(cases)('%s → %s', (written, spoken) => {
        expect(prepareForSpeech(written).spoken).toBe(spoken);
      });
    });
  }
});
