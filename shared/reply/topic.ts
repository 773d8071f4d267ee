/**
 * What a happy reviewer liked, as a short quote from their own words, for "name what they liked":
 * the clause around the first positive word ("de croissants zijn heerlijk"), at most eight words.
 */
import type { ReplyLanguage } from './lint/types';

const POSITIVE: Record<ReplyLanguage, RegExp> = {
  nl: /(?<![\p{L}])(?:heerlijk\p{L}*|lekker\p{L}*|vriendelijk\p{L}*|fijn\p{L}*|goed\p{L}*|top|super|geweldig\p{L}*|prachtig\p{L}*|mooi\p{L}*|gezellig\p{L}*|vers\p{L}*|snel\p{L}*|behulpzaam|aanrader|perfect\p{L}*|uitstekend\p{L}*|smaakvol\p{L}*|attent\p{L}*)(?![\p{L}])/iu,
  en: /(?<![\p{L}])(?:delicious|tasty|friendly|lovely|great|excellent|amazing|wonderful|fresh|fast|quick|helpful|perfect|fantastic|beautiful|cosy|cozy|nice|best|love[ds]?|enjoyed|recommend\p{L}*)(?![\p{L}])/iu,
};
/** Clauses end at punctuation and at "but"/"maar" (what follows is often the complaint). */
const CLAUSE = /[.!?;:\n,]|(?<![\p{L}])(?:but|and|maar|en|although|hoewel|alleen)(?![\p{L}])/iu;
/** Little words a quote should not end on ("with the best" → "with the best" is cut to a whole phrase). */
const DANGLING = /^(?:the|a|an|with|of|and|to|in|at|for|is|was|de|het|een|met|van|en|is|was|op|in|voor|bij|te)$/iu;
const MAX_WORDS = 8;

export function likedTopic(reviewText: string | null, lang: ReplyLanguage): string | null {
  if (!reviewText) return null;
  const m = POSITIVE[lang].exec(reviewText);
  if (!m) return null;
  // The clause that holds the positive word.
  let start = m.index;
  while (start > 0 && !CLAUSE.test(reviewText.slice(start - 1, start))) start--;
  const rest = reviewText.slice(m.index);
  const stop = rest.search(CLAUSE);
  const end = stop === -1 ? reviewText.length : m.index + stop;
  const words = reviewText.slice(start, end).trim().split(/\s+/u).filter((w) => w !== '');
  if (words.length < 2) return null;
  // Too long: keep the words nearest the positive word.
  const at = words.findIndex((w) => POSITIVE[lang].test(w));
  const from = Math.max(0, Math.min(at - 4, words.length - MAX_WORDS));
  const kept = words.slice(from, from + MAX_WORDS);
  while (kept.length > 2 && DANGLING.test(kept[kept.length - 1] ?? '')) kept.pop();
  const quote = kept.join(' ').replace(/["“”]/gu, '');
  return quote.charAt(0).toLowerCase() === quote.charAt(0) || /^\p{Lu}{2}/u.test(quote) ? quote : quote.charAt(0).toLowerCase() + quote.slice(1);
}
