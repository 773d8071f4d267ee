import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKalm } from '../../electron/core/create-kalm';
import { backgroundSync, buildSources, cliSourceNames, descriptorByCliName, SOURCE_FILES, SOURCE_REGISTRY } from '../../electron/core/sources/registry';
import { SECRET_FILES } from '../../electron/core/store/secret-files';
import { Workspace } from '../../electron/core/workspace';
import { EventBus } from '../../electron/core/events';
import { openStore } from '../../electron/core/store/open-store';
import { defaultSettings } from '../../shared/domain/settings';
import { SourceKind } from '../../shared/domain/source';
import { replyLimitFor } from '../../shared/reply/limits';
import { capabilitiesOf } from '../../shared/sources/capabilities';
import { tempDataDir } from './helpers';
import { runKalm } from './run-kalm';

describe('the source registry', () => {
  it('has one descriptor per source kind, with its capabilities and reply limit', () => {
    expect(SOURCE_REGISTRY.map((d) => d.kind).sort()).toEqual([...SourceKind.options].sort());
    for (const d of SOURCE_REGISTRY) {
      expect(d.capabilities).toEqual(capabilitiesOf(d.kind));
      const ref = { id: `x-${d.kind}`, kind: d.kind, name: 'Trustpilot' };
      expect(d.replyLimit(ref)).toEqual(replyLimitFor(ref));
    }
    expect(cliSourceNames()).toEqual(['google', 'play']);
    expect(descriptorByCliName('play')?.kind).toBe('google-play');
    expect(descriptorByCliName('trustpilot')).toBeUndefined();
  });

  it("gathers the sources' own data files: each named once, and the secret ones (sign-ins, keys) are the ones kept out of backups", () => {
    const names = SOURCE_FILES.map((f) => f.file);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['google-source.json', 'google-tokens.json', 'play-source.json', 'play-service-account.json']));
    const secret = SOURCE_FILES.filter((f) => f.secret).map((f) => f.file);
    expect(secret.sort()).toEqual(['google-tokens.enc', 'google-tokens.json', 'play-service-account.enc', 'play-service-account.json']);
    for (const file of secret) expect(SECRET_FILES.has(file)).toBe(true);
    for (const file of names.filter((n) => !secret.includes(n))) expect(SECRET_FILES.has(file)).toBe(false);
  });

  it('builds every source for a core: a publisher for each API source, none for copy-and-open; calls never claimed twice', async () => {
    const dir = await tempDataDir();
    const workspace = new Workspace();
    const store = await openStore(dir, { readOnly: false, now: () => new Date(), report: () => undefined, shardReviews: () => [] });
    try {
      const built = await buildSources({
        opts: { dataDir: dir, host: 'test', google: { client: null } }, dataDir: dir, workspace, store, bus: new EventBus(),
        settings: null, preferences: defaultSettings, now: () => new Date(), report: () => undefined,
      });
      const apiKinds = SOURCE_REGISTRY.filter((d) => d.capabilities.publish === 'api').length;
      expect(built.publishers).toHaveLength(apiKinds);
      expect(Object.keys(built.services).sort()).toEqual([...SourceKind.options].sort());
      expect(Object.keys(built.handlers)).toEqual(expect.arrayContaining(['google.status', 'google.sync', 'play.sync', 'import.commit']));
      // Every source answers through the one ReviewSource interface.
      for (const d of SOURCE_REGISTRY) {
        expect(built.reviewSources[d.kind]).toMatchObject({ kind: d.kind, capabilities: d.capabilities });
      }
      workspace.sources = [{ id: 'tp', kind: 'file-import', name: 'Trustpilot', state: 'connected', lastSyncAt: null }];
      const imports = built.reviewSources['file-import'];
      expect(imports.replyLimit('tp')).toEqual({ limit: null, unit: 'characters', service: 'Trustpilot' });
      expect(built.reviewSources['google-play'].replyLimit('play').limit).toBe(350);
      await expect(imports.fetchReviews({ full: false })).rejects.toThrow(/import a newer export/);
      await expect(imports.publishReply({ source: 'tp' } as never, 'Dank!')).rejects.toThrow(/Trustpilot has no reply API/);
      await expect(built.reviewSources['google-play'].deleteReply({} as never)).rejects.toThrow(/Play Console/);
      // Google and Play sync in the background; imports come from files.
      expect(built.background).toHaveLength(2);
      // An imported review is not Google's, a Google one is.
      const [google, play] = built.publishers;
      workspace.sources = [{ id: 'trustpilot', kind: 'file-import', name: 'Trustpilot', state: 'connected', lastSyncAt: null }];
      const base = { locationId: 'l', externalId: 'e' } as const;
      expect(google?.owns({ ...base, source: 'trustpilot' } as never)).toBe(false);
      expect(google?.owns({ ...base, source: 'google' } as never)).toBe(true);
      expect(play?.owns({ ...base, source: 'play' } as never)).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('a core implements every contract call (checked when it starts)', async () => {
    const dir = await tempDataDir();
    const kalm = await createKalm({ dataDir: join(dir, 'data'), host: 'test', google: { client: null } });
    expect((await kalm.call('play.status', {})).apps).toEqual([]);
    await kalm.close();
  });

  it('the CLI routes connect and sync --source by the registry names, with a clear message for others', async () => {
    const env = { KALM_DATA_DIR: join(await tempDataDir(), 'data') };
    const sync = await runKalm(['sync', '--source', 'yelp'], env);
    expect(sync.code).toBe(2);
    expect(sync.stderr).toContain('sync --source takes google or play (got "yelp"); imported sources are updated with kalm import');
    const connect = await runKalm(['connect', 'trustpilot'], env);
    expect(connect.code).toBe(2);
    expect(connect.stderr).toContain('connect takes google or play (got "trustpilot")');
  });

  it('background sync runs every ready source; one failing does not keep the others from syncing', async () => {
    const ran: string[] = [];
    const job = (name: string, ready: boolean, fail = false) => ({
      ready: async () => ready,
      run: async () => {
        ran.push(name);
        if (fail) throw new Error(`${name} is down`);
        return name;
      },
    });
    const both = backgroundSync([job('google', true, true), job('play', true), job('later', false)]);
    expect(await both.ready()).toBe(true);
    await expect(both.run()).rejects.toThrow('google is down');
    expect(ran).toEqual(['google', 'play']);
    const none = backgroundSync([job('google', false), { ready: () => Promise.reject(new Error('status unreadable')), run: async () => 'x' }]);
    expect(await none.ready()).toBe(false);
  });
});
