import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCommand } from '../../electron/cli/commands';
import { createKalm } from '../../electron/core/create-kalm';
import { saveShardFile, saveSourcesFile } from '../../electron/core/store/workspace-files';
import { generateDemoWorkspace } from '../../shared/demo/generate';
import type { Review } from '../../shared/domain/review';
import { defaultSettings } from '../../shared/domain/settings';
import { tempDataDir } from './helpers';
import { runKalm } from './run-kalm';

/**
 * `kalm reviews`, `stats` and `export` answer from the files (read-view.ts) instead of the whole
 * core with its index. Their output must be byte for byte what the core gives
 * (KALM_CLI_FULL_LOAD=1), on a workspace with every kind of review the filters can meet.
 */
let dir = '';
/** A location of the workspace (LOC in the arguments below). */
let location = '';

async function writeWorkspace(): Promise<string> {
  // Kept for the whole file (tempDataDir's folders go after each test).
  const d = await mkdtemp(join(tmpdir(), 'kalm-read-view-'));
  const demo = generateDemoWorkspace({ now: new Date('2026-06-01T00:00:00.000Z'), seed: 7, locationCount: 6, reviewCount: 3000 });
  const statuses = ['deleted', 'done', 'drafted', 'queued', 'conflict'] as const;
  const reviews: Review[] = demo.reviews.map((r, i) => ({
    ...r,
    labels: i % 9 === 0 ? ['parking'] : [],
    status: i % 41 === 0 ? statuses[(i / 41) % statuses.length] ?? r.status : r.status,
    rating: i % 97 === 0 ? null : r.rating,
  }));
  const shards = new Map<string, Review[]>();
  for (const r of reviews) shards.set(r.locationId, [...(shards.get(r.locationId) ?? []), r]);
  const [first, second] = [...shards.keys()].sort(); // files load in name order
  // The same review in two shards (a file copied by hand): the later copy wins, at the first one's place.
  const twin = shards.get(first ?? '')?.[0];
  if (twin && second) shards.get(second)?.push({ ...twin, status: 'answered', text: 'The later copy.' });
  for (const [locationId, list] of shards) await saveShardFile(d, 'google', locationId, list);
  await saveSourcesFile(d, demo.sources, demo.locations);
  location = demo.locations[1]?.id ?? '';
  const base = defaultSettings();
  const preferences = { ...base, replyTargetHours: { google: 500, play: 48, import: 72 }, businessHours: { ...base.businessHours, enabled: true } };
  await writeFile(join(d, 'settings.json'), JSON.stringify({ preferences }));
  return d;
}

/** Runs one command in this process and returns what it printed on stdout. */
async function run(args: string[], full: boolean): Promise<string> {
  let out = '';
  // writeOut (cli/output.ts) waits for the write's callback: call it, as a real stream does.
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, encOrDone?: unknown, done?: unknown) => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const callback = typeof encOrDone === 'function' ? encOrDone : done;
    if (typeof callback === 'function') (callback as () => void)();
    return true;
  });
  vi.stubEnv('KALM_CLI_FULL_LOAD', full ? '1' : '');
  try {
    const [name = '', ...rest] = args;
    const open = ({ readOnly }: { readOnly: boolean }) => createKalm({ dataDir: dir, host: 'cli', readOnly });
    const returned = await runCommand(name, rest.map((a) => (a === 'LOC' ? location : a)), open, dir);
    return out + returned;
  } finally {
    write.mockRestore();
    vi.unstubAllEnvs();
  }
}

beforeAll(async () => {
  dir = await writeWorkspace();
});
afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

describe('kalm reviews / stats / export read the files without the core, and print exactly what the core prints', () => {
  // Answers that may be empty end in ''; every other one must say something.
  it.each([
    ['reviews'],
    ['reviews', '--json'],
    ['reviews', '--unanswered', '--json'],
    ['reviews', '--unanswered'],
    ['reviews', '--rating', '1,2', '--json'],
    ['reviews', '--unanswered', '--rating', '5,3', '--location', 'LOC', '--json'],
    ['reviews', '--source', 'google', '--overdue', '--json'],
    ['reviews', '--overdue'],
    ['reviews', '--location', 'nowhere', ''],
    ['reviews', '--source', 'play', '--json', ''],
    ['stats'],
    ['stats', '--json'],
    ['stats', '--json', '--from', '2026-01-01', '--to', '2026-03-31'],
    ['stats', '--location', 'LOC'],
    ['export', '--format', 'csv'],
    ['export', '--format', 'json', '--rating', '1', '--status', 'unanswered'],
  ])('kalm %s', async (...given: string[]) => {
    const mayBeEmpty = given.at(-1) === '';
    const args = mayBeEmpty ? given.slice(0, -1) : given;
    const fast = await run(args, false);
    const full = await run(args, true);
    if (!mayBeEmpty) expect(fast.length).toBeGreaterThan(100);
    expect(fast).toBe(full);
  });

  it('the filters really filter (the comparison above is not between two empty answers)', async () => {
    const all = JSON.parse(await run(['reviews', '--json'], false)) as Review[];
    const low = JSON.parse(await run(['reviews', '--unanswered', '--rating', '1,2', '--json'], false)) as Review[];
    expect(all.length).toBe(2985); // 3,000 ids, 15 deleted
    expect(low.length).toBeGreaterThan(10);
    expect(low.length).toBeLessThan(all.length / 3);
    const twins = all.filter((r) => r.text === 'The later copy.');
    expect(twins).toHaveLength(1);
    expect(all.filter((r) => r.id === twins[0]?.id)).toHaveLength(1);
  });

  it('an empty data folder says so, on both paths', async () => {
    const empty = await tempDataDir();
    const both = await Promise.all(
      [false, true].map(async (full) => {
        vi.stubEnv('KALM_CLI_FULL_LOAD', full ? '1' : '');
        return runCommand('reviews', [], ({ readOnly }) => createKalm({ dataDir: empty, host: 'cli', readOnly }), empty);
      }),
    );
    expect(both[0]).toMatch(/^No reviews yet in /);
    expect(both[0]).toBe(both[1]);
  });

  it('through the installed bin/kalm.js, as a user runs it: the same bytes either way', async () => {
    // Small enough for one pipe buffer: until the CLI waits for stdout to drain (the realdata branch), bigger output can be cut.
    const args = ['reviews', '--unanswered', '--rating', '1', '--location', location, '--json'];
    const fast = await runKalm(args, { KALM_DATA_DIR: dir, TZ: 'Europe/Amsterdam' });
    const full = await runKalm(args, { KALM_DATA_DIR: dir, TZ: 'Europe/Amsterdam', KALM_CLI_FULL_LOAD: '1' });
    expect([fast.code, full.code]).toEqual([0, 0]);
    expect(JSON.parse(fast.stdout)).not.toEqual([]);
    expect(fast.stdout).toBe(full.stdout);
  }, 60_000);
});
