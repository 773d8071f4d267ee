/** A reply much longer than the review warrants: long replies are not read. */
import type { LintRule } from '../types';

/** A word starts at a letter or digit after anything else (ASCII fast path; other code units count as letters). */
const isWordUnit = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c !== 0x2014 && c !== 0x2013 && c !== 0x2019 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x206f));
const joiner = (c: number): boolean => c === 0x27 || c === 0x2d || c === 0x2019; // ' - ’

/** How many words `text` has, and where word number `nth` (0-based) starts (undefined when it has fewer): one pass, no list. */
function wordsAndStart(text: string, nth: number): { words: number; start: number | undefined } {
  let words = 0;
  let start: number | undefined;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isWordUnit(c)) {
      if (!inWord) {
        if (words === nth) start = i;
        words++;
      }
      inWord = true;
    } else if (!(inWord && joiner(c))) inWord = false;
  }
  return { words, start };
}

/** Words a reply may have before it is "much longer than the review warrants" (praise needs fewer). */
export const wordBudget = (reviewWords: number, praise = false): number =>
  praise ? Math.max(60, Math.round(reviewWords * 1.5 + 30)) : Math.max(90, Math.round(reviewWords * 2 + 50));

const countWords = (text: string): number => wordsAndStart(text, -1).words;

export const lengthRule: LintRule = {
  id: 'length',
  check(text, { reviewText, rating }) {
    const budget = wordBudget(reviewText ? countWords(reviewText) : 0, rating !== undefined && rating !== null && rating >= 4);
    // A word takes at least two code units: a shorter text cannot be over the budget.
    if (text.length < budget * 2) return [];
    const { words, start } = wordsAndStart(text, budget);
    if (start === undefined) return [];
    return [{ rule: 'length', severity: 'warning', start, end: text.trimEnd().length, key: 'length', params: { words, budget } }];
  },
};
