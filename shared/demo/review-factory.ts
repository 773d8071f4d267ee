import { REVIEW_SCHEMA_VERSION, reviewId, type Review } from '../domain/review';
import { composeText, composeTranslated, type ComposedText } from './compose';
import { SOURCE_ID } from './locations';
import { pickReviewer, type NameOrigin } from './names';
import type { Rng } from './random';
import { writeReply, type ReplyLanguage } from './replies';
import { TEXTS_EN } from './texts-en';
import { TEXTS_NL } from './texts-nl';
import { TRANSLATED, type ForeignLanguage } from './texts-translated';
import type { DemoSite, Stars, Topic } from './types';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** Fixed content for the planted reviews (hostile markup, emoji). */
export interface ForcedContent {
  rating: Stars;
  text: string;
  language: string | null;
  praise: Topic | null;
  complaint: Topic | null;
  answer: boolean;
}

const RATINGS: readonly (readonly [Stars, number])[] = [[5, 45], [4, 22], [3, 10], [2, 8], [1, 15]];
/** Low ratings are answered less often, so the inbox has work. */
const ANSWER_BY_RATING: Record<Stars, number> = { 5: 1.05, 4: 1, 3: 0.85, 2: 0.7, 1: 0.6 };

type Kind = 'nl' | 'en' | 'translated';
const KINDS_NL: readonly (readonly [Kind, number])[] = [['nl', 72], ['en', 21.5], ['translated', 6.5]];
const KINDS_BE: readonly (readonly [Kind, number])[] = [['nl', 73], ['en', 19], ['translated', 8]];
const FOREIGN_NL: readonly (readonly [ForeignLanguage, number])[] = [['de', 40], ['en', 35], ['fr', 25]];
const FOREIGN_BE: readonly (readonly [ForeignLanguage, number])[] = [['fr', 50], ['en', 25], ['de', 25]];

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** An opaque Google-looking review id; the serial suffix makes it unique. */
function externalId(rng: Rng, serial: number): string {
  let out = 'AbFvOq';
  for (let i = 0; i < 12; i++) out += ID_CHARS.charAt(Math.floor(rng.next() * ID_CHARS.length));
  return out + serial.toString(36);
}

function answerChance(ageMs: number, rating: Stars): number {
  const days = ageMs / DAY;
  const byAge = days < 2 ? 0.08 : days < 7 ? 0.25 : days < 30 ? 0.45 : days < 120 ? 0.58 : 0.65;
  return byAge * ANSWER_BY_RATING[rating];
}

/** One plain review record (no zod parse here: the benchmark builds 100,000 of them). */
export function makeReview(
  rng: Rng,
  site: DemoSite,
  nowMs: number,
  ageMs: number,
  serial: number,
  forced?: ForcedContent,
): Review {
  const createdMs = nowMs - ageMs;
  const rating = forced?.rating ?? rng.weighted(RATINGS);
  const ratingOnly = forced === undefined && rng.chance(0.1);
  const kind = forced?.language === 'nl' ? 'nl' : rng.weighted(site.country === 'NL' ? KINDS_NL : KINDS_BE);
  const foreign = kind === 'translated' ? rng.weighted(site.country === 'NL' ? FOREIGN_NL : FOREIGN_BE) : null;

  const local: NameOrigin = site.country === 'NL' ? 'nl' : 'be';
  const origin: NameOrigin = foreign ?? (kind === 'en' ? (rng.chance(0.8) ? 'en' : local) : rng.chance(0.92) ? local : 'nl');
  const reviewer = pickReviewer(rng, origin, rng.chance(0.08));

  let content: ComposedText | null = null;
  if (forced !== undefined) {
    content = { text: forced.text, translated: null, praise: forced.praise, complaint: forced.complaint };
  } else if (!ratingOnly) {
    content =
      foreign !== null
        ? composeTranslated(rng, TRANSLATED[foreign], rating)
        : composeText(rng, kind === 'nl' ? TEXTS_NL : TEXTS_EN, rating, site.city);
  }
  const language = forced !== undefined ? forced.language : content === null ? null : (foreign ?? kind);

  // A few reviewers edit their review later.
  const updatedMs = rng.chance(0.05) ? createdMs + Math.floor(rng.next() * Math.min(ageMs, 90 * DAY)) : createdMs;

  // Replies come hours to a few days later; recent and low-rated reviews are more often still open.
  const replyMs = createdMs + Math.floor((0.5 + 120 * rng.next() ** 3) * HOUR);
  const wantsAnswer = forced?.answer ?? rng.chance(answerChance(ageMs, rating));
  let reply: Review['reply'] = null;
  if (wantsAnswer && replyMs <= nowMs) {
    const replyLanguage: ReplyLanguage = kind === 'nl' ? 'nl' : 'en';
    const text = writeReply(rng, {
      language: replyLanguage,
      rating,
      firstName: reviewer.firstName,
      hasText: content !== null,
      praise: content?.praise ?? null,
      complaint: content?.complaint ?? null,
      site,
    });
    reply = { text, updatedAt: new Date(replyMs).toISOString(), state: 'published' };
  }

  const ext = externalId(rng, serial);
  return {
    schemaVersion: REVIEW_SCHEMA_VERSION,
    id: reviewId(SOURCE_ID, site.id, ext),
    source: SOURCE_ID,
    locationId: site.id,
    externalId: ext,
    rating,
    text: content?.text ?? null,
    translatedText: content?.translated ?? null,
    language,
    author: reviewer.author,
    anonymous: reviewer.anonymous,
    createdAt: new Date(createdMs).toISOString(),
    updatedAt: new Date(updatedMs).toISOString(),
    reply,
    status: reply === null ? 'unanswered' : 'answered',
    labels: [],
    assignee: null,
    note: null,
    url: `https://maps.google.com/?cid=${site.cid}&reviewid=${ext}`,
  };
}
