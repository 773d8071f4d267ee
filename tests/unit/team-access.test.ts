import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KalmCore } from '../../electron/core/create-kalm';
import { TEAM_FILE } from '../../electron/core/team/team-config';
import { openDesktop, seededFolder } from '../team/desktops';
import { startStandIn, type StandIn } from '../team/standin-server';

describe('team sign-in and access (_session, _security)', () => {
  let couch: StandIn;
  let core: KalmCore;
  let dir: string;
  beforeEach(async () => {
    couch = await startStandIn();
    await couch.addUser('anna', 'anna-pw');
    await couch.addUser('bram', 'bram-pw');
    await couch.createDb('workspace-a', ['anna']);
    await couch.createDb('workspace-b', ['bram']);
    dir = await seededFolder(3);
    core = await openDesktop(dir);
  });
  afterEach(async () => {
    await core.close();
    await couch.close();
  });
  const joinTeam = (db: string, user: string, password: string) => core.call('team.join', { server: couch.url, db, user, password });
  const noTeamFile = () => expect(access(join(dir, TEAM_FILE))).rejects.toThrow();

  it('a wrong password says so and changes nothing', async () => {
    await expect(joinTeam('workspace-a', 'anna', 'nope')).rejects.toThrow('The team server did not accept the password of "anna"');
    await noTeamFile();
    expect((await core.call('team.status', {})).enabled).toBe(false);
  });

  it('a member of workspace A cannot read workspace B, and is told she is not a member', async () => {
    await expect(joinTeam('workspace-b', 'anna', 'anna-pw')).rejects.toThrow('"anna" is not a member of the team workspace "workspace-b"');
    await noTeamFile();
  });

  it('an unknown workspace and a server that is down each get their own message; local work goes on', async () => {
    await expect(joinTeam('workspace-c', 'anna', 'anna-pw')).rejects.toThrow('The team server has no workspace "workspace-c"');
    await couch.pause();
    await expect(joinTeam('workspace-a', 'anna', 'anna-pw')).rejects.toThrow(/cannot be reached/);
    await core.call('drafts.save', { reviewId: 'trustpilot:shop:r0000', text: 'Still works' });
    await couch.resume();
  });
});
