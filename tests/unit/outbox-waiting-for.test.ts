import { describe, expect, it } from 'vitest';
import { OutboxQueue } from '../../electron/core/outbox/queue';
import { view } from '../../electron/core/outbox/views';
import { OutboxItem, waitingNote, type OutboxWaitingFor } from '../../shared/domain/outbox';
import { review } from '../renderer/fixtures';
import { tempDataDir } from './helpers';

const NOW = new Date('2026-03-01T09:30:00.000Z');
const anna: OutboxWaitingFor = { kind: 'team-member', member: 'anna' };

async function queued() {
  const dir = await tempDataDir();
  const queue = await OutboxQueue.open(dir, { now: () => NOW });
  const item = await queue.enqueueReply({ review: review('g-1', { source: 'google' }), text: 'Dank je wel!', now: NOW });
  return { dir, queue, item };
}

describe('an outbox item\'s structured waiting reason (waitingFor)', () => {
  it('is kept, durably, while it explains lastError, and shown to clients', async () => {
    const { dir, queue, item } = await queued();
    await queue.save({ ...item, lastError: waitingNote(anna), waitingFor: anna });
    const reopened = await OutboxQueue.open(dir, { now: () => NOW });
    const entry = reopened.get(item.id)!;
    expect(entry.item.waitingFor).toEqual(anna);
    expect(view(entry, null)).toMatchObject({ lastError: 'anna is publishing this reply.', waitingFor: anna });
  });

  it('is dropped when anything else sets or clears lastError while copying the item', async () => {
    const { dir, queue, item } = await queued();
    const waiting = await queue.save({ ...item, lastError: waitingNote({ kind: 'team-offline' }), waitingFor: { kind: 'team-offline' } });
    const google = await queue.save({ ...waiting, lastError: 'Google is not answering right now.' });
    expect(google.waitingFor).toBeUndefined();
    expect((await OutboxQueue.open(dir, { now: () => NOW })).get(item.id)?.item.waitingFor).toBeUndefined();
    expect(view(queue.get(item.id)!, null)).not.toHaveProperty('waitingFor');
    const again = await queue.save({ ...google, lastError: waitingNote(anna), waitingFor: anna });
    expect((await queue.save({ ...again, state: 'sent', lastError: null })).waitingFor).toBeUndefined();
  });

  it('a stale pair that reached the store another way (a replicated doc) is not shown', async () => {
    const { queue, item } = await queued();
    await queue.store.put({ ...item, lastError: 'Google is not answering right now.', waitingFor: anna });
    expect(view(queue.get(item.id)!, null)).not.toHaveProperty('waitingFor');
  });

  it('items written before it existed still parse; an unknown reason does not', () => {
    const old = {
      schemaVersion: 1, id: 'g-1#1', reviewId: 'g-1', action: 'reply', text: 'Dank je wel!', reviewUpdatedAt: NOW.toISOString(), state: 'queued',
      attempts: 0, lastError: 'Google is not answering right now.', nextAttemptAt: null, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(),
    };
    expect(OutboxItem.safeParse(old).success).toBe(true);
    expect(OutboxItem.safeParse({ ...old, waitingFor: { kind: 'elsewhere' } }).success).toBe(false);
  });
});
