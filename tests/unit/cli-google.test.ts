import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURE_UTRECHT, startGoogleEmulator, type GoogleEmulator } from '../emulator';
import { tempDataDir } from './helpers';
import { connectWithConsent } from './cli-consent';
import { emulatorEnv, runKalm as kalm } from './run-kalm';

describe('kalm connect google / sync / reviews / stats against the Google emulator', () => {
  let emu: GoogleEmulator;
  let env: Record<string, string>;
  beforeEach(async () => {
    emu = await startGoogleEmulator();
    env = emulatorEnv(emu, await tempDataDir());
  });
  afterEach(async () => {
    await emu.close();
  });

  it('connects, syncs, lists unanswered reviews and stats as a newcomer would', async () => {
    const connect = await connectWithConsent(['connect', 'google', '--no-open'], env);
    expect(connect.code, connect.stderr).toBe(0);
    const lines = connect.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${emu.authUrl.replace(/[.?]/g, '\\$&')}\\?`));
    expect(connect.stderr).toMatch(/Connected\. \d+ locations? found/);
    // Tokens are kept owner-only and never printed.
    expect((await stat(join(env.KALM_DATA_DIR!, 'google-tokens.json'))).mode & 0o777).toBe(0o600);
    expect(connect.stdout + connect.stderr).not.toMatch(/ya29|refresh_token|access_token/);

    const sync = await kalm(['sync', '--json'], env);
    expect(sync.code, sync.stderr).toBe(0);
    const totals = JSON.parse(sync.stdout) as Record<string, number> & { sources: unknown[] };
    expect(Object.keys(totals).sort()).toEqual(['deleted', 'locations', 'new', 'reviews', 'sources', 'updated']);
    expect(totals.sources).toEqual([{ source: 'google', locations: totals.locations, reviews: totals.reviews, new: totals.new, updated: totals.updated, deleted: totals.deleted }]);
    const onGoogle = emu.data.locations().reduce((n, l) => n + emu.data.reviews(l.v4Name).length, 0);
    expect(onGoogle).toBeGreaterThan(emu.data.reviews(FIXTURE_UTRECHT).length - 1);
    expect(totals.new).toBe(onGoogle);
    expect(sync.stderr).toMatch(/Location \d+ of \d+/);

    const list = await kalm(['reviews', '--unanswered', '--json'], env);
    expect(list.code, list.stderr).toBe(0);
    const items = JSON.parse(list.stdout) as { source: string; rating: number | null; reply: unknown; text: string | null; translatedText: string | null }[];
    expect(items.length).toBeGreaterThan(0);
    for (const r of items) expect(r.source).toBe('google');
    // Lowest rating first; the translated reviews come split into original and translation.
    const rated = items.filter((r) => r.rating !== null).map((r) => r.rating as number);
    expect(rated).toEqual([...rated].sort((a, b) => a - b));
    expect(items.some((r) => r.translatedText !== null)).toBe(true);
    expect(items.every((r) => !r.text?.includes('(Translated by Google)'))).toBe(true);

    const stats = await kalm(['stats', '--json'], env);
    const s = JSON.parse(stats.stdout) as { overall: { count: number; average: number } };
    expect(s.overall.count).toBe(totals.new);

    // A second sync with nothing new changes nothing.
    const again = await kalm(['sync', '--json'], env);
    expect(JSON.parse(again.stdout)).toMatchObject({ new: 0, updated: 0, deleted: 0 });
  });

  it('says clearly what to do when no OAuth client is configured, and exits 1', async () => {
    const r = await kalm(['sync'], { ...env, KALM_GOOGLE_CLIENT_ID: '' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('KALM_GOOGLE_CLIENT_ID');
  });

  it('a revoked grant marks Google for reconnecting, keeps the reviews, and says so', async () => {
    const { refresh_token } = emu.tokens.issueFor();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(env.KALM_DATA_DIR!, 'google-tokens.json'), JSON.stringify({ refresh_token }), { mode: 0o600 });
    const first = await kalm(['sync', '--json'], env);
    expect(first.code, first.stderr).toBe(0);
    const before = JSON.parse((await kalm(['reviews', '--json'], env)).stdout) as unknown[];
    emu.tokens.revokeAll();
    emu.tokens.expireAll();
    const r = await kalm(['sync'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Connect Google again|reconnect/i);
    expect(r.stderr).not.toContain(refresh_token);
    const after = JSON.parse((await kalm(['reviews', '--json'], env)).stdout) as unknown[];
    expect(after).toEqual(before);
  });
});
