import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGoogleEmulator, type GoogleEmulator } from '../emulator';
import { tempDataDir } from './helpers';
import { emulatorEnv, runKalm as kalm } from './run-kalm';



interface ListedReview {
  id: string;
  locationId: string;
  externalId: string;
  reply: unknown;
}

describe('kalm reply / outbox / publish against the Google emulator', () => {
  let emu: GoogleEmulator;
  let env: Record<string, string>;
  beforeEach(async () => {
    emu = await startGoogleEmulator();
    env = emulatorEnv(emu, await tempDataDir());
    const { refresh_token } = emu.tokens.issueFor();
    await writeFile(join(env.KALM_DATA_DIR!, 'google-tokens.json'), JSON.stringify({ refresh_token }), { mode: 0o600 });
    const sync = await kalm(['sync', '--json'], env);
    expect(sync.code, sync.stderr).toBe(0);
  }, 60_000);
  afterEach(async () => {
    await emu.close();
  });

  const firstUnanswered = async (): Promise<ListedReview> => {
    const list = await kalm(['reviews', '--unanswered', '--json'], env);
    expect(list.code, list.stderr).toBe(0);
    return (JSON.parse(list.stdout) as ListedReview[])[0]!;
  };
  const nameOf = (r: ListedReview): string => {
    const location = emu.data.locations().find((l) => l.v4Name.endsWith(`/locations/${r.locationId}`));
    return `${location!.v4Name}/reviews/${r.externalId}`;
  };

  it('queues a reply offline, publishes it exactly once, and the review is answered', async () => {
    const review = await firstUnanswered();
    const text = 'Dank u wel voor uw review — tot snel! ☕';
    const queued = await kalm(['reply', review.id, '--text', text], env);
    expect(queued.code, queued.stderr).toBe(0);
    expect(queued.stdout).toMatch(/Queued/);
    // Nothing went out yet.
    expect(emu.data.replyOf(nameOf(review))).toBeUndefined();

    const outbox = await kalm(['outbox', '--json'], env);
    expect(outbox.code, outbox.stderr).toBe(0);
    expect(JSON.parse(outbox.stdout)).toEqual([expect.objectContaining({ reviewId: review.id, state: 'queued', text, lastError: null })]);

    const publish = await kalm(['publish', '--json'], env);
    expect(publish.code, publish.stderr).toBe(0);
    const results = JSON.parse(publish.stdout) as { id: string; ok: boolean; error?: string }[];
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ ok: true, reviewId: review.id });
    expect(Object.keys(results[0]!).sort()).toEqual(['id', 'ok', 'reviewId']);
    expect(emu.data.replyOf(nameOf(review))?.comment).toBe(text);

    const again = await kalm(['publish', '--json'], env);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual([]);

    const unanswered = JSON.parse((await kalm(['reviews', '--unanswered', '--json'], env)).stdout) as ListedReview[];
    expect(unanswered.map((r) => r.id)).not.toContain(review.id);
  }, 60_000);

  it('refuses a reply over the limit or empty with exit 2 and queues nothing', async () => {
    const review = await firstUnanswered();
    const long = await kalm(['reply', review.id, '--text', 'x'.repeat(4097)], env);
    expect(long.code).toBe(2);
    expect(long.stderr).toMatch(/4097 bytes.*at most 4096 bytes/);
    // Only the clear message: one line, not the whole usage after it.
    expect(long.stderr.trim().split('\n')).toHaveLength(1);
    const file = join(env.KALM_DATA_DIR!, 'empty.txt');
    await writeFile(file, '  \n');
    const empty = await kalm(['reply', review.id, '--text-file', file], env);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/empty/);
    expect(JSON.parse((await kalm(['outbox', '--json'], env)).stdout)).toEqual([]);
  }, 60_000);

  it('exits 2 on a missing id or a missing text', async () => {
    expect((await kalm(['reply', '--text', 'hi'], env)).code).toBe(2);
    expect((await kalm(['reply', 'a', 'b', '--text', 'hi'], env)).code).toBe(2);
    expect((await kalm(['reply', 'a'], env)).code).toBe(2);
    expect((await kalm(['unreply'], env)).code).toBe(2);
  }, 60_000);
});
