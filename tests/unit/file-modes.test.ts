import { chmod, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKalm } from '../../electron/core/create-kalm';
import { tempDataDir } from './helpers';

const mode = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

describe.skipIf(process.platform === 'win32')('data folder permissions (POSIX)', () => {
  it('a new data folder is 0700 and every file Kalm writes in it 0600, the backup zip too', async () => {
    const base = await tempDataDir();
    const dir = join(base, 'Kalm');
    const kalm = await createKalm({ dataDir: dir, host: 'web', loadDemoOnFirstRun: true, autoPublish: false });
    try {
      const review = (await kalm.call('reviews.query', { status: 'unanswered', limit: 1 })).items[0]!;
      await kalm.call('drafts.save', { reviewId: review.id, text: 'Dank je wel.' });
      await kalm.call('settings.update', { formality: 'je' });
      const backup = await kalm.call('backup.create', {});
      expect(await mode(backup.path)).toBe(0o600);
    } finally {
      await kalm.close();
    }
    expect(await mode(dir)).toBe(0o700);
    const loose: string[] = [];
    const walk = async (d: string): Promise<void> => {
      for (const e of await readdir(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) {
          if ((await mode(p)) !== 0o700) loose.push(`${p} ${(await mode(p)).toString(8)}`);
          await walk(p);
        } else if ((await mode(p)) !== 0o600) loose.push(`${p} ${(await mode(p)).toString(8)}`);
      }
    };
    await walk(dir);
    expect(loose).toEqual([]);
  });

  it('an existing folder written by an older Kalm is made private at start', async () => {
    const dir = await tempDataDir();
    await chmod(dir, 0o755);
    await writeFile(join(dir, 'settings.json'), '{}', { mode: 0o644 });
    await mkdir(join(dir, 'reviews'), { mode: 0o755 });
    const kalm = await createKalm({ dataDir: dir, host: 'cli' });
    await kalm.close();
    expect(await mode(dir)).toBe(0o700);
    expect(await mode(join(dir, 'settings.json'))).toBe(0o600);
    expect(await mode(join(dir, 'reviews'))).toBe(0o700);
  });
});
