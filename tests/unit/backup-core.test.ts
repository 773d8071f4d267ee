import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../electron/core/store/lock';
import { SECRET_FILES } from '../../electron/core/store/secret-files';
import { demoCore } from './demo-core';

describe('the data folder', () => {
  it('zips the data folder next to it, without the lock file', async () => {
    const { kalm, dataDir } = await demoCore();
    await kalm.call('labels.save', { name: 'Brood', color: '#b45309' });
    await writeFile(join(dataDir, '.half.json.tmp'), '{');
    // Sign-ins and keys stay out of a backup (plain and keychain-encrypted).
    for (const secret of SECRET_FILES) await writeFile(join(dataDir, secret), '{"secret":"do-not-copy"}');
    const result = await kalm.call('backup.create', {});
    expect(dirname(result.path)).toBe(dirname(dataDir));
    const files = unzipSync(new Uint8Array(await readFile(result.path)));
    const names = Object.keys(files);
    expect(names).toContain('labels.json');
    expect(names).toContain('sources.json');
    expect(names.some((n) => n.startsWith('reviews/'))).toBe(true);
    expect(names).not.toContain(LOCK_FILE);
    expect(names).not.toContain('.half.json.tmp');
    for (const secret of SECRET_FILES) expect(names).not.toContain(secret);
    expect(SECRET_FILES.size).toBe(6); // Google tokens and the Play key (plain and encrypted), the team password (plain file and keychain-encrypted)
    expect(result.files).toBe(names.length);
    const shard = (await readdir(join(dataDir, 'reviews')))[0] ?? '';
    expect(new TextDecoder().decode(files[`reviews/${shard}`])).toBe(await readFile(join(dataDir, 'reviews', shard), 'utf8'));
    expect(await kalm.call('app.openDataFolder', {})).toEqual({ opened: false, path: dataDir });
    await expect(kalm.call('backup.create', { targetDir: join(dataDir, 'missing') })).rejects.toMatchObject({ code: 'invalid_input' });
    await kalm.close();
  });
});
