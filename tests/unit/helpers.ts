import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { REVIEW_SCHEMA_VERSION, type Review } from '../../shared/domain/review';
import { KalmError } from '../../shared/domain/errors';

const made: string[] = [];

/** A fresh data folder, removed after the test. */
export async function tempDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kalm-test-'));
  made.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A review with sensible defaults; override what the test is about. */
export function makeReview(over: Partial<Review> & { externalId: string }): Review {
  const source = over.source ?? 'google';
  const locationId = over.locationId ?? 'utrecht';
  return {
    schemaVersion: REVIEW_SCHEMA_VERSION,
    id: `${source}:${locationId}:${over.externalId}`,
    source,
    locationId,
    rating: 3,
    text: 'Prima koffie.',
    translatedText: null,
    language: 'nl',
    author: 'Sanne de Vries',
    anonymous: false,
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    reply: null,
    status: 'unanswered',
    labels: [],
    assignee: null,
    note: null,
    url: null,
    ...over,
  };
}

/** The KalmError `p` rejects with (anything else fails the test). */
export async function kalmErrorOf(p: Promise<unknown>): Promise<KalmError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof KalmError) return err;
    throw err;
  }
  throw new Error('expected a KalmError');
}
