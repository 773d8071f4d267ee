import type { Review } from '../domain/review';
import type { ReviewIndex } from '../reviews/review-index';
import { tokensOf } from '../reviews/text-match';
import type { LabelRule } from './label-schema';
import { foldWord, wordsOf } from './rules';

/**
 * Slots that may match one of the rule's phrases: each phrase's words, split
 * into runs of letters and digits, must all occur in the review's searchable
 * text, which the index's word index answers from posting lists. The
 * searchable text holds the review's text and translation (plus author and
 * reply), so this never misses a match; the exact matcher checks each one.
 */
function phraseCandidates(ix: ReviewIndex, words: readonly string[]): Uint8Array | null {
  const phrases = words.map((w) => wordsOf(w).flatMap((word) => tokensOf(word))).filter((parts) => parts.length > 0);
  if (phrases.length === 0) return null;
  ix.text.step();
  const n = ix.slotCount;
  const candidates = new Uint8Array(n);
  const mark = new Uint8Array(n);
  for (const parts of phrases) {
    mark.fill(0);
    const unique = [...new Set(parts)].slice(0, 250);
    const need = ix.text.markContaining(unique, mark, 0);
    for (let slot = 0; slot < n; slot++) if (mark[slot] === need) candidates[slot] = 1;
  }
  return candidates;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One regular expression for the rule's phrases over a review's folded text,
 * equal to finding " w1 w2 " in `reviewWordText`: each word whole (not inside
 * a longer word, nor joined to one by an apostrophe: "x'brood" is one word),
 * consecutive words separated by anything but letters, digits and a lone
 * joining apostrophe. Cheaper than splitting the whole text into words.
 */
function phraseRegex(words: readonly string[]): RegExp | null {
  const phrases = words.map(wordsOf).filter((p) => p.length > 0);
  if (phrases.length === 0) return null;
  const start = "(?<![\\p{L}\\p{N}])(?<![\\p{L}\\p{N}]')";
  const end = "(?![\\p{L}\\p{N}])(?!'[\\p{L}\\p{N}])";
  const alternatives = phrases.map((p) => p.map((w) => `${start}${escape(w)}${end}`).join('[^\\p{L}\\p{N}]+'));
  return new RegExp(alternatives.map((a) => `(?:${a})`).join('|'), 'u');
}

/**
 * The rule preview over the core's index: rating, source and location first
 * from the index's typed arrays, the words from its word index, and the exact
 * rule matcher only on what is left. Same answer as `previewRule` over every
 * review (deleted ones included), in a few milliseconds at 100,000 reviews.
 */
export function previewRuleOnIndex(ix: ReviewIndex, rule: LabelRule): { matches: number; wouldAdd: number } {
  const words = phraseRegex(rule.words);
  const min = rule.minRating, max = rule.maxRating;
  const rated = min !== null || max !== null;
  const sourceSet = rule.sources.length > 0 ? new Set(rule.sources) : null;
  const locationSet = rule.locationIds.length > 0 ? new Set(rule.locationIds) : null;
  const sourceOk = sourceSet ? ix.sources.mask((s) => sourceSet.has(s)) : null;
  const locationOk = locationSet ? ix.locations.mask((l) => locationSet.has(l)) : null;
  const candidates = phraseCandidates(ix, rule.words);
  const { reviews, rating, source, location } = ix;
  let matches = 0, wouldAdd = 0;
  for (let slot = 0, n = ix.slotCount; slot < n; slot++) {
    if (candidates !== null && candidates[slot] !== 1) continue;
    if (rated) {
      const r = rating[slot] ?? 0;
      if (r === 0 || (min !== null && r < min) || (max !== null && r > max)) continue;
    }
    if (sourceOk !== null && sourceOk[source[slot] ?? 0] !== 1) continue;
    if (locationOk !== null && locationOk[location[slot] ?? 0] !== 1) continue;
    const review: Review | undefined = reviews[slot];
    if (review === undefined) continue;
    if (words !== null && !words.test(foldWord([review.text, review.translatedText].filter((t): t is string => t !== null).join('\n')))) continue;
    matches++;
    if (!review.labels.includes(rule.labelId)) wouldAdd++;
  }
  return { matches, wouldAdd };
}
