import { waitingNote, type OutboxWaitingFor } from '../../../shared/domain/outbox';
import type { OutboxItem } from '../../../shared/domain/outbox';
import type { SourcePublisher } from '../outbox/source-publisher';
import { isDue } from '../outbox/backoff';
import type { OutboxQueue } from '../outbox/queue';
import { SENDABLE } from '../outbox/views';
import { CLAIM_STALE_MS, type ClaimResult } from './claims';
import { claimedView } from './claimed-view';

/** What a reply waiting for the team server says in `lastError` (the UI shows `waitingFor` in the owner's language). */
export const TEAM_OFFLINE_NOTE = waitingNote({ kind: 'team-offline' });
const RETRY_MS = 60_000;
/** While a run holds claims it renews them this often, so a long run (a rate-limited queue) never looks stale to others. */
export const CLAIM_RENEW_MS = CLAIM_STALE_MS / 5;
/**
 * A claim this desktop could not renew for this long (its own clock) is given up before its item is sent: from
 * CLAIM_STALE_MS on another desktop may take it over, and only one of the two may send.
 */
export const CLAIM_GIVE_UP_MS = CLAIM_STALE_MS / 2;

export interface GuardOptions {
  renewEveryMs?: number;
  /** This desktop's clock for the give-up rule (ms). */
  clock?: () => number;
}

type Claim = (itemId: string, reviewId: string) => Promise<ClaimResult>;

const claimSafely = (claim: Claim, itemId: string, reviewId: string): Promise<ClaimResult> =>
  claim(itemId, reviewId).catch((err: unknown) => ({ kind: 'offline' as const, reason: err instanceof Error ? err.message : String(err) }));

/** The claims one run holds, renewed while it runs; those lost (taken over, or not renewable for too long) are withdrawn. */
class HeldClaims {
  private readonly renewedAt = new Map<string, { reviewId: string; at: number }>();
  readonly withdrawn = new Map<string, OutboxWaitingFor>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private renewing: Promise<void> = Promise.resolve();

  constructor(private readonly claim: Claim, private readonly clock: () => number) {}

  get size(): number {
    return this.renewedAt.size;
  }

  hold(itemId: string, reviewId: string): void {
    this.renewedAt.set(itemId, { reviewId, at: this.clock() });
  }

  has(itemId: string): boolean {
    return this.renewedAt.has(itemId) && !this.withdrawn.has(itemId);
  }

  start(everyMs: number): void {
    this.timer = setInterval(() => {
      this.renewing = this.renewing.then(() => this.renew());
    }, everyMs);
    this.timer.unref?.();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.renewing;
  }

  private async renew(): Promise<void> {
    for (const [itemId, held] of this.renewedAt) {
      if (this.withdrawn.has(itemId)) continue;
      const result = await claimSafely(this.claim, itemId, held.reviewId);
      if (result.kind === 'mine') held.at = this.clock();
      else if (result.kind === 'taken') this.withdrawn.set(itemId, { kind: 'team-member', member: result.by });
      else if (this.clock() - held.at > CLAIM_GIVE_UP_MS) this.withdrawn.set(itemId, { kind: 'team-offline' });
    }
  }
}

async function saveWaiting(q: OutboxQueue, item: OutboxItem, waitingFor: OutboxWaitingFor, now: Date): Promise<void> {
  const later = new Date(now.getTime() + RETRY_MS).toISOString();
  await q.save({ ...item, lastError: waitingNote(waitingFor), waitingFor, nextAttemptAt: later, updatedAt: now.toISOString() });
}

/**
 * Exactly one reply per review across the team: before a source's publisher sends an item, this desktop claims
 * it on the server (`claim(item)`). Only claimed items are sent; one another member claimed waits for that
 * member's result to replicate; with the server out of reach nothing is sent and the item says why. The run
 * renews its claims while it lasts; an item whose claim was lost before its turn is not sent and waits.
 */
export function teamGuardedPublisher(inner: SourcePublisher, claim: Claim, opts: GuardOptions = {}): SourcePublisher {
  const clock = opts.clock ?? (() => Date.now());
  return {
    owns: inner.owns,
    async publish(q, deps) {
      const held = new HeldClaims(claim, clock);
      for (const { item } of q.list()) {
        const review = deps.reviewOf(item.reviewId);
        if (!SENDABLE.has(item.state) || !review || !inner.owns(review) || !isDue(item, deps.now(), deps.force)) continue;
        const result = await claimSafely(claim, item.id, item.reviewId);
        if (result.kind === 'mine') held.hold(item.id, item.reviewId);
        else await saveWaiting(q, item, result.kind === 'taken' ? { kind: 'team-member', member: result.by } : { kind: 'team-offline' }, deps.now());
      }
      if (held.size === 0) return [];
      const view = claimedView(q, (id) => held.has(id));
      held.start(opts.renewEveryMs ?? CLAIM_RENEW_MS);
      let results;
      try {
        results = await inner.publish(view.queue, deps);
      } finally {
        await held.stop();
      }
      // Withdrawn before its turn (never marked sending in this run): not sent; it waits, saying why.
      const untouched = new Set<string>();
      for (const [itemId, waitingFor] of held.withdrawn) {
        const item = q.get(itemId)?.item;
        if (!item || view.started.has(itemId) || !SENDABLE.has(item.state)) continue;
        untouched.add(itemId);
        await saveWaiting(q, item, waitingFor, deps.now());
      }
      return results.filter((r) => !untouched.has(r.id));
    },
  };
}
