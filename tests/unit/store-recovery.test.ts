import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KalmError } from '../../shared/domain/errors';
import { createKalm } from '../../electron/core/create-kalm';
import {
  clearShards,
  isReadOnlyFile,
  loadWorkspaceFiles,
  saveShardFile,
  saveSourcesFile,
} from '../../electron/core/store/workspace-files';
import { copyFixture, fixture, permissionRunner, runNode, snapshot } from '../fixtures/store/fixtures';
import { makeReview, tempDataDir } from './helpers';

/**
 * Simulated file-system faults for this file: a data folder on a read-only disk (every write
 * under it fails with EROFS) and files Kalm may not read (EACCES). Off unless a test turns them on.
 * Real permission errors are exercised too, in a child process (see the last test).
 */
const faults = vi.hoisted(() => ({ readOnlyDir: null as string | null, unreadable: new Set<string>() }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  type Fn = (...args: unknown[]) => Promise<unknown>;
  const fail = (code: string, path: unknown) => Object.assign(new Error(`${code}: simulated, '${String(path)}'`), { code });
  const ro = (p: unknown) => faults.readOnlyDir !== null && String(p).startsWith(faults.readOnlyDir);
  const wrap = (fn: unknown, blocked: (args: unknown[]) => unknown, code = 'EROFS'): Fn =>
    async (...args) => {
      if (blocked(args)) throw fail(code, args[0]);
      return (fn as Fn)(...args);
    };
  return {
    ...real,
    readFile: wrap(real.readFile, (a) => faults.unreadable.has(String(a[0])), 'EACCES'),
    mkdir: wrap(real.mkdir, (a) => ro(a[0]) && !existsSync(String(a[0]))),
    open: wrap(real.open, (a) => ro(a[0]) && a[1] !== 'r'),
    rename: wrap(real.rename, (a) => ro(a[0]) || ro(a[1])),
    rm: wrap(real.rm, (a) => ro(a[0])),
    writeFile: wrap(real.writeFile, (a) => ro(a[0])),
  };
});

afterEach(() => {
  faults.readOnlyDir = null;
  faults.unreadable.clear();
});

const GENT = 'reviews/google--gent.json';
const UTRECHT_IDS = ['google:utrecht:Zz1'];

/** A current (v3) data folder (two locations) with `gent`'s shard replaced by `content` (a fixture file name or a string). */
async function folderWithGent(content: { fixture: string } | string | null): Promise<{ dir: string; bad: string }> {
  const dir = await tempDataDir();
  await copyFixture('v3', dir);
  const bad = typeof content === 'string' ? content : content === null ? '' : await readFile(fixture(content.fixture), 'utf8');
  if (content !== null) await writeFile(join(dir, GENT), bad);
  return { dir, bad };
}

const quarantined = async (dir: string) => (existsSync(join(dir, 'quarantine')) ? readdir(join(dir, 'quarantine')) : []);

describe('loadWorkspaceFiles: a bad file never stops the rest', () => {
  it('truncated JSON: moved to quarantine/ byte for byte, named with a timestamp, the other shards load', async () => {
    const { dir, bad } = await folderWithGent({ fixture: 'bad/truncated.json' });
    const now = new Date('2026-03-01T09:30:00.000Z');
    const ws = await loadWorkspaceFiles(dir, { now: () => now });
    expect(ws.reviews.map((r) => r.id)).toEqual(UTRECHT_IDS);
    expect(ws.problems).toHaveLength(1);
    const [p] = ws.problems;
    expect(p).toMatchObject({ file: GENT, kind: 'quarantined', at: now.toISOString(), movedTo: 'quarantine/reviews__google--gent.json.2026-03-01T09-30-00-000Z' });
    expect(p?.reason).toMatch(/^reviews\/google--gent\.json is not valid JSON \(.+\) — moved to quarantine\/reviews__google--gent\.json\.2026-03-01T09-30-00-000Z so the rest keeps working\. Nothing was deleted\.$/);
    expect(existsSync(join(dir, GENT))).toBe(false);
    expect(await readFile(join(dir, p!.movedTo!), 'utf8')).toBe(bad);
    expect(ws.readOnly.size).toBe(0); // the path is free again: a later sync may write a new shard there
  });

  it('wrong types: quarantined with the field that is wrong', async () => {
    const { dir, bad } = await folderWithGent({ fixture: 'bad/wrong-types.json' });
    const ws = await loadWorkspaceFiles(dir);
    expect(ws.reviews.map((r) => r.id)).toEqual(UTRECHT_IDS);
    expect(ws.problems[0]?.reason).toContain('reviews/google--gent.json does not have the layout Kalm expects (reviews.0.rating: ');
    expect(await readFile(join(dir, ws.problems[0]!.movedTo!), 'utf8')).toBe(bad);
  });

  it('a file from a newer Kalm: left exactly as it is, reported, and never written over or cleared', async () => {
    const { dir, bad } = await folderWithGent({ fixture: 'bad/future-v7.json' });
    const mtime = (await stat(join(dir, GENT))).mtimeMs;
    const ws = await loadWorkspaceFiles(dir);
    expect(ws.reviews.map((r) => r.id)).toEqual(UTRECHT_IDS);
    expect(ws.problems).toEqual([
      expect.objectContaining({
        file: GENT,
        kind: 'newer-version',
        movedTo: null,
        reason:
          'reviews/google--gent.json was written by a newer version of Kalm (schema 7); this version reads up to 3. Update Kalm to see these reviews. The file was left as it is.',
      }),
    ]);
    expect([...ws.readOnly]).toEqual([GENT]);
    expect(isReadOnlyFile(dir, GENT)).toBe(true);

    const err = await saveShardFile(dir, 'google', 'gent', [makeReview({ externalId: 'n1', locationId: 'gent' })]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KalmError);
    expect((err as KalmError).code).toBe('storage');
    expect((err as KalmError).message).toContain('Kalm did not save reviews/google--gent.json: it was written by a newer version of Kalm (schema 7)');
    await clearShards(dir);
    expect(await readFile(join(dir, GENT), 'utf8')).toBe(bad);
    expect((await stat(join(dir, GENT))).mtimeMs).toBe(mtime);
    expect(existsSync(join(dir, 'reviews/google--utrecht.json'))).toBe(false); // ordinary shards are cleared
    expect(await quarantined(dir)).toEqual([]);
  });

  it('a shard path that is a folder: reported, left alone, protected', async () => {
    const { dir } = await folderWithGent(null);
    await rm(join(dir, GENT));
    await mkdir(join(dir, GENT, 'inner'), { recursive: true });
    const ws = await loadWorkspaceFiles(dir);
    expect(ws.reviews.map((r) => r.id)).toEqual(UTRECHT_IDS);
    expect(ws.problems).toEqual([
      expect.objectContaining({ file: GENT, kind: 'unreadable', movedTo: null, reason: expect.stringContaining('reviews/google--gent.json is a folder, not a file') }),
    ]);
    expect((await stat(join(dir, GENT, 'inner'))).isDirectory()).toBe(true);
    expect(ws.readOnly.has(GENT)).toBe(true);
    await clearShards(dir);
    expect((await stat(join(dir, GENT))).isDirectory()).toBe(true);
  });

  it('an unreadable shard (EACCES): reported with what to check, left in place, protected', async () => {
    const { dir } = await folderWithGent(null);
    const before = await readFile(join(dir, GENT), 'utf8');
    faults.unreadable.add(join(dir, GENT));
    const ws = await loadWorkspaceFiles(dir);
    expect(ws.reviews.map((r) => r.id)).toEqual(UTRECHT_IDS);
    expect(ws.problems[0]).toMatchObject({
      file: GENT,
      kind: 'unreadable',
      reason: "Kalm could not read reviews/google--gent.json (Kalm is not allowed to read it). It was left as it is; check the file's permissions.",
    });
    faults.unreadable.clear();
    await expect(saveShardFile(dir, 'google', 'gent', [])).rejects.toThrow('Kalm did not save reviews/google--gent.json');
    expect(await readFile(join(dir, GENT), 'utf8')).toBe(before);
  });

  it('a broken sources.json: quarantined, reviews still load, locations rebuilt from the shards', async () => {
    const dir = await tempDataDir();
    await copyFixture('v3', dir);
    const bad = await readFile(fixture('bad/sources-truncated.json'), 'utf8');
    await writeFile(join(dir, 'sources.json'), bad);
    const ws = await loadWorkspaceFiles(dir);
    expect(ws.reviews).toHaveLength(2);
    expect(ws.rebuilt).toBe(true);
    expect(ws.locations).toEqual([
      { id: 'gent', source: 'google', name: 'gent', storeCode: null, address: null, mapsUrl: null, newReviewUrl: null },
      { id: 'utrecht', source: 'google', name: 'utrecht', storeCode: null, address: null, mapsUrl: null, newReviewUrl: null },
    ]);
    // Not 'demo' and not 'connected': the demo cannot be loaded over these reviews, and nothing syncs by accident.
    expect(ws.sources).toEqual([{ id: 'google', kind: 'google-business', name: 'google', state: 'disconnected', lastSyncAt: null }]);
    expect(ws.problems[0]).toMatchObject({ file: 'sources.json', kind: 'quarantined' });
    expect(ws.problems[0]?.reason).toContain('their locations were rebuilt from the review files');
    expect(await readFile(join(dir, ws.problems[0]!.movedTo!), 'utf8')).toBe(bad);
  });

  it('a sources.json from a newer Kalm: kept, never overwritten; reviews load with rebuilt locations', async () => {
    const dir = await tempDataDir();
    await copyFixture('v3', dir);
    const future = JSON.stringify({ schemaVersion: 4, workspaces: [] });
    await writeFile(join(dir, 'sources.json'), future);
    const ws = await loadWorkspaceFiles(dir);
    expect(ws.problems[0]).toMatchObject({ file: 'sources.json', kind: 'newer-version' });
    expect(ws.problems[0]?.reason).toContain('Update Kalm to see your sources and locations');
    expect(ws.reviews).toHaveLength(2);
    expect(ws.locations).toHaveLength(2);
    await expect(saveSourcesFile(dir, ws.sources, ws.locations)).rejects.toThrow('Kalm did not save sources.json');
    expect(await readFile(join(dir, 'sources.json'), 'utf8')).toBe(future);
  });

  it('temp files left by a crashed save are ignored and removed; a running writer’s temp file is not touched', async () => {
    const { dir } = await folderWithGent(null);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const leftovers = [`reviews/.google--gent.json.${dead}.0badf00d.tmp`, `.sources.json.${dead}.12ab34cd.tmp`, 'reviews/.google--utrecht.json.tmp'];
    for (const f of leftovers) await writeFile(join(dir, f), '{"schemaVersion":1,"source":"google","locationId":"gent","rev');
    const ours = `reviews/.google--gent.json.${process.pid}.aaaaaaaa.tmp`;
    await writeFile(join(dir, ours), '{');
    const ws = await loadWorkspaceFiles(dir);
    expect(ws.problems).toEqual([]);
    expect(ws.reviews).toHaveLength(2);
    for (const f of leftovers) expect(existsSync(join(dir, f)), f).toBe(false);
    expect(existsSync(join(dir, ours))).toBe(true);
  });

  it('quarantining the same file twice keeps both copies', async () => {
    const now = new Date('2026-03-01T09:30:00.000Z');
    const { dir } = await folderWithGent('{"first":');
    const first = await loadWorkspaceFiles(dir, { now: () => now });
    await writeFile(join(dir, GENT), '{"second":');
    const second = await loadWorkspaceFiles(dir, { now: () => now });
    expect(second.problems[0]?.movedTo).toBe(`${first.problems[0]!.movedTo!}-2`);
    expect((await quarantined(dir)).sort()).toEqual(['reviews__google--gent.json.2026-03-01T09-30-00-000Z', 'reviews__google--gent.json.2026-03-01T09-30-00-000Z-2']);
  });

  it('a reviews "folder" that is a file: reported, not thrown', async () => {
    const dir = await tempDataDir();
    await copyFixture('v3', dir);
    await rm(join(dir, 'reviews'), { recursive: true });
    await writeFile(join(dir, 'reviews'), 'not a folder');
    const ws = await loadWorkspaceFiles(dir);
    expect(ws.problems[0]).toMatchObject({ file: 'reviews', kind: 'unreadable', reason: expect.stringContaining('it is a file, not a folder') });
    expect(ws.locations).toHaveLength(2);
  });
});

describe('createKalm: the core opens, keeps running and says what is wrong', () => {
  it('answers reviews.query with the good shards and lists every bad file in kalm.problems and app.storeProblems', async () => {
    const { dir } = await folderWithGent({ fixture: 'bad/truncated.json' });
    await writeFile(join(dir, 'reviews/google--brugge.json'), await readFile(fixture('bad/future-v7.json'), 'utf8'));
    await writeFile(join(dir, 'reviews/google--leuven.json'), await readFile(fixture('bad/wrong-types.json'), 'utf8'));
    await mkdir(join(dir, 'reviews/google--antwerpen.json'));
    const kalm = await createKalm({ dataDir: dir, host: 'test' });
    try {
      const page = await kalm.call('reviews.query', { status: 'all', offset: 0, limit: 50 });
      expect(page.items.map((r) => r.id)).toEqual(UTRECHT_IDS);
      const listed = (await kalm.call('app.storeProblems', {})).problems;
      expect(listed).toEqual(kalm.problems);
      expect(listed.map((p) => [p.file, p.kind]).sort()).toEqual([
        ['reviews/google--antwerpen.json', 'unreadable'],
        ['reviews/google--brugge.json', 'newer-version'],
        ['reviews/google--gent.json', 'quarantined'],
        ['reviews/google--leuven.json', 'quarantined'],
      ]);
      for (const p of listed) expect(p.reason).toContain(p.file);
      expect((await kalm.call('workspace.get', {})).locations).toHaveLength(2);
      expect(await quarantined(dir)).toHaveLength(2);
    } finally {
      await kalm.close();
    }
  });

  it('a broken sources.json: the core still shows every review, under rebuilt locations', async () => {
    const dir = await tempDataDir();
    await copyFixture('v3', dir);
    await writeFile(join(dir, 'sources.json'), await readFile(fixture('bad/sources-truncated.json'), 'utf8'));
    const kalm = await createKalm({ dataDir: dir, host: 'test', loadDemoOnFirstRun: true });
    try {
      const ws = await kalm.call('workspace.get', {});
      expect(ws.reviewCount).toBe(2);
      expect(ws.demo).toBe(false); // the first-run demo did not replace the user's reviews
      expect(ws.locations.map((l) => l.id)).toEqual(['gent', 'utrecht']);
      expect(kalm.problems.map((p) => p.kind)).toEqual(['quarantined']);
      await expect(kalm.call('workspace.loadDemo', {})).rejects.toMatchObject({ code: 'forbidden' });
    } finally {
      await kalm.close();
    }
  });

  it('a shard from a newer Kalm survives the demo replacing the workspace', async () => {
    const dir = await tempDataDir();
    const future = await readFile(fixture('bad/future-v7.json'), 'utf8');
    await mkdir(join(dir, 'reviews'));
    await writeFile(join(dir, 'reviews/play--com.example.app.json'), future);
    const kalm = await createKalm({ dataDir: dir, host: 'test' });
    try {
      expect(kalm.problems.map((p) => p.kind)).toEqual(['newer-version']);
      const ws = await kalm.call('workspace.loadDemo', { seed: 7 });
      expect(ws.reviewCount).toBeGreaterThan(10);
    } finally {
      await kalm.close();
    }
    expect(await readFile(join(dir, 'reviews/play--com.example.app.json'), 'utf8')).toBe(future);
  });

  it('a read-only data folder (simulated EROFS): opens with what it can read, changes nothing, says why', async () => {
    const { dir } = await folderWithGent({ fixture: 'bad/truncated.json' });
    await writeFile(join(dir, 'reviews/google--antwerpen.json'), await readFile(fixture('v0/reviews/google--gent.json'), 'utf8').then((t) => t.replaceAll('gent', 'antwerpen')));
    const before = await snapshot(dir);
    faults.readOnlyDir = dir;
    const kalm = await createKalm({ dataDir: dir, host: 'test' });
    try {
      const page = await kalm.call('reviews.query', { status: 'all', offset: 0, limit: 50 });
      expect(page.total).toBe(4); // utrecht + the three v0 reviews, upgraded in memory
      const byFile = new Map(kalm.problems.map((p) => [p.file, p]));
      expect(byFile.get(GENT)).toMatchObject({ kind: 'unreadable', movedTo: null });
      expect(byFile.get(GENT)?.reason).toContain('It could not be moved to quarantine/ (the data folder is on a read-only disk), so it was left in place and Kalm will not write over it.');
      expect(byFile.get('reviews/google--antwerpen.json')).toMatchObject({ kind: 'write-failed' });
      expect(byFile.get('reviews/google--antwerpen.json')?.reason).toContain('no backup copy could be made (the data folder is on a read-only disk)');
      expect(isReadOnlyFile(dir, GENT)).toBe(true);
    } finally {
      await kalm.close();
    }
    faults.readOnlyDir = null;
    const after = await snapshot(dir);
    // Our store files are exactly as they were (conf's settings.json is outside this simulation).
    for (const [file, content] of Object.entries(before)) expect(after[file], file).toBe(content);
    expect(Object.keys(after).filter((f) => !(f in before) && f !== 'settings.json')).toEqual([]);
  });
});

describe('real permission errors (another user, or file modes when not root)', () => {
  it('a read-only data folder with an unreadable shard: loads what it can, changes nothing', async (ctx) => {
    const runner = await permissionRunner();
    if ('skip' in runner) {
      console.warn(`store-recovery: real permission test not run — ${runner.skip}`);
      ctx.skip(runner.skip);
      return;
    }
    const { dir } = await folderWithGent({ fixture: 'v0/reviews/google--gent.json' });
    await writeFile(join(dir, 'reviews/google--brugge.json'), await readFile(fixture('bad/truncated.json'), 'utf8'));
    await writeFile(join(dir, 'reviews/google--leuven.json'), await readFile(fixture('v3/reviews/google--utrecht.json'), 'utf8'));
    await chmod(join(dir, 'reviews/google--leuven.json'), 0o000);
    for (const d of [join(dir, 'reviews'), dir]) await chmod(d, 0o555);
    const before = await snapshot(dir);
    try {
      const r = await runNode(['--import', 'tsx', 'tests/fixtures/store/load-workspace.ts', dir], {}, runner.uid);
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as { reviews: string[]; problems: { file: string; kind: string; reason: string }[]; readOnly: string[] };
      expect(out.reviews).toEqual(['google:gent:AbC123', 'google:gent:DeF456', 'google:gent:GhI789', 'google:utrecht:Zz1']);
      const kinds = Object.fromEntries(out.problems.map((p) => [p.file, p.kind]));
      expect(kinds).toEqual({
        'reviews/google--brugge.json': 'unreadable',
        'reviews/google--gent.json': 'write-failed',
        'reviews/google--leuven.json': 'unreadable',
      });
      expect(out.problems.find((p) => p.file.endsWith('leuven.json'))?.reason).toContain('Kalm is not allowed to read it');
      expect(out.problems.find((p) => p.file.endsWith('brugge.json'))?.reason).toContain('Kalm is not allowed to write in the data folder');
      expect(out.readOnly).toEqual(['reviews/google--brugge.json', 'reviews/google--gent.json', 'reviews/google--leuven.json']);
      expect(await snapshot(dir)).toEqual(before);
    } finally {
      for (const d of [dir, join(dir, 'reviews')]) await chmod(d, 0o755);
      await chmod(join(dir, 'reviews/google--leuven.json'), 0o644);
    }
  });
});
