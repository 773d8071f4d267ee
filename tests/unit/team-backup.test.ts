import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { TEAM_APPLIED_FILE, TEAM_DB_DIR, TEAM_FILE, TEAM_SECRET_FILE } from '../../electron/core/team/team-config';
import { openDesktop, seededFolder, useBakkerijTeam } from '../team/desktops';

describe('a backup of a team workspace', () => {
  const team = useBakkerijTeam();

  it('holds the workspace own files but not the replica (team-db/, its applied sequence) nor the password', async () => {
    const dir = await seededFolder(4);
    const anna = await openDesktop(dir);
    team.cores.push(anna);
    await anna.call('team.create', { server: team.couch().url, db: 'bakkerij', user: 'anna', password: 'anna-pw' });
    await anna.call('drafts.save', { reviewId: 'trustpilot:shop:r0001', text: 'Dank je wel!' });
    await anna.team!.service!.bridge.settle();
    // The replica is really there (LevelDB files), so leaving it out is a choice of the backup, not an accident.
    await access(join(dir, TEAM_DB_DIR, 'CURRENT'));
    await access(join(dir, TEAM_APPLIED_FILE));

    const result = await anna.call('backup.create', {});
    const names = Object.keys(unzipSync(new Uint8Array(await readFile(result.path))));
    expect(names.filter((n) => n === TEAM_DB_DIR || n.startsWith(`${TEAM_DB_DIR}/`))).toEqual([]);
    expect(names).not.toContain(TEAM_APPLIED_FILE);
    expect(names).not.toContain(TEAM_SECRET_FILE);
    expect(names).toContain(TEAM_FILE);
    expect(names).toContain('drafts/trustpilot%3ashop%3ar0001.json');
    expect(names.some((n) => n.startsWith('reviews/'))).toBe(true);
    expect(result.files).toBe(names.length);
  });
});
