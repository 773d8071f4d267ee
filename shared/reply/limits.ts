/**
 * Reply limits Kalm checks before a reply is queued, sent or marked posted (pure; runs in the renderer too).
 * The composer, the outbox, `outbox.markPosted` and `kalm check-reply` all ask `replyLimitFor`.
 *
 * Per source kind (and, for imports, per site when Kalm can tell which site the file came from):
 * - Google Business Profile: 4096 UTF-8 bytes (the v4 `reviews.updateReply` comment; see GOOGLE-APIS.md).
 * - Google Play: 350 characters (the v3 `reviews.reply` replyText), counted as Unicode code points.
 * - Imported sites (Trustpilot, Tripadvisor, Facebook, Kiyoh/Klantenvertellen, any other file): Kalm found no
 *   published maximum for a business reply on any of them (their help pages and response guidelines talk about
 *   tone, privacy and links, not length; Trustpilot's reply API takes a plain `message`; a Facebook recommendation
 *   is answered with a comment, whose limit Meta does not document). So there is no hard limit (`limit: null`):
 *   the owner pastes the reply on the site, which says so itself if it is too long, and the composer's length
 *   advice (the calm check's "much longer than the review" rule) still applies. Size is shown in characters.
 */
import { MAX_REPLY_BYTES, utf8Bytes } from '../google/limits';
import type { SourceKind } from '../domain/source';

/** Kalm's source id for Google Play reviews. */
export const PLAY_SOURCE_ID = 'play';
/** Google Play rejects replies over about 350 characters. */
export const MAX_PLAY_REPLY_CHARS = 350;

export type ReplyLimitUnit = 'bytes' | 'characters';

/** Which source a reply is for: its id, kind and (for messages and the site of an import) its name. */
export interface SourceRef {
  id: string;
  kind: SourceKind;
  name?: string;
}

export interface ReplyLimitProblem {
  code: 'empty' | 'too_long';
  /** A sentence for the owner that names the limit and the current size. */
  message: string;
  /** null: the site documents no maximum. */
  limit: number | null;
  size: number;
  unit: ReplyLimitUnit;
}

export interface ReplyLimit {
  /** The most the site accepts, in `unit`; null when the site documents no maximum (only length advice applies). */
  limit: number | null;
  unit: ReplyLimitUnit;
  /** Where the limit comes from, for messages ("Google Play", "Google", "Trustpilot"). */
  service: string;
}

/** Review sites Kalm imports from, with what it knows of their reply limits (none is documented; see above). */
export const IMPORT_SITES = {
  trustpilot: { service: 'Trustpilot', limit: null },
  tripadvisor: { service: 'Tripadvisor', limit: null },
  facebook: { service: 'Facebook', limit: null },
  kiyoh: { service: 'Kiyoh', limit: null },
} as const satisfies Record<string, { service: string; limit: number | null }>;
export type ImportSite = keyof typeof IMPORT_SITES;

const SITE_ALIASES: Readonly<Record<string, ImportSite>> = { klantenvertellen: 'kiyoh' };

/** The site an imported source comes from, told by its id or name ("trustpilot", "Kiyoh NL", …); null when unknown. */
export function importSiteOf(source: Pick<SourceRef, 'id' | 'name'>): ImportSite | null {
  const words = `${source.id} ${source.name ?? ''}`.toLowerCase().split(/[^a-z0-9]+/);
  for (const word of words) {
    if (word in IMPORT_SITES) return word as ImportSite;
    const alias = SITE_ALIASES[word];
    if (alias) return alias;
  }
  return null;
}

/**
 * The kind of a source known only by id (the CLI's `--source`, callers without the workspace):
 * "play" is Google Play, an import site's name is a file import, anything else Google Business Profile.
 */
export function guessSourceRef(id: string): SourceRef {
  if (id === PLAY_SOURCE_ID) return { id, kind: 'google-play' };
  if (id === 'import' || importSiteOf({ id }) !== null) return { id, kind: 'file-import' };
  return { id, kind: 'google-business' };
}

/** A source's stored record when `sources` has it, otherwise a guess from its id. */
export function sourceRefOf(sources: readonly SourceRef[], id: string): SourceRef {
  return sources.find((s) => s.id === id) ?? guessSourceRef(id);
}

const refOf = (source: string | SourceRef): SourceRef => (typeof source === 'string' ? guessSourceRef(source) : source);

/** The one place that decides the limit for replies to reviews of `source` (a bare id is resolved by `guessSourceRef`). */
export function replyLimitFor(source: string | SourceRef): ReplyLimit {
  const ref = refOf(source);
  switch (ref.kind) {
    case 'google-play':
      return { limit: MAX_PLAY_REPLY_CHARS, unit: 'characters', service: 'Google Play' };
    case 'file-import': {
      const site = importSiteOf(ref);
      return { limit: site ? IMPORT_SITES[site].limit : null, unit: 'characters', service: site ? IMPORT_SITES[site].service : (ref.name ?? ref.id) };
    }
    case 'google-business':
      return { limit: MAX_REPLY_BYTES, unit: 'bytes', service: 'Google' };
  }
}

/** Unicode code points in `text` (a surrogate pair counts once). */
export const codePoints = (text: string): number => Array.from(text).length;

/** The size of `text` in the unit `source` counts. */
export const replySize = (text: string, source: string | SourceRef): number =>
  replyLimitFor(source).unit === 'bytes' ? utf8Bytes(text) : codePoints(text);

/** True when the text has nothing but white space (including Unicode spaces and zero-width characters). */
const isBlank = (text: string): boolean => text.replace(/[\s\u200b-\u200d\u2060\ufeff]/gu, '') === '';

/**
 * null when `text` may be sent as a reply to a review of `source`; otherwise why not.
 * Empty or white-space-only replies are refused; so is anything over the source's limit (when it has one).
 */
export function checkReplyLimits(text: string, source: string | SourceRef): ReplyLimitProblem | null {
  const { limit, unit, service } = replyLimitFor(source);
  const size = replySize(text, source);
  if (isBlank(text)) {
    const of = limit === null ? `${size} ${unit}` : `${size} of at most ${limit} ${unit}`;
    return { code: 'empty', limit, size, unit, message: `This reply is empty (${of}, no visible text). Write a reply before sending it.` };
  }
  if (limit !== null && size > limit) {
    const hint = unit === 'bytes' ? ' (accented letters count 2 bytes, emoji 4)' : '';
    return {
      code: 'too_long', limit, size, unit,
      message: `This reply is ${size} ${unit} long; ${service} accepts at most ${limit} ${unit}${hint}. Shorten it by ${size - limit} ${unit}.`,
    };
  }
  return null;
}
