import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  prepareMigration,
  CURRENT_VERSION,
  fileVersion,
  migrateDraftFile,
  migrateFile,
  MigrationError,
  migrateOutboxFile,
  migrateShardFile,
  migrateSourcesFile,
  type StoreFileKind,
} from '../../electron/core/store/migrations';
import { loadWorkspaceFiles, ShardFile, SourcesFile } from '../../electron/core/store/workspace-files';
import { copyFixture, fixture, snapshot } from '../fixtures/store/fixtures';
import { tempDataDir } from './helpers';

const readJson = async (path: string): Promise<unknown> => JSON.parse(await readFile(path, 'utf8'));
const NOW = new Date('2026-03-01T09:30:00.000Z');

describe('migrations (pure)', () => {
  beforeAll(prepareMigration);
  it('upgrades a v0 shard: stars → rating, comment → text, new fields filled, status from the reply', async () => {
    const raw = await readJson(fixture('v0/reviews/google--gent.json'));
    const before = JSON.stringify(raw);
    const result = migrateShardFile(raw);
    expect(result.outcome).toBe('upgraded');
    if (result.outcome !== 'upgraded') return;
    expect(result.from).toBe(0);
    expect(result.version).toBe(CURRENT_VERSION.shard);
    expect(JSON.stringify(raw)).toBe(before); // the input is not modified
    const shard = ShardFile.parse(result.data);
    expect(shard).toMatchObject({ schemaVersion: 3, source: 'google', locationId: 'gent' });
    const [low, answered, ratingOnly] = shard.reviews;
    expect(low).toMatchObject({
      schemaVersion: 3,
      rating: 2,
      text: 'De croissants waren oud en niemand zei sorry.',
      translatedText: null,
      language: 'nl',
      status: 'unanswered',
      labels: [],
      assignee: null,
      note: null,
      url: 'https://search.google.com/local/reviews?placeid=x',
    });
    // Its language was not stored: detected from its text on the way to schema 3.
    expect(answered).toMatchObject({ rating: 5, language: 'nl', anonymous: false, status: 'answered', url: null });
    expect(answered?.reply).toEqual({ text: 'Dank je, Els! Tot snel.', updatedAt: '2025-06-04T09:00:00.000Z', state: 'published' });
    // v0 stored "no rating" as 0 stars and "no text" as '', and had no anonymous flag for nameless reviewers.
    expect(ratingOnly).toMatchObject({ rating: null, text: null, anonymous: true });
  });

  it('upgrades a v0 sources file: title → name, missing fields become null', async () => {
    const result = migrateSourcesFile(await readJson(fixture('v0/sources.json')));
    expect(result.outcome).toBe('upgraded');
    if (result.outcome !== 'upgraded') return;
    const file = SourcesFile.parse(result.data);
    expect(file.sources).toEqual([{ id: 'google', kind: 'google-business', name: 'Google', state: 'connected', lastSyncAt: null }]);
    expect(file.locations[0]).toEqual({
      id: 'gent',
      source: 'google',
      name: 'Bakkerij Kalm — Gent',
      storeCode: null,
      address: 'Veldstraat 12, 9000 Gent',
      mapsUrl: null,
      newReviewUrl: null,
    });
    expect(file.locations[1]).toMatchObject({ name: 'Bakkerij Kalm — Utrecht', storeCode: 'UT-01', address: null });
  });

  it('leaves current files as they are and validates the v3 fixtures', async () => {
    for (const [kind, rel, schema] of [
      ['sources', 'v1/sources.json', SourcesFile],
      ['shard', 'v3/reviews/google--gent.json', ShardFile],
      ['shard', 'v3/reviews/google--utrecht.json', ShardFile],
    ] as const) {
      const raw = await readJson(fixture(rel));
      const result = migrateFile(kind, raw);
      expect(result).toEqual({ outcome: 'current', data: raw, version: CURRENT_VERSION[kind] });
      expect(schema.safeParse(raw).success, rel).toBe(true);
    }
  });

  it('recognises a file from a newer Kalm, also when only its reviews are newer', async () => {
    expect(migrateShardFile(await readJson(fixture('bad/future-v7.json')))).toEqual({ outcome: 'newer', found: 7, version: 3 });
    const mixed = { schemaVersion: 3, source: 'google', locationId: 'gent', reviews: [{ schemaVersion: 4 }] };
    expect(migrateShardFile(mixed)).toMatchObject({ outcome: 'newer', found: 4 });
    expect(migrateSourcesFile({ schemaVersion: 3, whatever: true })).toMatchObject({ outcome: 'newer', found: 3 });
  });

  it('rejects what no Kalm ever wrote with a readable reason', () => {
    expect(() => migrateShardFile([1, 2])).toThrow(MigrationError);
    expect(() => migrateShardFile(null)).toThrow('is not a Kalm data file');
    expect(() => migrateShardFile({ schemaVersion: '1' })).toThrow('unknown schema version ("1")');
    expect(() => migrateShardFile({ schemaVersion: -1 })).toThrow(MigrationError);
    expect(() => migrateShardFile({ schemaVersion: 1.5 })).toThrow(MigrationError);
    // A v0 shard in the wrong shape fails validation of the old shape (the loader quarantines it).
    expect(() => migrateShardFile({ version: 0, source: 'google', locationId: 'gent', reviews: [{ stars: 'five' }] })).toThrow();
  });

  it('upgrades a v1 shard to the current version: only the versions move (languages were set), every field is kept, and origin validates', async () => {
    const raw = await readJson(fixture('v1/reviews/google--gent.json'));
    const result = migrateShardFile(raw);
    expect(result).toMatchObject({ outcome: 'upgraded', from: 1, version: 3 });
    if (result.outcome !== 'upgraded') return;
    const shard = ShardFile.parse(result.data);
    const before = ShardFile.shape.reviews.element.omit({ schemaVersion: true }).array().parse((raw as { reviews: unknown[] }).reviews);
    expect(shard.reviews.map(({ schemaVersion, ...rest }) => (expect(schemaVersion).toBe(3), rest))).toEqual(before);
    const withOrigin = { ...shard, reviews: [{ ...shard.reviews[0], origin: { rating: '8', scale: 'score-10', title: null, device: null, appVersion: null } }] };
    expect(ShardFile.safeParse(withOrigin).success).toBe(true);
  });

  it('has entry points for drafts and the outbox: identity at version 1, no older version known', () => {
    const draft = { schemaVersion: 1, drafts: [{ schemaVersion: 1, reviewId: 'x' }] };
    expect(migrateDraftFile(draft)).toEqual({ outcome: 'current', data: draft, version: 1 });
    const outbox = { schemaVersion: 1, items: [] };
    expect(migrateOutboxFile(outbox)).toEqual({ outcome: 'current', data: outbox, version: 1 });
    expect(migrateOutboxFile({ schemaVersion: 2 })).toMatchObject({ outcome: 'newer', found: 2 });
    expect(() => migrateDraftFile({ drafts: [] })).toThrow('schema version 0, which this version of Kalm cannot upgrade');
  });

  it('reads the version from schemaVersion, the v0 `version` field, or its absence', () => {
    const kinds: StoreFileKind[] = ['sources', 'shard', 'draft', 'outbox'];
    for (const kind of kinds) {
      expect(fileVersion(kind, { schemaVersion: 1 })).toBe(1);
      expect(fileVersion(kind, { version: 0 })).toBe(0);
      expect(fileVersion(kind, {})).toBe(0);
    }
  });
});

describe('migrations on load', () => {
  it('loads a v0 data folder, rewrites each file at the current version, and keeps the originals in backups/', async () => {
    const dir = await tempDataDir();
    await copyFixture('v0', dir);
    const originals = await snapshot(dir);
    const ws = await loadWorkspaceFiles(dir, { now: () => NOW });

    expect(ws.reviews.map((r) => r.id).sort()).toEqual(['google:gent:AbC123', 'google:gent:DeF456', 'google:gent:GhI789', 'google:utrecht:Zz1']);
    expect(ws.locations.map((l) => l.name)).toEqual(['Bakkerij Kalm — Gent', 'Bakkerij Kalm — Utrecht']);
    expect(ws.rebuilt).toBe(false);
    expect(ws.readOnly.size).toBe(0);
    expect(ws.problems.map((p) => [p.file, p.kind])).toEqual([
      ['sources.json', 'migrated'],
      ['reviews/google--gent.json', 'migrated'],
      ['reviews/google--utrecht.json', 'migrated'],
    ]);
    expect(ws.problems[1]?.reason).toBe(
      'reviews/google--gent.json is from an older version of Kalm (schema 0); it was upgraded to schema 3. The original is kept in backups/reviews__google--gent.json.v0.2026-03-01T09-30-00-000Z.',
    );
    expect(ws.problems.every((p) => p.at === NOW.toISOString() && p.movedTo === null)).toBe(true);

    // Rewritten at the current version, human-readable, and valid.
    const shardText = await readFile(join(dir, 'reviews/google--gent.json'), 'utf8');
    expect(shardText).toMatch(/^\{\n "schemaVersion": 3,/);
    expect(ShardFile.parse(JSON.parse(shardText)).reviews).toHaveLength(3);
    expect(SourcesFile.safeParse(await readJson(join(dir, 'sources.json'))).success).toBe(true);

    // The originals, byte for byte.
    const backups = (await readdir(join(dir, 'backups'))).sort();
    expect(backups).toEqual([
      'reviews__google--gent.json.v0.2026-03-01T09-30-00-000Z',
      'reviews__google--utrecht.json.v0.2026-03-01T09-30-00-000Z',
      'sources.json.v0.2026-03-01T09-30-00-000Z',
    ]);
    expect(await readFile(join(dir, 'backups', backups[0]!), 'utf8')).toBe(originals['reviews/google--gent.json']);
    expect(await readFile(join(dir, 'backups', backups[2]!), 'utf8')).toBe(originals['sources.json']);

    // The second start finds nothing to do and makes no more copies.
    const again = await loadWorkspaceFiles(dir, { now: () => NOW });
    expect(again.problems).toEqual([]);
    expect(again.reviews).toEqual(ws.reviews);
    expect(await readdir(join(dir, 'backups'))).toHaveLength(3);
  });

  it('rewrites nothing when the upgraded file does not validate: it goes to quarantine untouched, with no half-upgraded copy', async () => {
    const dir = await tempDataDir();
    await copyFixture('v0', dir);
    const raw = (await readJson(fixture('v0/reviews/google--gent.json'))) as { reviews: { createdAt: string }[] };
    raw.reviews[0]!.createdAt = 'last Tuesday';
    const text = JSON.stringify(raw, null, 1);
    await writeFile(join(dir, 'reviews/google--gent.json'), text);

    const ws = await loadWorkspaceFiles(dir, { now: () => NOW });
    const problem = ws.problems.find((p) => p.file === 'reviews/google--gent.json');
    expect(problem?.kind).toBe('quarantined');
    expect(problem?.reason).toContain('does not have the layout Kalm expects (reviews.0.createdAt');
    expect(await readFile(join(dir, problem!.movedTo!), 'utf8')).toBe(text);
    expect((await readdir(join(dir, 'backups'))).some((n) => n.includes('google--gent'))).toBe(false);
    // The other files still upgrade.
    expect(ws.reviews.map((r) => r.id)).toEqual(['google:utrecht:Zz1']);
  });

  it('only looks in a dry run: says what would be upgraded and changes nothing', async () => {
    const dir = await tempDataDir();
    await copyFixture('v0', dir);
    const before = await snapshot(dir);
    const ws = await loadWorkspaceFiles(dir, { dryRun: true, now: () => NOW });
    expect(ws.reviews).toHaveLength(4);
    expect(ws.problems.every((p) => p.kind === 'migrated')).toBe(true);
    expect(ws.problems[0]?.reason).toBe(
      'sources.json is from an older version of Kalm (schema 0). Kalm will upgrade it to schema 1 the next time it opens, keeping a copy of the original in backups/.',
    );
    expect(await snapshot(dir)).toEqual(before);
  });
});
