import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKalm } from '../../electron/core/create-kalm';
import { saveGoogleState, emptyGoogleState } from '../../electron/core/sources/google/state';
import { tempDataDir } from './helpers';

const NEWER = '{"schemaVersion": 2, "apps": [{"packageName": "com.example.future", "lastSyncAt": null}], "future": true}\n';

describe('the sources\' own files from a newer Kalm or broken', () => {
  it('a newer play-source.json is left in place: Play calls say why, and nothing writes over it', async () => {
    const dir = await tempDataDir();
    await writeFile(join(dir, 'play-source.json'), NEWER);
    await writeFile(join(dir, 'google-source.json'), '{"schemaVersion": 3, "locations": []}');
    const kalm = await createKalm({ dataDir: dir, host: 'cli' });
    try {
      await expect(kalm.play.addApp('com.example.app')).rejects.toThrow(/Kalm cannot use play-source\.json: it was saved by a newer version of Kalm/);
      await expect(kalm.play.apps()).rejects.toThrow(/newer version of Kalm/);
      await expect(saveGoogleState(dir, emptyGoogleState())).rejects.toThrow(/Kalm did not save google-source\.json: it was saved by a newer version of Kalm/);
    } finally {
      await kalm.close();
    }
    expect(await readFile(join(dir, 'play-source.json'), 'utf8')).toBe(NEWER);
    expect(await readFile(join(dir, 'google-source.json'), 'utf8')).toBe('{"schemaVersion": 3, "locations": []}');
  });

  it('a read-only core (the CLI reading while the app runs) names a broken play-source.json instead of a parse error, and moves nothing', async () => {
    const dir = await tempDataDir();
    await writeFile(join(dir, 'play-source.json'), '{"schemaVersion": 1, "apps": [{"packa');
    const kalm = await createKalm({ dataDir: dir, host: 'cli', readOnly: true });
    try {
      expect(kalm.problems).toContainEqual(expect.objectContaining({ file: 'play-source.json', kind: 'quarantined', movedTo: null, lost: 'play-apps' }));
      await expect(kalm.play.apps()).rejects.toThrow(/Kalm cannot read play-source\.json .*kalm doctor/);
    } finally {
      await kalm.close();
    }
    expect(await readFile(join(dir, 'play-source.json'), 'utf8')).toContain('"packa');
  });
});
