import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createKalm, type KalmCore } from '../../electron/core/create-kalm';
import { createMemoryTokenVault } from '../../electron/core/sources/google/token-vault';
import { startGoogleEmulator, type GoogleEmulator } from '../emulator';
import { tempDataDir } from './helpers';

describe('connecting Google over the demo', () => {
  let emu: GoogleEmulator | null = null;
  let kalm: KalmCore | null = null;
  afterEach(async () => {
    await kalm?.close();
    await emu?.close();
    kalm = emu = null;
  });

  it('removes the demo (it uses Google’s source id) through the same cascade: its drafts and replies leave no file behind', async () => {
    emu = await startGoogleEmulator();
    const dataDir = await tempDataDir();
    kalm = await createKalm({
      dataDir, host: 'test', loadDemoOnFirstRun: true, autoPublish: false,
      google: {
        roots: { api: emu.origin, auth: emu.authUrl, token: emu.tokenUrl },
        client: { clientId: emu.clientId, clientSecret: emu.clientSecret },
        vault: createMemoryTokenVault({ refresh_token: emu.tokens.issueFor().refresh_token }),
      },
    });
    const k = kalm;
    const [a, b] = (await k.call('reviews.query', { status: 'unanswered', limit: 2 })).items;
    if (!a || !b) throw new Error('the demo has unanswered reviews');
    await k.call('drafts.save', { reviewId: a.id, text: 'Dank je!' });
    await k.call('outbox.send', { reviewId: b.id, text: 'Fijn dat je er was.' });
    expect(await readdir(join(dataDir, 'drafts'))).toHaveLength(1);

    await k.call('sources.discover', {});
    const ws = await k.call('workspace.get', {});
    expect(ws.demo).toBe(false);
    expect(ws.sources).toEqual([expect.objectContaining({ id: 'google', state: 'connected' })]);
    expect(ws.reviewCount).toBe(0);
    expect(await readdir(join(dataDir, 'drafts'))).toEqual([]);
    expect((await readdir(join(dataDir, 'outbox'), { recursive: true })).filter((f) => f.endsWith('.json'))).toEqual([]);
    // No shard is left (the shard manifest beside them is only metadata: an entry is trusted only when its file matches).
    expect((await readdir(join(dataDir, 'reviews'))).filter((n) => n !== '.kalm-manifest.json')).toEqual([]);

    await k.call('sync.run', {});
    expect((await k.call('workspace.get', {})).reviewCount).toBeGreaterThan(0);
  }, 60_000);
});
