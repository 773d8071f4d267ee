/**
 * The reply language: the language of the review's original text (never Google's translation),
 * detected with tinyld; Dutch and English replies are supported, anything else falls back to the
 * UI language. The owner can always switch.
 */
import { detect } from 'tinyld/light';
import type { ReplyLanguage } from './lint/types';

export const REPLY_LANGUAGES: readonly ReplyLanguage[] = ['nl', 'en'];
/** Candidates for detection: the languages Kalm's users get reviews in most (so "Lekker!" is not read as Norwegian). */
const CANDIDATES = ['nl', 'en', 'de', 'fr', 'es', 'it', 'pt', 'tr', 'pl'];

const asReplyLanguage = (code: string | null | undefined): ReplyLanguage | null => {
  const base = code?.toLowerCase().split(/[-_]/)[0];
  return base === 'nl' || base === 'en' ? base : null;
};

/** The language of a review's own text: 'nl', 'en', another ISO code, or null when there is too little text. */
export function detectReviewLanguage(text: string | null): string | null {
  const clean = text?.trim() ?? '';
  if (clean.replace(/[^\p{L}]/gu, '').length < 3) return null;
  const found = detect(clean, { only: CANDIDATES });
  return found === '' ? null : found;
}

/**
 * The reply language to start with: the review's (its stored language where the source gave one,
 * else detected from the original text) when Kalm writes it; otherwise the UI language.
 */
export function defaultReplyLanguage(review: { text: string | null; language: string | null }, uiLanguage: string): ReplyLanguage {
  return asReplyLanguage(review.language) ?? asReplyLanguage(detectReviewLanguage(review.text)) ?? asReplyLanguage(uiLanguage) ?? 'en';
}
