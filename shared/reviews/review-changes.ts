import type { Review } from '../domain/review';

/** What changed between two versions of a review, as far as the index's lists care (review-index.ts). */
export const sameLabels = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((l, i) => l === b[i]);

/** The searchable text (text, translation, author, reply) is unchanged: the word index keeps its entries. */
export const sameText = (a: Review, b: Review): boolean =>
  a.text === b.text && a.translatedText === b.translatedText && a.author === b.author && a.reply?.text === b.reply?.text;

/** The labels without repeats (a label list is small; most have none or one). */
export const distinct = (labels: readonly string[]): readonly string[] => (labels.length < 2 ? labels : [...new Set(labels)]);
