import { afterEach, beforeEach } from 'vitest';
import { createKalm, type KalmCore } from '../../electron/core/create-kalm';
import { saveShardFile, saveSourcesFile } from '../../electron/core/store/workspace-files';
import type { Review } from '../../shared/domain/review';
import { makeReview, tempDataDir } from '../unit/helpers';
import { startGoogleEmulator, type GoogleEmulator } from '../emulator';
import { startStandIn, type StandIn } from './standin-server';

/** A data folder with `n` imported reviews of one location (what a desktop had before its team existed). */
export async function seededFolder(n: number, over: (i: number) => Partial<Review> = () => ({})): Promise<string> {
  const dir = await tempDataDir();
  const reviews = Array.from({ length: n }, (_, i) => makeReview({ externalId: `r${String(i).padStart(4, '0')}`, source: 'trustpilot', locationId: 'shop', ...over(i) }));
  await saveSourcesFile(dir, [{ id: 'trustpilot', kind: 'file-import', name: 'Trustpilot', state: 'connected', lastSyncAt: null }], [
    { id: 'shop', source: 'trustpilot', name: 'De Bakkerij', storeCode: null, address: null, mapsUrl: null, newReviewUrl: null },
  ]);
  await saveShardFile(dir, 'trustpilot', 'shop', reviews);
  return dir;
}

export const openDesktop = (dataDir: string, extra: Partial<Parameters<typeof createKalm>[0]> = {}): Promise<KalmCore> =>
  createKalm({ dataDir, host: 'test', ...extra });

/** Everything a member can see of the shared workspace, for comparing desktops. */
export async function snapshot(core: KalmCore): Promise<unknown> {
  const page = await core.call('reviews.query', { status: 'all', limit: 500 });
  const reviews = page.items.map((r) => ({ id: r.id, labels: [...r.labels].sort(), note: r.note, assignee: r.assignee, status: r.status }));
  reviews.sort((a, b) => a.id.localeCompare(b.id));
  const drafts = (await core.call('drafts.list', {})).drafts.map((d) => ({ reviewId: d.reviewId, text: d.text })).sort((a, b) => a.reviewId.localeCompare(b.reviewId));
  return { reviews, drafts };
}

/** Every desktop's replica syncs twice, so what each one sent has reached the others. */
export async function syncAll(cores: readonly KalmCore[]): Promise<void> {
  for (let i = 0; i < 2; i++) for (const c of cores) await c.team!.service!.syncNow();
}

/**
 * For a describe block: before each test a fresh stand-in with the team database "bakkerij" of anna
 * (password anna-pw) and bram (bram-pw); after it the desktops pushed to `cores` close, then the stand-in.
 */
export function useBakkerijTeam(): { couch: () => StandIn; cores: KalmCore[] } {
  let couch: StandIn | null = null;
  const cores: KalmCore[] = [];
  beforeEach(async () => {
    couch = await startStandIn();
    await couch.addUser('anna', 'anna-pw');
    await couch.addUser('bram', 'bram-pw');
    await couch.createDb('bakkerij', ['anna', 'bram']);
  });
  afterEach(async () => {
    await Promise.all(cores.splice(0).map((c) => c.close()));
    await couch?.close();
  });
  return {
    couch: () => {
      if (!couch) throw new Error('the stand-in starts before each test');
      return couch;
    },
    cores,
  };
}

/** What `useBakkerijTeamWithGoogle` gives a describe block: set before each test. */
export interface TeamWithGoogle {
  emu: GoogleEmulator;
  couch: StandIn;
  /** Desktops to close after the test. */
  cores: KalmCore[];
}

/**
 * For a describe block: before each test the project's Google emulator and a fresh stand-in with the team database
 * "bakkerij" of anna (anna-pw) and bram (bram-pw); after it the desktops in `cores` close, then both servers.
 */
export function useBakkerijTeamWithGoogle(): TeamWithGoogle {
  const t = { cores: [] as KalmCore[] } as TeamWithGoogle;
  beforeEach(async () => {
    t.emu = await startGoogleEmulator();
    t.couch = await startStandIn();
    for (const m of ['anna', 'bram']) await t.couch.addUser(m, `${m}-pw`);
    await t.couch.createDb('bakkerij', ['anna', 'bram']);
  });
  afterEach(async () => {
    await Promise.all(t.cores.splice(0).map((c) => c.close()));
    await t.couch.close();
    await t.emu.close();
  });
  return t;
}

/**
 * Anna opens `annaDir` and creates the team workspace "bakkerij" from it; Bram joins from an empty folder. Both
 * close after the test (closing one earlier, as crash tests do, is fine: a core closes once).
 */
export async function createAndJoin(t: { couch: () => StandIn; cores: KalmCore[] }, annaDir: string): Promise<{ anna: KalmCore; bram: KalmCore }> {
  const anna = await openDesktop(annaDir);
  const bram = await openDesktop(await tempDataDir());
  t.cores.push(anna, bram);
  await anna.call('team.create', { server: t.couch().url, db: 'bakkerij', user: 'anna', password: 'anna-pw' });
  await bram.call('team.join', { server: t.couch().url, db: 'bakkerij', user: 'bram', password: 'bram-pw' });
  return { anna, bram };
}
