import { describe, expect, it } from 'vitest';
import { lowerOf } from '../../shared/reply/lint/match';

/** The rule `lowerOf` keeps: each capital lowered on its own, unless its lower case is longer. */
const reference = (text: string): string =>
  text.replace(/\p{Lu}/gu, (c) => {
    const l = c.toLowerCase();
    return l.length === c.length ? l : c;
  });

describe('lowerOf (the lower-cased text the sentence rules match)', () => {
  it.each([
    ['plain ASCII', 'Dat KLOPT niet, U had moeten BELLEN.'],
    ['accented capitals', 'Één keer, ÉCHT waar: Café Zoë, ÇA VA, ÅSE'],
    ['a capital whose lower case is longer stays (İ)', 'İSTANBUL en İzmir: U had gelijk'],
    ['Greek final sigma lowered one letter at a time', 'ΣΟΦΙΑΣ ΟΔΟΣ'],
    ['letters that are not capitals stay (Ⅻ, ǅ, Ⓐ)', 'Hoofdstuk Ⅻ, ǅemal, Ⓐ'],
    ['astral capitals and emoji', 'Bel ons 😀 𐐀𐐁 DESERET 👍🏽'],
    ['lone surrogates', 'A\ud800B\udc00C'],
  ])('%s: same text, same offsets', (_name, text) => {
    const lower = lowerOf(text);
    expect(lower).toBe(reference(text));
    expect(lower).toHaveLength(text.length);
  });
});
