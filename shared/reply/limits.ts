/**
 * Reply limits Kalm checks before a reply is queued or sent (pure; runs in the renderer too).
 * Google Business Profile counts UTF-8 bytes (not characters); Google Play counts characters,
 * which Kalm counts as Unicode code points (an emoji is one, an accented letter one).
 */
import { MAX_REPLY_BYTES, utf8Bytes } from '../google/limits';

/** Kalm's source id for Google Play reviews. */
export const PLAY_SOURCE_ID = 'play';
/** Google Play rejects replies over about 350 characters. */
export const MAX_PLAY_REPLY_CHARS = 350;

export type ReplyLimitUnit = 'bytes' | 'characters';

export interface ReplyLimitProblem {
  code: 'empty' | 'too_long';
  /** A sentence for the owner that names the limit and the current size. */
  message: string;
  limit: number;
  size: number;
  unit: ReplyLimitUnit;
}

export interface ReplyLimit {
  limit: number;
  unit: ReplyLimitUnit;
  /** Where the limit comes from, for messages ("Google Play", "Google"). */
  service: string;
}

/** The limit that applies to replies for `source` (Google Business Profile unless it is Play). */
export const replyLimitOf = (source: string): ReplyLimit =>
  source === PLAY_SOURCE_ID
    ? { limit: MAX_PLAY_REPLY_CHARS, unit: 'characters', service: 'Google Play' }
    : { limit: MAX_REPLY_BYTES, unit: 'bytes', service: 'Google' };

/** Unicode code points in `text` (a surrogate pair counts once). */
export const codePoints = (text: string): number => Array.from(text).length;

/** The size of `text` in the unit `source` counts. */
export const replySize = (text: string, source: string): number =>
  replyLimitOf(source).unit === 'bytes' ? utf8Bytes(text) : codePoints(text);

/** True when the text has nothing but white space (including Unicode spaces and zero-width characters). */
const isBlank = (text: string): boolean => text.replace(/[\s\u200b-\u200d\u2060\ufeff]/gu, '') === '';

/**
 * null when `text` may be sent as a reply to a review of `source`; otherwise why not.
 * Empty or white-space-only replies are refused; so is anything over the source's limit.
 */
export function checkReplyLimits(text: string, source: string): ReplyLimitProblem | null {
  const { limit, unit, service } = replyLimitOf(source);
  const size = replySize(text, source);
  if (isBlank(text)) {
    return {
      code: 'empty', limit, size, unit,
      message: `This reply is empty (${size} of at most ${limit} ${unit}, no visible text). Write a reply before sending it.`,
    };
  }
  if (size > limit) {
    const hint = unit === 'bytes' ? ' (accented letters count 2 bytes, emoji 4)' : '';
    return {
      code: 'too_long', limit, size, unit,
      message: `This reply is ${size} ${unit} long; ${service} accepts at most ${limit} ${unit}${hint}. Shorten it by ${size - limit} ${unit}.`,
    };
  }
  return null;
}
