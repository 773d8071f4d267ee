import type { SourceKind } from '../domain/source';

/**
 * How a reply reaches the review site:
 * - `api`: Kalm sends it (Google Business Profile, Google Play) through the outbox;
 * - `copyAndOpen`: the site has no reply API open to small businesses (imported reviews): Kalm copies
 *   the reply and opens the review's page; the owner pastes it there and confirms "I posted it";
 * - `local`: nothing goes anywhere (the demo).
 */
export type PublishMode = 'api' | 'copyAndOpen' | 'local';

/** What a kind of source can do; the inbox, composer, outbox and Sources screen ask this, not the kind. */
export interface SourceCapabilities {
  /** Kalm fetches its reviews itself (otherwise they come from a file import). */
  canSync: boolean;
  /** A reply can be written for its reviews (by API or by copy-and-open). */
  canReply: boolean;
  /** Kalm can remove a posted reply on the site. */
  canDeleteReply: boolean;
  publish: PublishMode;
  /** Days of history the site's API returns (Play: about 7); null = all. */
  historyDays: number | null;
}

const CAPABILITIES: Readonly<Record<SourceKind, SourceCapabilities>> = {
  'google-business': { canSync: true, canReply: true, canDeleteReply: true, publish: 'api', historyDays: null },
  'google-play': { canSync: true, canReply: true, canDeleteReply: false, publish: 'api', historyDays: 7 },
  'file-import': { canSync: false, canReply: true, canDeleteReply: false, publish: 'copyAndOpen', historyDays: null },
};

export const capabilitiesOf = (kind: SourceKind): SourceCapabilities => CAPABILITIES[kind];

/** The demo's source pretends to be Google but answers locally. */
export const DEMO_CAPABILITIES: SourceCapabilities = { ...CAPABILITIES['google-business'], publish: 'local' };

/** Capabilities of a source as it is stored (kind + state). */
export const capabilitiesOfSource = (source: { kind: SourceKind; state: string }): SourceCapabilities =>
  source.state === 'demo' ? DEMO_CAPABILITIES : capabilitiesOf(source.kind);

/** Only http(s) links may be opened from a review (review URLs are untrusted input). */
export function safeHttpUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}
