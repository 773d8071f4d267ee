import { describe, expect, it } from 'vitest';
import { createKalm, type KalmCore } from '../../electron/core/create-kalm';
import { CLAIM_STALE_MS } from '../../electron/core/team/claims';
import { startChildDesktop } from '../team/child-desktop';
import { syncAll, useBakkerijTeamWithGoogle } from '../team/desktops';
import { emulatorGoogle } from './google-setup';
import { tempDataDir } from './helpers';

/**
 * Exactly one reply when the publishing desktop dies: desktop A runs in a child process (tests/crash/team-desktop.ts)
 * and is killed with SIGKILL after its claim on the team server, while its reply is held at the Google emulator
 * or before it left; then A restarts and B tries too. Against the stand-in CouchDB and the Google emulator.
 */
const TEXT = 'Dank je wel voor je review, tot snel!';

describe('team publishing: SIGKILL of the publishing desktop', () => {
  const team = useBakkerijTeamWithGoogle();
  const { cores } = team;
  const open = async (dataDir: string): Promise<KalmCore> => {
    const core = await createKalm({ dataDir, host: 'test', autoPublish: false, google: emulatorGoogle(team.emu) });
    cores.push(core);
    return core;
  };
  const close = async (core: KalmCore) => {
    cores.splice(cores.indexOf(core), 1);
    await core.close();
  };

  /** Anna and Bram share the Google location; Anna queued a reply that Bram has too; Anna's core is closed (the child opens her folder). */
  async function queuedOnAnna() {
    const dirA = await tempDataDir();
    const anna = await open(dirA);
    const bram = await open(await tempDataDir());
    for (const core of [anna, bram]) {
      await core.call('google.discover', {});
      await core.call('google.sync', {});
    }
    await anna.call('team.create', { server: team.couch.url, db: 'bakkerij', user: 'anna', password: 'anna-pw' });
    await bram.call('team.join', { server: team.couch.url, db: 'bakkerij', user: 'bram', password: 'bram-pw' });
    const target = (await anna.call('reviews.query', { status: 'unanswered', limit: 1 })).items[0]!;
    const { id: itemId } = await anna.call('outbox.send', { reviewId: target.id, text: TEXT });
    await syncAll([anna, bram]);
    expect((await bram.call('outbox.list', {})).items.map((i) => i.id)).toContain(itemId);
    await close(anna);
    const replyPuts = () => team.emu.requests.filter((r) => r.method === 'PUT' && r.path.endsWith(`/reviews/${target.externalId}/reply`));
    const reread = () => team.emu.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/reviews/${target.externalId}`));
    return { dirA, bram, target, itemId, replyPuts, reread };
  }

  const publishAndKill = (dataDir: string, when: () => boolean) => startChildDesktop(dataDir, team.emu, 'publish').killWhen(when);

  /** The item is sent and the review carries the reply, on this desktop. */
  async function expectAnswered(core: KalmCore, itemId: string, reviewId: string) {
    expect((await core.call('outbox.list', {})).items.find((i) => i.id === itemId)?.state).toBe('sent');
    const review = (await core.call('reviews.query', { status: 'all', limit: 500 })).items.find((r) => r.id === reviewId);
    expect(review?.reply?.text).toBe(TEXT);
  }

  it('killed while its reply is held at Google: B waits for A\'s claim; A restarts, re-reads the review and confirms; one reply in all', { timeout: 120_000 }, async () => {
    const { dirA, bram, target, itemId, replyPuts } = await queuedOnAnna();
    team.emu.faults.add({ match: `/reviews/${target.externalId}/reply`, method: 'PUT', answerDelayMs: 30_000 });
    const reviewName = () => replyPuts()[0]?.path.replace(/^\/v4\//, '').replace(/\/reply$/, '') ?? '';
    // Killed once Google has the reply but before its answer came back.
    await publishAndKill(dirA, () => team.emu.data.replyOf(reviewName())?.comment === TEXT);
    team.emu.faults.clear();

    // B tries while A is down: A's claim is fresh, so B sends nothing and says who has it.
    await bram.call('outbox.publish', {});
    expect(replyPuts()).toHaveLength(1);
    expect((await bram.call('outbox.list', {})).items.find((i) => i.id === itemId)).toMatchObject({
      lastError: 'anna is publishing this reply.', waitingFor: { kind: 'team-member', member: 'anna' },
    });

    // A restarts: its own claim; it re-reads the review on Google, finds its reply there and records it as sent.
    const anna = await open(dirA);
    const { results } = await anna.call('outbox.publish', {});
    expect(results).toEqual([expect.objectContaining({ id: itemId, ok: true, state: 'sent' })]);
    await syncAll([anna, bram]);
    await bram.call('outbox.publish', {});
    expect(replyPuts()).toHaveLength(1);
    await expectAnswered(anna, itemId, target.id);
    await expectAnswered(bram, itemId, target.id);
  });

  it('one member on two desktops publishing at once: the claim is per desktop, one reply', { timeout: 120_000 }, async () => {
    const { dirA, bram, target, replyPuts } = await queuedOnAnna();
    await close(bram);
    const annaHome = await open(await tempDataDir());
    await annaHome.call('google.discover', {});
    await annaHome.call('team.join', { server: team.couch.url, db: 'bakkerij', user: 'anna', password: 'anna-pw' });
    const anna = await open(dirA);
    await syncAll([anna, annaHome]);
    // Google answers the re-read before sending slowly: both would find the review unanswered if both had claimed.
    team.emu.faults.add({ match: `/reviews/${target.externalId}`, method: 'GET', delayMs: 1_000, times: 2 });
    const [a, b] = await Promise.all([anna.call('outbox.publish', {}), annaHome.call('outbox.publish', {})]);
    expect(replyPuts()).toHaveLength(1);
    expect([...a.results, ...b.results].filter((r) => r.state === 'sent')).toHaveLength(1);
  });

  it('killed after its claim, before the reply left: A restarts and sends it once', { timeout: 120_000 }, async () => {
    const { dirA, bram, target, itemId, replyPuts, reread } = await queuedOnAnna();
    team.emu.faults.add({ match: `/reviews/${target.externalId}`, method: 'GET', delayMs: 30_000 });
    await publishAndKill(dirA, () => reread().length > 0);
    expect(replyPuts()).toHaveLength(0);
    team.emu.faults.clear();

    const anna = await open(dirA);
    await anna.call('outbox.publish', {});
    expect(replyPuts()).toHaveLength(1);
    await syncAll([anna, bram]);
    await bram.call('outbox.publish', {});
    expect(replyPuts()).toHaveLength(1);
    await expectAnswered(anna, itemId, target.id);
    await expectAnswered(bram, itemId, target.id);
  });

  it('killed after its claim and never back: once the claim is stale (server time) B takes it over and sends it once; A, back later, sends nothing', { timeout: 120_000 }, async () => {
    const { dirA, bram, target, itemId, replyPuts, reread } = await queuedOnAnna();
    team.emu.faults.add({ match: `/reviews/${target.externalId}`, method: 'GET', delayMs: 30_000 });
    await publishAndKill(dirA, () => reread().length > 0);
    team.emu.faults.clear();

    await bram.call('outbox.publish', {});
    expect(replyPuts()).toHaveLength(0); // A's claim is fresh: A may still be sending
    team.couch.setClockOffset(CLAIM_STALE_MS + 60_000); // the team server's clock: A's claim was not renewed for longer than that
    const { results } = await bram.call('outbox.publish', {});
    expect(results).toEqual([expect.objectContaining({ id: itemId, ok: true, state: 'sent' })]);
    expect(replyPuts()).toHaveLength(1);

    const anna = await open(dirA);
    await anna.call('outbox.publish', {}); // Bram's claim is fresh: nothing sent
    await syncAll([anna, bram]);
    await anna.call('outbox.publish', {});
    expect(replyPuts()).toHaveLength(1);
    await expectAnswered(anna, itemId, target.id);
    await expectAnswered(bram, itemId, target.id);
  });
});
