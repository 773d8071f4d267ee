import { afterEach, describe, expect, it } from 'vitest';
import { createKalm, type KalmCore } from '../../electron/core/create-kalm';
import { startGoogleEmulator, type GoogleEmulator } from '../emulator';
import { emulatorGoogle } from './google-setup';
import { tempDataDir } from './helpers';

describe('a Google location removed from Kalm and chosen again', () => {
  let emu: GoogleEmulator | null = null;
  let core: KalmCore | null = null;
  afterEach(async () => {
    await core?.close();
    await emu?.close();
  });

  it('gets all its reviews back at the next sync (not only those changed since its last sync)', async () => {
    emu = await startGoogleEmulator();
    core = await createKalm({ dataDir: await tempDataDir(), host: 'test', google: emulatorGoogle(emu) });
    await core.call('google.discover', {});
    await core.call('google.sync', {});
    const all = (await core.call('reviews.query', { status: 'all', limit: 100 })).items.map((r) => r.id).sort();
    const gone = (await core.call('workspace.get', {})).locations[0]!;
    const removed = await core.call('workspace.remove', { target: { kind: 'location', sourceId: gone.source, locationId: gone.id } });
    expect(removed.reviews).toBeGreaterThan(1);

    // Found again, it is listed but not chosen (as any location found after the first discovery); the owner chooses it.
    const found = await core.call('google.discover', {});
    expect(found.locations.find((l) => l.locationId === gone.id)?.selected).toBe(false);
    await core.call('google.selectLocations', { locationIds: found.locations.map((l) => l.locationId) });
    const synced = await core.call('google.sync', {});
    expect(synced.new).toBe(removed.reviews);
    expect((await core.call('reviews.query', { status: 'all', limit: 100 })).items.map((r) => r.id).sort()).toEqual(all);
  });
});
