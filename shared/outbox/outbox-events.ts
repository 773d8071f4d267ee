import type { OutboxWaitingFor } from '../domain/outbox';
import type { OutboxItemView } from './outbox-view';

/** Something about the outbox worth telling the owner, found by comparing two `outbox.list` results. */
export type OutboxEvent =
  | { kind: 'queued' | 'queuedRemoval' | 'sent' | 'removed'; id: string }
  | { kind: 'waiting' | 'failed' | 'conflict'; id: string; reason: string; waitingFor?: OutboxWaitingFor };

type Seen = Pick<OutboxItemView, 'state' | 'lastError' | 'updatedAt'>;

/**
 * What changed from `before` to `after` (pure). A new item is "queued"; an item that reaches `sent`
 * is "sent"; one that fails, becomes a conflict, or waits with a new reason says why.
 */
export function diffOutbox(before: ReadonlyMap<string, Seen>, after: readonly OutboxItemView[]): OutboxEvent[] {
  const events: OutboxEvent[] = [];
  for (const item of after) {
    const prev = before.get(item.id);
    const reason = item.conflict?.message ?? item.lastError ?? '';
    const removal = item.action === 'deleteReply';
    // A new item (perhaps already being sent, or even sent, by the background publisher).
    if (prev === undefined && (item.state === 'queued' || item.state === 'sending' || item.state === 'sent') && item.lastError === null) {
      events.push({ kind: removal ? 'queuedRemoval' : 'queued', id: item.id });
    }
    if (prev === undefined && item.state !== 'sent' && item.lastError === null) {
      continue;
    } else if (item.state === 'sent' && prev?.state !== 'sent') {
      events.push({ kind: removal ? 'removed' : 'sent', id: item.id });
    } else if (item.state === 'conflict' && prev?.state !== 'conflict') {
      events.push({ kind: 'conflict', id: item.id, reason });
    } else if (item.state === 'failed' && (prev?.state !== 'failed' || prev.lastError !== item.lastError)) {
      events.push({ kind: 'failed', id: item.id, reason });
    } else if (item.state === 'queued' && item.lastError !== null && prev?.lastError !== item.lastError) {
      events.push({ kind: 'waiting', id: item.id, reason: item.lastError, ...(item.waitingFor ? { waitingFor: item.waitingFor } : {}) });
    }
  }
  return events;
}

/** The part of each item `diffOutbox` compares. */
export const seenOf = (items: readonly OutboxItemView[]): Map<string, Seen> =>
  new Map(items.map((i) => [i.id, { state: i.state, lastError: i.lastError, updatedAt: i.updatedAt }]));
