import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DRAFT_SCHEMA_VERSION, type Draft } from '../../shared/domain/draft';
import { KalmError } from '../../shared/domain/errors';
import { OUTBOX_SCHEMA_VERSION, type OutboxItem } from '../../shared/domain/outbox';
import type { StoreProblem } from '../../shared/domain/store-problem';
import { nodeStoreFs, writeFileAtomic, type StoreFs } from '../../electron/core/store/atomic-write';
import { DraftStore } from '../../electron/core/store/drafts';
import { escapeFileStem, safeFileName } from '../../electron/core/store/file-names';
import { OutboxStore } from '../../electron/core/store/outbox';
import { ShardWriter } from '../../electron/core/store/shard-writer';
import { shardFileName } from '../../electron/core/store/workspace-files';
import { kalmErrorOf, tempDataDir } from './helpers';

const T0 = '2026-03-01T09:00:00.000Z';
const draft = (reviewId: string, text: string): Draft => ({
  schemaVersion: DRAFT_SCHEMA_VERSION,
  reviewId,
  text,
  reviewUpdatedAt: T0,
  createdAt: T0,
  updatedAt: T0,
});
const outboxItem = (id: string, text: string): OutboxItem => ({
  schemaVersion: OUTBOX_SCHEMA_VERSION,
  id,
  reviewId: 'google:utrecht:AbC',
  action: 'reply',
  text,
  reviewUpdatedAt: T0,
  state: 'queued',
  attempts: 0,
  lastError: null,
  nextAttemptAt: null,
  createdAt: T0,
  updatedAt: T0,
});

const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: simulated`), { code });

/** A file system that fails like a full disk (part of the data written, then ENOSPC) or a read-only folder, until `fault` is cleared. */
function faultyFs(): { fs: StoreFs; fault: { code: string | null }; writes: string[] } {
  const fault: { code: string | null } = { code: null };
  const writes: string[] = [];
  const fs: StoreFs = {
    mkdir: (p, o) => nodeStoreFs.mkdir(p, o),
    rename: (a, b) => nodeStoreFs.rename(a, b),
    rm: (p, o) => (fault.code === 'EACCES' ? Promise.reject(errno('EACCES')) : nodeStoreFs.rm(p, o)),
    async open(path, flags, mode) {
      if (flags === 'w' && fault.code === 'EACCES') throw errno('EACCES');
      const fh = await nodeStoreFs.open(path, flags, mode);
      if (flags !== 'w') return fh;
      return {
        async writeFile(data, enc) {
          writes.push(path);
          if (fault.code === 'ENOSPC') {
            await fh.writeFile(data.slice(0, Math.floor(data.length / 2)), enc);
            throw errno('ENOSPC');
          }
          await fh.writeFile(data, enc);
        },
        sync: () => fh.sync(),
        close: () => fh.close(),
      };
    },
  };
  return { fs, fault, writes };
}

/**
 * A read-only data folder. As root chmod does not stop writes, so a probe decides: where chmod
 * works the real file system is used, otherwise writes are made to fail with EACCES.
 */
async function readOnlyFolder(dir: string): Promise<{ fs: StoreFs; restore: () => Promise<void> }> {
  await chmod(dir, 0o500);
  const probe = join(dir, '.probe');
  const chmodWorks = await writeFile(probe, 'x').then(
    () => false,
    () => true,
  );
  if (chmodWorks) return { fs: nodeStoreFs, restore: () => chmod(dir, 0o700) };
  await chmod(dir, 0o700);
  await (await import('node:fs/promises')).rm(probe, { force: true });
  const f = faultyFs();
  f.fault.code = 'EACCES';
  return { fs: f.fs, restore: async () => void (f.fault.code = null) };
}

const tmpFilesUnder = async (dir: string): Promise<string[]> =>
  (await readdir(dir, { recursive: true })).filter((n) => n.endsWith('.tmp'));


describe('safe file names', () => {
  it('escape like shardFileName for ASCII and stay distinct where case is ignored', () => {
    expect(escapeFileStem('google--utrecht') + '.json').toBe(shardFileName('google', 'utrecht'));
    expect(escapeFileStem('google--a/b c') + '.json').toBe(shardFileName('google', 'a/b c'));
    expect(safeFileName('google:gent:abc')).toBe('google%3agent%3aabc.json');
    const a = safeFileName('google:gent:AbC');
    const b = safeFileName('google:gent:abc');
    const c = safeFileName('google:gent:ABC');
    expect(new Set([a, b, c].map((n) => n.toLowerCase())).size).toBe(3);
    expect(safeFileName('café')).toBe('caf%c3%a9.json');
    expect(safeFileName('.hidden')).toBe('%2ehidden.json');
    expect(safeFileName('con')).toBe('%63on.json');
    const long = safeFileName('x'.repeat(500));
    expect(long.length).toBeLessThan(200);
    expect(long).not.toBe(safeFileName('x'.repeat(501)));
  });
});

describe('ShardWriter', () => {
  it('writes a burst of 1,000 updates to one shard once, with the latest state', async () => {
    const state = new Map<string, number>();
    const written: [string, number | undefined][] = [];
    const writer = new ShardWriter({ delayMs: 20, write: async (k) => void written.push([k, state.get(k)]) });
    for (let i = 1; i <= 1000; i++) {
      state.set('gent', i);
      writer.schedule('gent');
    }
    writer.schedule('utrecht');
    await vi.waitFor(() => expect(written).toHaveLength(2));
    await new Promise((r) => setTimeout(r, 60));
    expect(written.sort()).toEqual([
      ['gent', 1000],
      ['utrecht', undefined],
    ]);
    expect(writer.pending.size).toBe(0);
  });

  it('queues exactly one follow-up for updates made while a write is in flight', async () => {
    let release: () => void = () => undefined;
    const calls: number[] = [];
    let version = 0;
    const writer = new ShardWriter({
      delayMs: 5,
      write: (k) => {
        calls.push(version);
        return k === 'gent' && calls.length === 1 ? new Promise<void>((r) => (release = r)) : Promise.resolve();
      },
    });
    version = 1;
    writer.schedule('gent');
    await vi.waitFor(() => expect(calls).toEqual([1]));
    for (let i = 2; i <= 50; i++) {
      version = i;
      writer.schedule('gent');
    }
    await new Promise((r) => setTimeout(r, 30));
    expect(calls).toEqual([1]); // never two writes of one shard at a time
    release();
    await writer.flush();
    expect(calls).toEqual([1, 50]);
  });

  it('flush writes pending shards now and resolves once they are written', async () => {
    const done: string[] = [];
    const writer = new ShardWriter({ delayMs: 60_000, write: async (k) => void (await new Promise((r) => setTimeout(r, 10)), done.push(k)) });
    writer.schedule('a');
    writer.schedule('b');
    await writer.flush();
    expect(done.sort()).toEqual(['a', 'b']);
    await writer.flush(); // nothing pending
    await writer.close();
  });

  it('reports a failed write, keeps the shard dirty, and writes it once the fault is gone', async () => {
    let failing = true;
    const errors: KalmError[] = [];
    const recovered: string[] = [];
    const writer = new ShardWriter({
      delayMs: 5,
      retryMs: 60_000,
      fileOf: (k) => `reviews/google--${k}.json`,
      write: async () => {
        if (failing) throw errno('ENOSPC');
      },
      onError: (_k, e) => errors.push(e),
      onRecovered: (k) => recovered.push(k),
    });
    writer.schedule('gent');
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(errors[0]!.code).toBe('storage');
    expect(errors[0]!.message).toBe('Kalm could not save reviews/google--gent.json: the disk is full. Nothing already saved was lost; Kalm will try again.');
    expect([...writer.pending]).toEqual(['gent']);
    expect(writer.errors.get('gent')).toBe(errors[0]);
    const err = await kalmErrorOf(writer.flush());
    expect(err.message).toContain('reviews/google--gent.json');
    failing = false;
    await writer.flush();
    expect(writer.pending.size).toBe(0);
    expect(writer.errors.size).toBe(0);
    expect(recovered).toEqual(['gent']);
  });

  it('retries a failed shard by itself after a while', async () => {
    let failing = true;
    let ok = 0;
    const writer = new ShardWriter({
      delayMs: 1,
      retryMs: 20,
      write: async () => {
        if (failing) throw errno('EIO');
        ok++;
      },
      onError: () => undefined,
    });
    writer.schedule('gent');
    await vi.waitFor(() => expect(writer.errors.size).toBe(1));
    failing = false;
    await vi.waitFor(() => expect(ok).toBe(1));
    await writer.close();
  });

  for (const fault of ['a full disk', 'a read-only data folder'] as const) {
    it(`survives ${fault}: old shard intact, no temp files, memory kept, later retry succeeds`, async () => {
      const dir = await tempDataDir();
      const file = join(dir, 'reviews', 'google--gent.json');
      const shards = new Map([['gent', { schemaVersion: 1, reviews: ['v1'] }]]);
      const f = faultyFs();
      let fs = f.fs;
      const write = (k: string): Promise<void> => writeFileAtomic(join(dir, 'reviews', `google--${k}.json`), JSON.stringify(shards.get(k)), fs);
      const writer = new ShardWriter({ delayMs: 1, retryMs: 60_000, fileOf: (k) => `reviews/google--${k}.json`, write, onError: () => undefined });
      writer.schedule('gent');
      await writer.flush();

      let restore = async (): Promise<void> => void (f.fault.code = null);
      if (fault === 'a full disk') f.fault.code = 'ENOSPC';
      else ({ fs, restore } = await readOnlyFolder(join(dir, 'reviews')));
      shards.set('gent', { schemaVersion: 1, reviews: ['v1', 'v2'] });
      writer.schedule('gent');
      const err = await kalmErrorOf(writer.flush());
      expect(err.code).toBe('storage');
      expect(err.message).toMatch(/^Kalm could not save reviews\/google--gent\.json: (the disk is full|Kalm is not allowed to write in the data folder)\. /);
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ schemaVersion: 1, reviews: ['v1'] });
      expect(await tmpFilesUnder(dir)).toEqual([]);
      expect(shards.get('gent')!.reviews).toEqual(['v1', 'v2']);

      await restore();
      await writer.flush();
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ schemaVersion: 1, reviews: ['v1', 'v2'] });
      expect(await tmpFilesUnder(dir)).toEqual([]);
    });
  }
});

describe('DraftStore', () => {
  it('saves, lists, discards, and loads drafts back, one small file each', async () => {
    const dir = await tempDataDir();
    const store = await DraftStore.open(dir);
    expect(store.list()).toEqual([]);
    await store.save(draft('google:gent:AbC', 'Dank je wel!'));
    await store.save(draft('google:gent:xyz', 'Bedankt'));
    const file = join(dir, 'drafts', safeFileName('google:gent:AbC'));
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(draft('google:gent:AbC', 'Dank je wel!'));
    expect(store.get('google:gent:AbC')?.text).toBe('Dank je wel!');
    await store.discard('google:gent:xyz');
    await store.discard('google:gent:never');
    expect(await readdir(join(dir, 'drafts'))).toEqual([safeFileName('google:gent:AbC')]);
    const again = await DraftStore.open(dir);
    expect(again.list()).toEqual([draft('google:gent:AbC', 'Dank je wel!')]);
    expect(again.problems).toEqual([]);
  });

  it('ends with the latest text when saves of one draft overlap, without a write per keystroke', async () => {
    const dir = await tempDataDir();
    const f = faultyFs();
    const store = await DraftStore.open(dir, { fs: f.fs });
    const saves = Array.from({ length: 30 }, (_, i) => store.save(draft('google:gent:a', 'x'.repeat(i + 1))));
    await Promise.all(saves);
    expect(JSON.parse(await readFile(join(dir, 'drafts', safeFileName('google:gent:a')), 'utf8')).text).toBe('x'.repeat(30));
    expect(f.writes.length).toBeLessThanOrEqual(3);
    expect(store.pending.size).toBe(0);
  });

  it('refuses an invalid draft', async () => {
    const store = await DraftStore.open(await tempDataDir());
    const err = await kalmErrorOf(store.save({ ...draft('google:gent:a', 'x'), createdAt: 'yesterday' }));
    expect(err.code).toBe('invalid_input');
    expect(store.get('google:gent:a')).toBeUndefined();
  });

  it('moves an unreadable draft to quarantine, reports it, and loads the rest; crash leftovers are removed', async () => {
    const dir = await tempDataDir();
    await (await DraftStore.open(dir)).save(draft('google:gent:ok', 'fine'));
    await writeFile(join(dir, 'drafts', 'broken.json'), '{"schemaVersion": 1, "text": ');
    await writeFile(join(dir, 'drafts', 'wrong.json'), JSON.stringify({ schemaVersion: 1, reviewId: 'x' }));
    await writeFile(join(dir, 'drafts', '.google%3agent%3aok.json.99999999.abcd1234.tmp'), '{"half');
    const seen: StoreProblem[] = [];
    const store = await DraftStore.open(dir, { onProblem: (p) => seen.push(p), now: () => new Date(T0) });
    expect(store.list().map((d) => d.text)).toEqual(['fine']);
    expect(seen).toEqual(store.problems);
    // Files load in parallel, so problems arrive in completion order: compare by file.
    const byFile = [...seen].sort((a, b) => a.file.localeCompare(b.file));
    expect(byFile.map((p) => [p.file, p.kind])).toEqual([
      ['drafts/broken.json', 'quarantined'],
      ['drafts/wrong.json', 'quarantined'],
    ]);
    expect(byFile[0]!.reason).toMatch(/^The draft in drafts\/broken\.json is not valid JSON .*; it was moved to quarantine\//);
    expect(await readFile(join(dir, byFile[0]!.movedTo!), 'utf8')).toBe('{"schemaVersion": 1, "text": ');
    expect(await readdir(join(dir, 'drafts'))).toEqual(['google%3agent%3aok.json']);
  });

  it('leaves a draft from a newer Kalm alone and refuses to overwrite it', async () => {
    const dir = await tempDataDir();
    const name = safeFileName('google:gent:new');
    const newer = JSON.stringify({ ...draft('google:gent:new', 'from the future'), schemaVersion: 99 });
    await mkdir(join(dir, 'drafts'));
    await writeFile(join(dir, 'drafts', name), newer);
    const store = await DraftStore.open(dir);
    expect(store.problems.map((p) => [p.kind, p.movedTo])).toEqual([['newer-version', null]]);
    expect((await kalmErrorOf(store.save(draft('google:gent:new', 'older')))).code).toBe('forbidden');
    expect(await readFile(join(dir, 'drafts', name), 'utf8')).toBe(newer);
  });

  it('upgrades an old draft through the migrate hook, keeping the original in backups/', async () => {
    const dir = await tempDataDir();
    const name = safeFileName('google:gent:old');
    const old = JSON.stringify({ version: 0, reviewId: 'google:gent:old', body: 'oud', at: T0 });
    await mkdir(join(dir, 'drafts'));
    await writeFile(join(dir, 'drafts', name), old);
    const migrate = (raw: unknown) => {
      const r = raw as { reviewId: string; body: string };
      return { outcome: 'upgraded' as const, from: 0, data: draft(r.reviewId, r.body) };
    };
    const store = await DraftStore.open(dir, { migrate });
    expect(store.get('google:gent:old')?.text).toBe('oud');
    expect(store.problems.map((p) => p.kind)).toEqual(['migrated']);
    expect(await readFile(join(dir, store.problems[0]!.movedTo!), 'utf8')).toBe(old);
    expect(JSON.parse(await readFile(join(dir, 'drafts', name), 'utf8'))).toEqual(draft('google:gent:old', 'oud'));
  });

  it('moves a draft saved under another name to its own name; a second copy goes to quarantine', async () => {
    const dir = await tempDataDir();
    await mkdir(join(dir, 'drafts'));
    await writeFile(join(dir, 'drafts', 'copy-1.json'), JSON.stringify(draft('google:gent:a', 'one')));
    await writeFile(join(dir, 'drafts', 'copy-2.json'), JSON.stringify(draft('google:gent:a', 'two')));
    const store = await DraftStore.open(dir);
    expect(store.get('google:gent:a')?.text).toBe('one');
    expect(store.problems.map((p) => [p.file, p.kind])).toEqual([['drafts/copy-2.json', 'quarantined']]);
    expect(await readdir(join(dir, 'drafts'))).toEqual([safeFileName('google:gent:a')]);
  });

  for (const fault of ['a full disk', 'a read-only data folder'] as const) {
    it(`survives ${fault}: clear message, old draft intact, memory as before (failed means not applied), the save succeeds later`, async () => {
      const dir = await tempDataDir();
      const f = faultyFs();
      let fs = f.fs;
      let restore = async (): Promise<void> => void (f.fault.code = null);
      await (await DraftStore.open(dir)).save(draft('google:gent:a', 'first'));
      if (fault === 'a read-only data folder') ({ fs, restore } = await readOnlyFolder(join(dir, 'drafts')));
      const store = await DraftStore.open(dir, { fs });
      if (fault === 'a full disk') f.fault.code = 'ENOSPC';
      const file = join(dir, 'drafts', safeFileName('google:gent:a'));

      const err = await kalmErrorOf(store.save(draft('google:gent:a', 'second')));
      expect(err.code).toBe('storage');
      expect(err.message).toContain(`Kalm could not save drafts/${safeFileName('google:gent:a')}: `);
      expect(err.message).toMatch(/(the disk is full|Kalm is not allowed to write in the data folder)\. Nothing already saved was lost/);
      expect(JSON.parse(await readFile(file, 'utf8')).text).toBe('first');
      expect(store.get('google:gent:a')?.text).toBe('first');
      if (fault === 'a read-only data folder') {
        expect((await kalmErrorOf(store.discard('google:gent:a'))).code).toBe('storage');
        expect(store.get('google:gent:a')?.text).toBe('first');
      }
      expect(await tmpFilesUnder(dir)).toEqual([]);

      await restore();
      await store.save(draft('google:gent:a', 'second'));
      expect(JSON.parse(await readFile(file, 'utf8')).text).toBe('second');
      await store.flush();
      expect(store.pending.size).toBe(0);
      expect(await tmpFilesUnder(dir)).toEqual([]);
    });
  }
});

describe('retries of failed record writes', () => {
  it('a write that failed is retried by a timer until it lands, and the recovery is reported', async () => {
    const dir = await tempDataDir();
    const f = faultyFs();
    const recovered: string[] = [];
    // An upgraded draft must be rewritten at open; the disk is full then.
    await mkdir(join(dir, 'drafts'), { recursive: true });
    await writeFile(join(dir, 'drafts', safeFileName('google:gent:b')), JSON.stringify(draft('google:gent:b', 'kept')));
    f.fault.code = 'ENOSPC';
    const store = await DraftStore.open(dir, {
      fs: f.fs,
      retryMs: 20,
      onRecovered: (file) => recovered.push(file),
      migrate: (data) => ({ outcome: 'upgraded', data, from: 0 }),
    });
    expect(store.get('google:gent:b')?.text).toBe('kept');
    await new Promise((r) => setTimeout(r, 60));
    expect(recovered).toEqual([]);
    f.fault.code = null;
    for (let i = 0; i < 100 && recovered.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(recovered).toEqual([`drafts/${safeFileName('google:gent:b')}`]);
    expect(store.pending.size).toBe(0);
    expect(JSON.parse(await readFile(join(dir, 'drafts', safeFileName('google:gent:b')), 'utf8')).text).toBe('kept');
    store.stopRetrying();
  });
});

describe('OutboxStore', () => {
  it('puts, replaces, removes and reloads items, one file each', async () => {
    const dir = await tempDataDir();
    const outbox = await OutboxStore.open(dir);
    await outbox.put(outboxItem('q1', 'Dank je!'));
    await outbox.put(outboxItem('q2', 'Bedankt!'));
    await outbox.put({ ...outboxItem('q1', 'Dank je!'), state: 'failed', attempts: 1, lastError: 'offline' });
    await outbox.remove('q2');
    expect(await readdir(join(dir, 'outbox'))).toEqual(['q1.json']);
    const again = await OutboxStore.open(dir);
    expect(again.list()).toEqual([{ ...outboxItem('q1', 'Dank je!'), state: 'failed', attempts: 1, lastError: 'offline' }]);
    expect(again.get('q1')?.attempts).toBe(1);
    expect(again.get('q2')).toBeUndefined();
  });
});
