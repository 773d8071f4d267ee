import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveShardFile } from '../../electron/core/store/workspace-files';
import { TEAM_RECHECK_FILE } from '../../electron/core/team/recheck-marker';
import type { Review } from '../../shared/domain/review';
import { createAndJoin, openDesktop, seededFolder, syncAll, useBakkerijTeam } from '../team/desktops';

const id = (i: number) => `trustpilot:shop:r${String(i).padStart(4, '0')}`;

describe('team workspace: the start re-check after a clean stop compares only the shard files changed since', () => {
  const team = useBakkerijTeam();

  it('nothing changed: no review is compared; a shard written outside Kalm: its reviews are compared and reach the team; a run that did not stop cleanly leaves no record', { timeout: 60_000 }, async () => {
    const dir = await seededFolder(4);
    const { anna, bram } = await createAndJoin(team, dir);
    const reviews: Review[] = [];
    for (let i = 0; i < 4; i++) reviews.push(await anna.call('reviews.get', { id: id(i) }));
    await anna.close();
    expect(existsSync(join(dir, TEAM_RECHECK_FILE))).toBe(true);

    // Nothing changed since the clean stop: the re-check compares no review (and the record is gone while Kalm runs).
    const second = await openDesktop(dir);
    team.cores.push(second);
    await second.team!.service!.bridge.settle();
    expect(second.team!.service!.bridge.recheckedReviews).toBe(0);
    expect(existsSync(join(dir, TEAM_RECHECK_FILE))).toBe(false);
    await second.close();

    // The shard file rewritten while Kalm was closed (as an import writing straight to disk does): its reviews are compared and pushed.
    await saveShardFile(dir, 'trustpilot', 'shop', reviews.map((r, i) => (i === 0 ? { ...r, text: 'Edited while Kalm was closed' } : r)));
    const third = await openDesktop(dir);
    team.cores.push(third);
    await third.team!.service!.bridge.settle();
    expect(third.team!.service!.bridge.recheckedReviews).toBe(4);
    await syncAll([third, bram]);
    expect((await bram.call('reviews.get', { id: id(0) })).text).toBe('Edited while Kalm was closed');
  });

  it('without a record (a crash, a kill) every review is compared', { timeout: 60_000 }, async () => {
    const dir = await seededFolder(3);
    const anna = await openDesktop(dir);
    team.cores.push(anna);
    await anna.call('team.create', { server: team.couch().url, db: 'bakkerij', user: 'anna', password: 'anna-pw' });
    await anna.close();
    // A process killed mid-run never writes the record; it was removed when that run started.
    const { rm } = await import('node:fs/promises');
    await rm(join(dir, TEAM_RECHECK_FILE));
    const again = await openDesktop(dir);
    team.cores.push(again);
    await again.team!.service!.bridge.settle();
    expect(again.team!.service!.bridge.recheckedReviews).toBe(3);
  });
});
