import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKalm } from '../../electron/core/create-kalm';
import { startGoogleEmulator } from '../emulator';
import { closedAfterEach, emulatorGoogle } from './google-setup';
import { tempDataDir } from './helpers';

describe('connecting Google over the demo', () => {
  const keep = closedAfterEach();

  it('removes the demo (it uses Google’s source id) through the same cascade: its drafts and replies leave no file behind', async () => {
    const emu = keep(await startGoogleEmulator());
    const dataDir = await tempDataDir();
    const k = keep(await createKalm({
      dataDir, host: 'test', loadDemoOnFirstRun: true, autoPublish: false,
      google: emulatorGoogle(emu),
    }));
    const [a, b] = (await k.call('reviews.query', { status: 'unanswered', limit: 2 })).items;
    if (!a || !b) throw new Error('the demo has unanswered reviews');
    await k.call('drafts.save', { reviewId: a.id, text: 'Dank je!' });
    await k.call('outbox.send', { reviewId: b.id, text: 'Fijn dat je er was.' });
    expect(await readdir(join(dataDir, 'drafts'))).toHaveLength(1);

    await k.call('google.discover', {});
    const ws = await k.call('workspace.get', {});
    expect(ws.demo).toBe(false);
    expect(ws.sources).toEqual([expect.objectContaining({ id: 'google', state: 'connected' })]);
    expect(ws.reviewCount).toBe(0);
    expect(await readdir(join(dataDir, 'drafts'))).toEqual([]);
    expect((await readdir(join(dataDir, 'outbox'), { recursive: true })).filter((f) => f.endsWith('.json'))).toEqual([]);
    // No shard is left (the shard manifest beside them is only metadata: an entry is trusted only when its file matches).
    expect((await readdir(join(dataDir, 'reviews'))).filter((n) => n !== '.kalm-manifest.json')).toEqual([]);

    await k.call('google.sync', {});
    expect((await k.call('workspace.get', {})).reviewCount).toBeGreaterThan(0);
  }, 60_000);
});
