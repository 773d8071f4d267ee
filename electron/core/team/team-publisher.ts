import { waitingNote, type OutboxWaitingFor } from '../../../shared/domain/outbox';
import type { SourcePublisher } from '../outbox/source-publisher';
import { isDue } from '../outbox/backoff';
import type { OutboxEntry, OutboxQueue } from '../outbox/queue';
import { SENDABLE } from '../outbox/views';
import type { ClaimResult } from './claims';

/** What a reply waiting for the team server says in `lastError` (the UI shows `waitingFor` in the owner's language). */
export const TEAM_OFFLINE_NOTE = waitingNote({ kind: 'team-offline' });
const RETRY_MS = 60_000;

/** The queue as the inner publisher sees it: only the items this desktop has claimed on the server. */
function claimedView(q: OutboxQueue, allowed: ReadonlySet<string>): OutboxQueue {
  const visible = (e: OutboxEntry | undefined) => (e && allowed.has(e.item.id) ? e : undefined);
  return new Proxy(q, {
    get(target, prop, receiver) {
      if (prop === 'list') return () => target.list().filter((e) => allowed.has(e.item.id));
      if (prop === 'get') return (id: string) => visible(target.get(id));
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * Exactly one reply per review across the team: before a source's publisher sends an item, this desktop claims
 * it on the server (`claim(item)`). Only claimed items are sent; one another member claimed waits for that
 * member's result to replicate; with the server out of reach nothing is sent and the item says why.
 */
export function teamGuardedPublisher(inner: SourcePublisher, claim: (itemId: string, reviewId: string) => Promise<ClaimResult>): SourcePublisher {
  return {
    owns: inner.owns,
    async publish(q, deps) {
      const allowed = new Set<string>();
      for (const { item } of q.list()) {
        const review = deps.reviewOf(item.reviewId);
        if (!SENDABLE.has(item.state) || !review || !inner.owns(review) || !isDue(item, deps.now(), deps.force)) continue;
        const result = await claim(item.id, item.reviewId);
        if (result.kind === 'mine') {
          allowed.add(item.id);
          continue;
        }
        const waitingFor: OutboxWaitingFor = result.kind === 'taken' ? { kind: 'team-member', member: result.by } : { kind: 'team-offline' };
        const later = new Date(deps.now().getTime() + RETRY_MS).toISOString();
        await q.save({ ...item, lastError: waitingNote(waitingFor), waitingFor, nextAttemptAt: later, updatedAt: deps.now().toISOString() });
      }
      if (allowed.size === 0) return [];
      return inner.publish(claimedView(q, allowed), deps);
    },
  };
}
