import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { startGoogleEmulator, type GoogleEmulator } from '../emulator';
import { emulatorEnv, runKalm } from '../unit/run-kalm';
import { writeNoPauseSettings } from './reply-steps';
import { startHost, type RunningHost } from './web-host-fixture';

/** A web host on a data folder connected to the emulator and synced (no demo), cool-down off. */
export async function connectedHost(emu: GoogleEmulator): Promise<RunningHost> {
  const env = emulatorEnv(emu, '');
  delete env.KALM_DATA_DIR;
  return startHost({
    env,
    prepare: async (dataDir) => {
      await writeNoPauseSettings(dataDir);
      await writeFile(join(dataDir, 'google-tokens.json'), JSON.stringify({ refresh_token: emu.tokens.issueFor().refresh_token }), { mode: 0o600 });
      const sync = await runKalm(['sync', '--json'], { ...env, KALM_DATA_DIR: dataDir });
      if (sync.code !== 0) throw new Error(`kalm sync failed: ${sync.stderr}`);
    },
  });
}

/** The emulator's v4 name of a Kalm review id (`google:<location>:<external>`). */
export function v4Name(emu: GoogleEmulator, reviewId: string): string {
  const [, locationId, externalId] = reviewId.split(':');
  const location = emu.data.locations().find((l) => l.v4Name.endsWith(`/locations/${locationId}`));
  return `${location?.v4Name ?? '?'}/reviews/${externalId}`;
}

/**
 * Runs `steps` in the browser against a fresh emulator and a host connected to it, once the inbox shows
 * its first unanswered review; stops the host and the emulator afterwards, whatever happened.
 */
export async function withConnectedInbox(page: Page, steps: (ctx: { emu: GoogleEmulator; host: RunningHost; list: Locator }) => Promise<void>): Promise<void> {
  const emu = await startGoogleEmulator();
  const host = await connectedHost(emu);
  try {
    await page.goto(host.url);
    const list = page.getByRole('listbox', { name: 'Unanswered reviews' });
    await expect(list.getByRole('option').first()).toBeVisible();
    await steps({ emu, host, list });
  } finally {
    await host.stop();
    await emu.close();
  }
}
