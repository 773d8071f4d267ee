import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKalm } from '../../electron/core/create-kalm';
import { SPILL_DIR } from '../../electron/core/sources/import/spill';
import { loadWorkspaceFiles } from '../../electron/core/store/workspace-files';
import { tempDataDir } from './helpers';

const header = '"Review Id","Review Created (UTC)","Review Stars","Review Username","Review Content","Location Name"';
const row = (id: string, stars: number, text: string, location: string) => `"${id}","2026-03-0${stars} 10:00:00","${stars}","Klant ${id}","${text}","${location}"`;

describe('import: pass 2 spills per shard and merges one shard at a time', () => {
  it('the CLI writes merged shards straight to disk; a second import in the same process reads them back; no spill is left', async () => {
    const dataDir = await tempDataDir();
    const file = join(dataDir, 'export.csv');
    await writeFile(file, [header, row('a', 5, 'Top', 'Gent'), row('b', 2, 'Koud', 'Gent'), row('c', 4, 'Fijn', 'Brugge')].join('\r\n') + '\r\n');
    const kalm = await createKalm({ dataDir, host: 'cli', google: { client: null } });
    const first = await kalm.importer.run(file, { preset: 'trustpilot' });
    expect([first.added, first.updated]).toEqual([3, 0]);
    // A newer export: b edited, d new, a unchanged.
    await writeFile(file, [header, row('a', 5, 'Top', 'Gent'), row('b', 3, 'Toch lekker', 'Gent'), row('d', 1, 'Dicht', 'Brugge')].join('\r\n') + '\r\n');
    const second = await kalm.importer.run(file, { preset: 'trustpilot' });
    expect([second.added, second.updated]).toEqual([1, 2]);
    await kalm.close();
    expect(await readdir(join(dataDir, SPILL_DIR))).toEqual([]);
    const stored = await loadWorkspaceFiles(dataDir);
    expect(stored.problems).toEqual([]);
    const byId = new Map(stored.reviews.map((r) => [r.externalId, r]));
    expect([...byId.keys()].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(byId.get('b')?.text).toContain('Toch lekker');
    expect(byId.get('b')?.rating).toBe(3);
    expect(new Set(stored.reviews.map((r) => r.locationId))).toEqual(new Set(['gent', 'brugge']));
  });

  it('a running app (web host) holds the imported reviews in its workspace at once, and they are on disk', async () => {
    const dataDir = await tempDataDir();
    const file = join(dataDir, 'export.csv');
    await writeFile(file, [header, row('a', 5, 'Top', 'Gent'), row('c', 4, 'Fijn', 'Brugge')].join('\r\n') + '\r\n');
    const kalm = await createKalm({ dataDir, host: 'test', google: { client: null } });
    await kalm.importer.run(file, { preset: 'trustpilot' });
    expect((await kalm.call('workspace.get', {})).reviewCount).toBe(2);
    await kalm.close();
    expect((await loadWorkspaceFiles(dataDir)).reviews).toHaveLength(2);
  });
});
