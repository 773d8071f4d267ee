import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
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

export { makeReview } from '../make-review';

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
