import { z } from 'zod';
import { DRAFT_SCHEMA_VERSION } from '../../../shared/domain/draft';
import { OUTBOX_SCHEMA_VERSION } from '../../../shared/domain/outbox';
import { REVIEW_SCHEMA_VERSION } from '../../../shared/domain/review';

/**
 * The one place that knows every stored file kind and how to upgrade it.
 *
 * A migration takes the raw JSON of a file (as parsed, before any validation) and returns raw
 * JSON at the current version; the caller validates the result with the current zod schema and
 * only then rewrites the file (keeping a copy of the original). To change a stored shape: bump
 * the version constant, add a step `from → from + 1` below, add a fixture of the old version to
 * tests/fixtures/store/, and test it in tests/unit/migrations.test.ts.
 */

export const SOURCES_SCHEMA_VERSION = 1;

export type StoreFileKind = 'sources' | 'shard' | 'draft' | 'outbox';

export const CURRENT_VERSION: Readonly<Record<StoreFileKind, number>> = {
  sources: SOURCES_SCHEMA_VERSION,
  shard: REVIEW_SCHEMA_VERSION,
  draft: DRAFT_SCHEMA_VERSION,
  outbox: OUTBOX_SCHEMA_VERSION,
};

export type MigrationResult =
  /** Already at the current version: `data` is the input, unchanged. */
  | { outcome: 'current'; data: unknown; version: number }
  /** Upgraded from `from` to `version`; `data` is new JSON (the input is not modified). */
  | { outcome: 'upgraded'; data: unknown; from: number; version: number }
  /** Written by a newer Kalm: leave the file alone and do not write over it. */
  | { outcome: 'newer'; found: number; version: number };

/** The file is not something any version of Kalm wrote (the message completes "<file> …"). */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

type Step = (raw: unknown) => unknown;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// ---------------------------------------------------------------------------------------------
// Version 0 (Kalm before the schema-versioned store). Kept here only to upgrade old files.
// Shards: `{ version: 0, source, locationId, reviews }`; a review had `stars` (0 = no rating)
// and `comment` ('' = rating only), a reply without `state`, no `status` (derived from the
// reply) and none of translatedText, labels, assignee, note, schemaVersion.
// Sources file: no version field; locations had `title` instead of `name`, sources no lastSyncAt.
// ---------------------------------------------------------------------------------------------

const V0Review = z.object({
  id: z.string(),
  source: z.string(),
  locationId: z.string(),
  externalId: z.string(),
  stars: z.number().int().min(0).max(5).nullable(),
  comment: z.string().nullable(),
  language: z.string().nullable().optional(),
  author: z.string(),
  anonymous: z.boolean().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  reply: z.object({ text: z.string(), updatedAt: z.string() }).nullable().optional(),
  url: z.string().nullable().optional(),
});

const V0Shard = z.object({ version: z.literal(0), source: z.string(), locationId: z.string(), reviews: z.array(V0Review) });

const V0Sources = z.object({
  sources: z.array(z.looseObject({ id: z.string(), lastSyncAt: z.string().nullable().optional() })),
  locations: z.array(
    z.object({
      id: z.string(),
      source: z.string(),
      title: z.string(),
      storeCode: z.string().nullable().optional(),
      address: z.string().nullable().optional(),
      mapsUrl: z.string().nullable().optional(),
      newReviewUrl: z.string().nullable().optional(),
    }),
  ),
});

const shardV0toV1: Step = (raw) => {
  const v0 = V0Shard.parse(raw);
  return {
    schemaVersion: 1,
    source: v0.source,
    locationId: v0.locationId,
    reviews: v0.reviews.map((r) => ({
      schemaVersion: 1,
      id: r.id,
      source: r.source,
      locationId: r.locationId,
      externalId: r.externalId,
      rating: r.stars === null || r.stars === 0 ? null : r.stars,
      text: r.comment === null || r.comment.trim() === '' ? null : r.comment,
      translatedText: null,
      language: r.language ?? null,
      author: r.author,
      anonymous: r.anonymous ?? r.author.trim() === '',
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      reply: r.reply ? { text: r.reply.text, updatedAt: r.reply.updatedAt, state: 'published' } : null,
      status: r.reply ? 'answered' : 'unanswered',
      labels: [],
      assignee: null,
      note: null,
      url: r.url ?? null,
    })),
  };
};

const sourcesV0toV1: Step = (raw) => {
  const v0 = V0Sources.parse(raw);
  return {
    schemaVersion: 1,
    sources: v0.sources.map((s) => ({ ...s, lastSyncAt: s.lastSyncAt ?? null })),
    locations: v0.locations.map((l) => ({
      id: l.id,
      source: l.source,
      name: l.title,
      storeCode: l.storeCode ?? null,
      address: l.address ?? null,
      mapsUrl: l.mapsUrl ?? null,
      newReviewUrl: l.newReviewUrl ?? null,
    })),
  };
};

// Version 1 → 2: a review may carry `origin` (the rating as the source gave it and its scale,
// a title, Play's device and app version). Nothing else changed, so only the versions move.
const shardV1toV2: Step = (raw) => {
  if (!isRecord(raw) || !Array.isArray(raw.reviews)) throw new MigrationError('is not a Kalm reviews file (no reviews list)');
  return { ...raw, schemaVersion: 2, reviews: raw.reviews.map((r: unknown) => (isRecord(r) ? { ...r, schemaVersion: 2 } : r)) };
};

/**
 * Version 3: every review has a language when its text tells one. Reviews stored before (Google gave none,
 * imports without a language column) get it detected from their original text with the composer's detector.
 */
let detectLanguage: ((text: string | null) => string | null) | null = null;

/**
 * Loads what the upgrade steps need beyond this module (the language detector, which read-only CLI
 * commands otherwise never load). Call it before `migrateFile` on a file older than the current version.
 */
export async function prepareMigration(): Promise<void> {
  detectLanguage ??= (await import('../../../shared/reply/language')).detectReviewLanguage;
}

const shardV2toV3: Step = (raw) => {
  const detect = detectLanguage;
  if (detect === null) throw new Error('prepareMigration() must run before a shard is upgraded to version 3');
  if (!isRecord(raw) || !Array.isArray(raw.reviews)) throw new MigrationError('is not a Kalm reviews file (no reviews list)');
  const withLanguage = (r: Record<string, unknown>) =>
    r.language === null || r.language === undefined ? { ...r, language: detect(typeof r.text === 'string' ? r.text : null) } : r;
  return { ...raw, schemaVersion: 3, reviews: raw.reviews.map((r: unknown) => (isRecord(r) ? { ...withLanguage(r), schemaVersion: 3 } : r)) };
};

/** `STEPS[kind][v]` upgrades a file of that kind from version v to v + 1. */
const STEPS: Readonly<Record<StoreFileKind, readonly (Step | undefined)[]>> = {
  sources: [sourcesV0toV1],
  shard: [shardV0toV1, shardV1toV2, shardV2toV3],
  // Drafts and the outbox started at version 1: nothing to upgrade yet.
  draft: [],
  outbox: [],
};

/**
 * The version a raw file says it has: `schemaVersion` (v1 and later), `version` (v0 shards), or
 * 0 when neither is there (the v0 sources file). For shards the highest review version counts too,
 * so a shard holding records from a newer Kalm is never rewritten by this one.
 */
export function fileVersion(kind: StoreFileKind, raw: unknown): number {
  if (!isRecord(raw)) throw new MigrationError('is not a Kalm data file (expected a JSON object)');
  const declared = raw.schemaVersion ?? raw.version;
  if (declared === undefined) return 0;
  if (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 0) {
    throw new MigrationError(`has an unknown schema version (${JSON.stringify(declared).slice(0, 40)})`);
  }
  let version = declared;
  if (kind === 'shard' && Array.isArray(raw.reviews)) {
    for (const r of raw.reviews) {
      const v = isRecord(r) ? r.schemaVersion : undefined;
      if (typeof v === 'number' && Number.isInteger(v) && v > version) version = v;
    }
  }
  return version;
}

/** Upgrades raw JSON of `kind` to the current version. Throws MigrationError or a ZodError for a file no Kalm wrote. */
export function migrateFile(kind: StoreFileKind, raw: unknown): MigrationResult {
  const current = CURRENT_VERSION[kind];
  const from = fileVersion(kind, raw);
  if (from > current) return { outcome: 'newer', found: from, version: current };
  if (from === current) return { outcome: 'current', data: raw, version: current };
  let data = raw;
  for (let v = from; v < current; v++) {
    const step = STEPS[kind][v];
    if (!step) throw new MigrationError(`has schema version ${from}, which this version of Kalm cannot upgrade`);
    data = step(data);
  }
  return { outcome: 'upgraded', data, from, version: current };
}

export const migrateSourcesFile = (raw: unknown): MigrationResult => migrateFile('sources', raw);
export const migrateShardFile = (raw: unknown): MigrationResult => migrateFile('shard', raw);
export const migrateDraftFile = (raw: unknown): MigrationResult => migrateFile('draft', raw);
export const migrateOutboxFile = (raw: unknown): MigrationResult => migrateFile('outbox', raw);
