import type { Location } from '../../../shared/domain/location';
import type { Reply, Review } from '../../../shared/domain/review';
import type { SourceKind } from '../../../shared/domain/source';
import type { ReplyLimit } from '../../../shared/reply/limits';
import type { SourceCapabilities } from '../../../shared/sources/capabilities';
import type { SyncTotals } from '../../../shared/sources/google-status';

/**
 * One kind of review site, as the core uses it. Every source implements this, so the inbox,
 * composer, outbox and stats treat them alike; each source's descriptor builds one (see registry.ts
 * for how to add a source). A method a source cannot do (see `capabilities`)
 * throws a KalmError that says what to do instead.
 */
export interface ReviewSource {
  readonly kind: SourceKind;
  readonly capabilities: SourceCapabilities;
  /** The most a reply may be (Google: 4096 UTF-8 bytes; Play: 350 characters). */
  replyLimit(sourceId: string): ReplyLimit;
  /** The places (Business Profile locations, Play apps, an imported site) this source has. */
  listLocations(): Promise<Location[]>;
  /** Fetches new and changed reviews since the last sync (all when `full`) into the store. */
  fetchReviews(opts: { full: boolean }): Promise<SyncTotals>;
  /** Sends a reply (creating or replacing the one there); resolves with the reply as stored. */
  publishReply(review: Review, text: string): Promise<Reply>;
  /** Removes the posted reply. */
  deleteReply(review: Review): Promise<void>;
}
