import PouchDB from 'pouchdb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutboxQueue } from '../../electron/core/outbox/queue';
import { markSending } from '../../electron/core/outbox/publish-steps';
import type { SourcePublisher } from '../../electron/core/outbox/source-publisher';
import { claimItem, type ClaimResult } from '../../electron/core/team/claims';
import type { TeamDb } from '../../electron/core/team/pouch';
import { teamGuardedPublisher } from '../../electron/core/team/team-publisher';
import type { TeamDoc } from '../../shared/team/team-docs';
import { review } from '../renderer/fixtures';
import { startStandIn, type StandIn } from '../team/standin-server';
import { tempDataDir } from './helpers';

const MINUTE = 60_000;
const T0 = Date.parse('2026-03-01T09:00:00.000Z');

/** A member's connection to the team database on the stand-in (basic auth: the claim rules are what is tested). */
const remoteAs = (couch: StandIn, user: string): TeamDb => new PouchDB<TeamDoc>(`${couch.url}/bakkerij`, {
  skip_setup: true,
  fetch: (u, init) => {
    const headers = new Headers(init?.headers);
    headers.set('Authorization', 'Basic ' + Buffer.from(`${user}:${user}-pw`).toString('base64'));
    return PouchDB.fetch(u, { ...init, headers });
  },
});

/**
 * A source's publisher on a slow line: it sends the queued items one by one as Google's does (each looked up at
 * its turn, marked sending, then sent), and before each send waits for the test (`between`).
 */
function slowPublisher(between: (itemId: string) => Promise<void>, sent: string[]): SourcePublisher {
  return {
    owns: () => true,
    async publish(q, deps) {
      const results = [];
      for (const { item } of q.list()) {
        const start = q.store.get(item.id);
        if (!start) continue;
        const sending = await markSending(q, start, deps.now);
        await between(item.id);
        sent.push(item.id);
        const done = await q.save({ ...sending, state: 'sent', updatedAt: deps.now().toISOString() });
        results.push({ id: done.id, reviewId: done.reviewId, ok: true, state: done.state });
      }
      return results;
    },
  };
}

describe('team claims during a long publish run', () => {
  let couch: StandIn;
  let clock = T0;
  const dbs: TeamDb[] = [];
  const claimAs = (user: string, desktop: string) => {
    const remote = remoteAs(couch, user);
    dbs.push(remote);
    return (itemId: string, reviewId: string): Promise<ClaimResult> => claimItem(remote, { itemId, reviewId, by: user, desktop }, new Date(clock));
  };
  const twoQueued = async () => {
    const queue = await OutboxQueue.open(await tempDataDir(), { now: () => new Date(clock) });
    const reviews = [review('g-1', { source: 'google' }), review('g-2', { source: 'google' })];
    const items = [];
    for (const r of reviews) items.push(await queue.enqueueReply({ review: r, text: `Dank je wel, ${r.id}!`, now: new Date(clock) }));
    return { queue, reviews, items };
  };
  const deps = (reviews: ReturnType<typeof review>[]) => ({
    reviewOf: (id: string) => reviews.find((r) => r.id === id),
    now: () => new Date(clock),
    onSent: async () => undefined,
    onConflict: async () => undefined,
    force: true,
  });
  const renewals = () => new Promise((r) => setTimeout(r, 150));

  beforeEach(async () => {
    clock = T0;
    couch = await startStandIn();
    for (const m of ['anna', 'bram']) await couch.addUser(m, `${m}-pw`);
    await couch.createDb('bakkerij', ['anna', 'bram']);
  });
  afterEach(async () => {
    await Promise.all(dbs.splice(0).map((d) => d.close()));
    await couch.close();
  });

  it('keeps its claims fresh: a run longer than the stale time is not taken over, and each reply is sent once', async () => {
    const { queue, reviews, items } = await twoQueued();
    const bram = claimAs('bram', 'desktop-b');
    const bramSaw: ClaimResult[] = [];
    const sent: string[] = [];
    // Anna's run: the first reply waits 16 minutes on a slow line (the clock moves; her run renews meanwhile).
    const between = async (itemId: string) => {
      if (itemId !== items[0]!.id) return;
      clock += 8 * MINUTE;
      await renewals();
      clock += 8 * MINUTE;
      // Bram's desktop, 16 minutes after Anna claimed both: her claim on the second is still hers.
      bramSaw.push(await bram(items[1]!.id, items[1]!.reviewId));
    };
    const guarded = teamGuardedPublisher(slowPublisher(between, sent), claimAs('anna', 'desktop-a'), { renewEveryMs: 20, clock: () => clock });
    const results = await guarded.publish(queue, deps(reviews));
    expect(bramSaw).toEqual([{ kind: 'taken', by: 'anna' }]);
    expect(sent).toEqual([items[0]!.id, items[1]!.id]);
    expect(results.map((r) => r.state)).toEqual(['sent', 'sent']);
  });

  it('gives up a claim it cannot renew before the item is sent: the reply waits, and another desktop may send it', async () => {
    const { queue, reviews, items } = await twoQueued();
    const sent: string[] = [];
    const between = async (itemId: string) => {
      if (itemId !== items[0]!.id) return;
      // The team server goes away for 6 minutes while the first reply is on its way.
      await couch.pause();
      clock += 6 * MINUTE;
      await renewals();
      await couch.resume();
    };
    const guarded = teamGuardedPublisher(slowPublisher(between, sent), claimAs('anna', 'desktop-a'), { renewEveryMs: 20, clock: () => clock });
    const results = await guarded.publish(queue, deps(reviews));
    expect(sent).toEqual([items[0]!.id]);
    expect(results.map((r) => r.id)).toEqual([items[0]!.id]);
    const waiting = queue.get(items[1]!.id)!.item;
    expect(waiting.state).toBe('queued');
    expect(waiting.waitingFor).toEqual({ kind: 'team-offline' });
    // Once the claim is stale on the server, Bram's desktop takes it over (and re-reads Google before sending).
    clock += 5 * MINUTE;
    expect(await claimAs('bram', 'desktop-b')(items[1]!.id, items[1]!.reviewId)).toEqual({ kind: 'mine' });
  });
});
