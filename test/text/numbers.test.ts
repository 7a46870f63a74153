import { describe, expect, it } from 'vitest';
import { cardinalValue, isQuantityWord } from '../../src/text/numbers.ts';
import { normalizeArabic } from '../../src/text/arabic.ts';

describe('Arabic number words', () => {
  it('reads duals of hundreds, thousands and millions, with the ن and without it before the noun', () => {
    for (const [word, value] of [['ألفين', 2000], ['ألفي', 2000], ['ألفا', 2000], ['مئتي', 200], ['مئتا', 200], ['مليوني', 2e6]] as const) {
      expect(cardinalValue(normalizeArabic(word)), word).toBe(value);
      expect(isQuantityWord(normalizeArabic(word)), word).toBe(true);
    }
  });
});
