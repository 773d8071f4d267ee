import { describe, expect, it } from 'vitest';
import { diffOutbox, seenOf } from '../../shared/outbox/outbox-events';
import type { OutboxItemView } from '../../shared/outbox/outbox-view';

const item = (patch: Partial<OutboxItemView> = {}): OutboxItemView => ({
  id: 'r1#a', reviewId: 'r1', action: 'reply', state: 'queued', text: 'Dank u!', attempts: 0, lastError: null, nextAttemptAt: null,
  createdAt: '2026-11-24T12:00:00.000Z', updatedAt: '2026-11-24T12:00:00.000Z', conflict: null, review: null, copyAndOpen: null, ...patch,
});

describe('diffOutbox (what the toasts announce)', () => {
  it('a new item is "queued", also when the background publisher already took it or sent it', () => {
    expect(diffOutbox(new Map(), [item()])).toEqual([{ kind: 'queued', id: 'r1#a' }]);
    expect(diffOutbox(new Map(), [item({ state: 'sending' })])).toEqual([{ kind: 'queued', id: 'r1#a' }]);
    expect(diffOutbox(new Map(), [item({ state: 'sent' })])).toEqual([{ kind: 'queued', id: 'r1#a' }, { kind: 'sent', id: 'r1#a' }]);
    expect(diffOutbox(new Map(), [item({ action: 'deleteReply', text: '' })])).toEqual([{ kind: 'queuedRemoval', id: 'r1#a' }]);
  });

  it('sent, removed, waiting with a reason, failed with a reason, conflict — each once', () => {
    const before = seenOf([item()]);
    expect(diffOutbox(before, [item({ state: 'sent' })])).toEqual([{ kind: 'sent', id: 'r1#a' }]);
    expect(diffOutbox(before, [item({ state: 'sent', action: 'deleteReply' })])).toEqual([{ kind: 'removed', id: 'r1#a' }]);
    const waiting = item({ lastError: 'No connection to Google.' });
    expect(diffOutbox(before, [waiting])).toEqual([{ kind: 'waiting', id: 'r1#a', reason: 'No connection to Google.' }]);
    expect(diffOutbox(seenOf([waiting]), [waiting])).toEqual([]);
    const failed = item({ state: 'failed', lastError: 'HTTP 400' });
    expect(diffOutbox(before, [failed])).toEqual([{ kind: 'failed', id: 'r1#a', reason: 'HTTP 400' }]);
    expect(diffOutbox(seenOf([failed]), [failed])).toEqual([]);
    const conflict = item({ state: 'conflict', lastError: 'x', conflict: { kind: 'deleted', message: 'The review was deleted.', oldText: null, newText: null, oldRating: null, newRating: null, otherReply: null, detectedAt: '2026-11-24T12:00:00.000Z' } });
    expect(diffOutbox(before, [conflict])).toEqual([{ kind: 'conflict', id: 'r1#a', reason: 'The review was deleted.' }]);
    expect(diffOutbox(before, [item()])).toEqual([]);
  });
});
