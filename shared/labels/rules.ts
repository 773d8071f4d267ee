import type { Review } from '../domain/review';
import type { LabelRule } from './label-schema';

const NON_ASCII = /[^\t\n\r -~]/;

/** Lower case, without accents, so "Café" and "cafe", "Één" and "een" compare equal (plain ASCII skips the normalising). */
export const foldWord = (s: string): string =>
  NON_ASCII.test(s) ? s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘]/g, "'").toLowerCase() : s.toLowerCase();

/** The whole words of a text (letters and digits; an apostrophe inside a word keeps it whole: "don't", "zo'n"). */
export function wordsOf(text: string): string[] {
  return foldWord(text).match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];
}

/** A rule's words as " w1 w2 " (a phrase is a run of whole words), to find in a review's word text. */
const phrasesOf = (rule: Pick<LabelRule, 'words'>): string[] =>
  rule.words.map(wordsOf).filter((p) => p.length > 0).map((p) => ` ${p.join(' ')} `);

export type RuleReview = Pick<Review, 'text' | 'translatedText' | 'rating' | 'source' | 'locationId' | 'labels'>;

/** A rule ready to run against many reviews (its phrases split once). */
export interface CompiledRule {
  rule: LabelRule;
  matches(review: RuleReview): boolean;
}

export function compileRule(rule: LabelRule): CompiledRule {
  const phrases = phrasesOf(rule);
  const sources = rule.sources.length > 0 ? new Set(rule.sources) : null;
  const locations = rule.locationIds.length > 0 ? new Set(rule.locationIds) : null;
  return {
    rule,
    matches(review) {
      if (!rule.enabled) return false;
      if (rule.minRating !== null || rule.maxRating !== null) {
        if (review.rating === null) return false;
        if (rule.minRating !== null && review.rating < rule.minRating) return false;
        if (rule.maxRating !== null && review.rating > rule.maxRating) return false;
      }
      if (sources && !sources.has(review.source)) return false;
      if (locations && !locations.has(review.locationId)) return false;
      if (phrases.length > 0) {
        const text = reviewWordText(review);
        if (!phrases.some((p) => text.includes(p))) return false;
      }
      return true;
    },
  };
}

/**
 * The review's own words and the source's translation of them (a Dutch word finds a review
 * written in English and translated), as " w1 w2 … ". Kept per review object (reviews are
 * replaced, never changed in place), so previews over 100,000 reviews split each text once.
 */
const wordTexts = new WeakMap<object, string>();
export function reviewWordText(review: Pick<Review, 'text' | 'translatedText'>): string {
  let text = wordTexts.get(review);
  if (text === undefined) {
    text = ` ${wordsOf([review.text, review.translatedText].filter((s): s is string => s !== null).join('\n')).join(' ')} `;
    wordTexts.set(review, text);
  }
  return text;
}

/** Does the rule have at least one condition? A rule without any would label every review. */
export const ruleHasCondition = (rule: LabelRule): boolean =>
  rule.words.some((w) => wordsOf(w).length > 0) || rule.minRating !== null || rule.maxRating !== null || rule.sources.length > 0 || rule.locationIds.length > 0;

/**
 * The review's labels after running the rules in order: each matching rule
 * adds its label once, after the labels the review has; labels are never
 * removed. Returns null when nothing changes, so running again is a no-op.
 */
export function applyRules(rules: readonly CompiledRule[], review: RuleReview): string[] | null {
  let next: string[] | null = null;
  for (const c of rules) {
    const have: readonly string[] = next ?? review.labels;
    if (have.includes(c.rule.labelId)) continue;
    if (!c.matches(review)) continue;
    next = [...have, c.rule.labelId];
  }
  return next;
}

/** How many of the reviews a rule matches (the preview in Settings), and how many of those do not have its label yet. */
export function previewRule(rule: LabelRule, reviews: Iterable<RuleReview>): { matches: number; wouldAdd: number } {
  const c = compileRule({ ...rule, enabled: true });
  let matches = 0, wouldAdd = 0;
  for (const r of reviews) {
    if (!c.matches(r)) continue;
    matches++;
    if (!r.labels.includes(rule.labelId)) wouldAdd++;
  }
  return { matches, wouldAdd };
}
