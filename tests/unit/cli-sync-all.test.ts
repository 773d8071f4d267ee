import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGoogleEmulator, type GoogleEmulator } from '../emulator';
import { tempDataDir } from './helpers';
import { addPlayReviews, connectWithConsent } from './cli-consent';
import { emulatorEnv, runKalm as kalm } from './run-kalm';

const PKG = 'nl.zonnebloem.bestel';

async function connect(args: string[], env: Record<string, string>): Promise<void> {
  const r = await connectWithConsent(args, env);
  expect(r.code, r.stderr).toBe(0);
}

interface SyncJson { locations: number; reviews: number; new: number; updated: number; deleted: number; sources: { source: string; new: number; reviews: number; error?: string }[] }

describe('kalm sync: every connected source (Google Business Profile and the followed Play apps)', () => {
  let emu: GoogleEmulator;
  let env: Record<string, string>;
  beforeEach(async () => {
    emu = await startGoogleEmulator();
    env = emulatorEnv(emu, await tempDataDir());
    addPlayReviews(emu, PKG, 30, 'gp:AOqpSYNC');
    await connect(['connect', 'google', '--no-open'], env);
    await connect(['connect', 'play', '--package', PKG, '--no-open'], env);
  });
  afterEach(async () => {
    await emu.close();
  });

  it('syncs both with one progress line per source; --json has the totals and sources; --source narrows', async () => {
    const sync = await kalm(['sync', '--json'], env);
    expect(sync.code, sync.stderr).toBe(0);
    const out = JSON.parse(sync.stdout) as SyncJson;
    expect(out.sources.map((s) => s.source)).toEqual(['google', 'play']);
    const [google, play] = out.sources;
    expect(play).toMatchObject({ source: 'play', locations: 1, reviews: 30, new: 30, deleted: 0 });
    expect(google?.new).toBeGreaterThan(0);
    expect(out.new).toBe((google?.new ?? 0) + 30);
    expect(sync.stderr).toMatch(/^Google Business Profile: \d+ locations, \d+ reviews fetched/m);
    expect(sync.stderr).toMatch(/^Google Play: 1 app, 30 reviews fetched, 30 new/m);
    const listed = JSON.parse((await kalm(['reviews', '--json'], env)).stdout) as { source: string }[];
    expect(new Set(listed.map((r) => r.source))).toEqual(new Set(['google', 'play']));

    const onlyPlay = await kalm(['sync', '--source', 'play', '--json'], env);
    expect(onlyPlay.code, onlyPlay.stderr).toBe(0);
    expect(JSON.parse(onlyPlay.stdout)).toMatchObject({ apps: 1, new: 0 });
    const text = await kalm(['sync'], env);
    expect(text.stdout).toMatch(/^Synced 2 sources: \d+ reviews fetched, 0 new/);
  }, 120_000);

  it('one failing source (emulator fault) still syncs the other, and the exit code is 1', async () => {
    emu.faults.add({ match: '/androidpublisher/', status: 500, times: Infinity });
    const sync = await kalm(['sync', '--json'], env);
    expect(sync.code).toBe(1);
    const out = JSON.parse(sync.stdout) as SyncJson;
    expect(out.sources[0]).toMatchObject({ source: 'google' });
    expect(out.sources[0]?.error).toBeUndefined();
    expect(out.sources[0]?.new).toBeGreaterThan(0);
    expect(out.sources[1]).toMatchObject({ source: 'play', new: 0, error: expect.any(String) });
    expect(out.new).toBe(out.sources[0]?.new);
    expect(sync.stderr).toMatch(/^Google Play: failed: /m);
    expect(sync.stderr).toContain('play could not be synced; the other sources were.');
    const listed = JSON.parse((await kalm(['reviews', '--json'], env)).stdout) as { source: string }[];
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((r) => r.source === 'google')).toBe(true);
  }, 120_000);
});
