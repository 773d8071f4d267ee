import { describe, expect, it } from 'vitest';
import { createKalm, type KalmCore } from '../../electron/core/create-kalm';
import { TEAM_OFFLINE_NOTE } from '../../electron/core/team/team-publisher';
import { useBakkerijTeamWithGoogle } from '../team/desktops';
import { emulatorGoogle } from './google-setup';
import { tempDataDir } from './helpers';

/** Exactly one reply per review across the team, against the Google emulator and the stand-in CouchDB. */
describe('team publishing: claims on the team server', () => {
  const team = useBakkerijTeamWithGoogle();
  const { cores } = team;
  const desktop = async (): Promise<KalmCore> => {
    const core = await createKalm({
      dataDir: await tempDataDir(),
      host: 'test',
      google: emulatorGoogle(team.emu),
    });
    cores.push(core);
    // Both desktops sync the same Google location: the same review ids, so they collide instead of duplicating.
    await core.call('google.discover', {});
    await core.call('google.sync', {});
    return core;
  };
  const replyPosts = () => team.emu.requests.filter((r) => r.method === 'PUT' && r.path.endsWith('/reply')).length;

  const twoDesktops = async () => {
    const anna = await desktop();
    const bram = await desktop();
    await anna.call('team.create', { server: team.couch.url, db: 'bakkerij', user: 'anna', password: 'anna-pw' });
    await bram.call('team.join', { server: team.couch.url, db: 'bakkerij', user: 'bram', password: 'bram-pw' });
    const a = await anna.call('reviews.query', { status: 'all', limit: 500 });
    const b = await bram.call('reviews.query', { status: 'all', limit: 500 });
    expect(b.total).toBe(a.total); // no duplicates after both synced the same location
    const target = (await anna.call('reviews.query', { status: 'unanswered', limit: 1 })).items[0]!;
    await anna.call('outbox.send', { reviewId: target.id, text: 'Dank je wel voor je review!' });
    await anna.team!.service!.syncNow();
    await bram.team!.service!.syncNow();
    expect((await bram.call('outbox.list', {})).items.some((i) => i.reviewId === target.id)).toBe(true);
    return { anna, bram, target };
  };

  it('two desktops publishing the same queued reply at once send exactly one reply to Google', async () => {
    const { anna, bram } = await twoDesktops();
    const before = replyPosts();
    const [ra, rb] = await Promise.all([anna.call('outbox.publish', {}), bram.call('outbox.publish', {})]);
    expect(replyPosts() - before).toBe(1);
    const sent = [...ra.results, ...rb.results].filter((r) => r.ok && r.state === 'sent');
    expect(sent).toHaveLength(1);
  });

  it('with the team server down nothing is published and the reply says it waits for the team server', async () => {
    const { anna, target } = await twoDesktops();
    await team.couch.pause();
    const before = replyPosts();
    await anna.call('outbox.publish', {});
    expect(replyPosts() - before).toBe(0);
    const item = (await anna.call('outbox.list', {})).items.find((i) => i.reviewId === target.id)!;
    expect(item.state).toBe('queued');
    expect(item.lastError).toBe(TEAM_OFFLINE_NOTE);
    expect(item.waitingFor).toEqual({ kind: 'team-offline' });
    await team.couch.resume();
  });
});
