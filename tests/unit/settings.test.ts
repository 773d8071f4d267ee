import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKalm } from '../../electron/core/create-kalm';
import { defaultSettings } from '../../shared/domain/settings';
import { tempDataDir } from './helpers';

describe('settings', () => {
  it('start from the defaults, are saved, and survive a restart', async () => {
    const dataDir = await tempDataDir();
    const a = await createKalm({ dataDir, host: 'test' });
    expect(await a.call('settings.get', {})).toEqual(defaultSettings());
    const changed: unknown[] = [];
    a.on('settings.changed', (p) => changed.push(p));
    const saved = await a.call('settings.update', { businessName: 'Bakkerij De Zon', signer: '^AB', coolDown: { enabled: false, seconds: 30 } });
    expect(saved).toMatchObject({ businessName: 'Bakkerij De Zon', signer: '^AB', coolDown: { enabled: false, seconds: 30 }, formality: 'u' });
    expect(changed).toHaveLength(1);
    await a.close();
    const b = await createKalm({ dataDir, host: 'test' });
    expect(await b.call('settings.get', {})).toEqual(saved);
    await b.close();
  });

  it('refuse an invalid change and keep what was there', async () => {
    const dataDir = await tempDataDir();
    const kalm = await createKalm({ dataDir, host: 'test' });
    await kalm.call('settings.update', { businessName: 'Zon' });
    await expect(kalm.call('settings.update', { alertMaxRating: 9 } as never)).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(kalm.call('settings.update', { businessHours: { enabled: true, timeZone: 'Europe/Amsterdam', days: [] } })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(kalm.call('settings.update', { nonsense: true } as never)).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await kalm.call('settings.get', {})).businessName).toBe('Zon');
    await kalm.close();
  });

  it('keep the valid fields of a hand-edited file and default the rest', async () => {
    const dataDir = await tempDataDir();
    const first = await createKalm({ dataDir, host: 'test' });
    await first.call('settings.update', { businessName: 'Zon' });
    await first.close();
    const file = join(dataDir, 'settings.json');
    const stored = JSON.parse(await readFile(file, 'utf8')) as { preferences: Record<string, unknown> };
    stored.preferences.formality = 'jij';
    stored.preferences.syncIntervalMinutes = -5;
    await writeFile(file, JSON.stringify(stored));
    const kalm = await createKalm({ dataDir, host: 'test' });
    const settings = await kalm.call('settings.get', {});
    expect(settings.businessName).toBe('Zon');
    expect(settings.formality).toBe(defaultSettings().formality);
    expect(settings.syncIntervalMinutes).toBe(15);
    await kalm.close();
  });

  it('cannot be changed when the data folder is open read-only', async () => {
    const dataDir = await tempDataDir();
    const kalm = await createKalm({ dataDir, host: 'test', readOnly: true });
    expect((await kalm.call('settings.get', {})).businessName).toBe('');
    await expect(kalm.call('settings.update', { businessName: 'x' })).rejects.toMatchObject({ code: 'locked' });
    await kalm.close();
  });
});
