import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';
import { startGoogleEmulator, type GoogleEmulator } from '../emulator';
import { startStandIn, type StandIn } from '../team/standin-server';
import { emulatorEnv, runKalm } from '../unit/run-kalm';
import { writeNoPauseSettings } from './reply-steps';
import { callApi, startHost, type RunningHost } from './web-host-fixture';

/**
 * Two desktops of one team in two browser pages: a web host on its own data folder, synced with the Google
 * location of the emulator and joined to the team database "bakkerij" on the CouchDB stand-in (in the test's
 * process). The team is set up with the CLI before the host starts (`kalm team create` / `kalm team join`).
 */
export async function teamHost(emu: GoogleEmulator, couch: StandIn, how: 'create' | 'join', user: string, before?: (env: Record<string, string>) => Promise<void>): Promise<RunningHost> {
  const env = emulatorEnv(emu, '');
  delete env.KALM_DATA_DIR;
  return startHost({
    env,
    prepare: async (dataDir) => {
      const here = { ...env, KALM_DATA_DIR: dataDir };
      await writeNoPauseSettings(dataDir);
      await writeFile(join(dataDir, 'google-tokens.json'), JSON.stringify({ refresh_token: emu.tokens.issueFor().refresh_token }), { mode: 0o600 });
      const sync = await runKalm(['sync', '--json'], here);
      if (sync.code !== 0) throw new Error(`kalm sync failed: ${sync.stderr}`);
      await before?.(here);
      const team = await runKalm(['team', how, '--server', couch.url, '--db', 'bakkerij', '--user', user], { ...here, KALM_TEAM_PASSWORD: `${user}-pw` });
      if (team.code !== 0) throw new Error(`kalm team ${how} failed: ${team.stderr}`);
    },
  });
}

/** A page of the host with its inbox loaded. */
export async function openPage(browser: Browser, host: RunningHost): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(host.url);
  await expect(page.getByRole('listbox', { name: 'Unanswered reviews' }).getByRole('option').first()).toBeVisible();
  return page;
}

/** Opens a review's composer ("Answer", or "Continue" on a draft). */
export async function openComposer(page: Page, reviewId: string) {
  await page.getByRole('listbox', { name: 'Unanswered reviews' }).locator(`[data-review-id="${reviewId}"]`).click();
  await page.locator('article.detail').getByRole('button', { name: /^(Answer|Continue)/ }).first().click();
  const editor = page.getByRole('textbox', { name: 'Your reply' });
  await expect(editor).toBeEnabled();
  return editor;
}

/** The draft of a review as the page's host has it stored (null: none). */
export const draftOf = async (page: Page, reviewId: string) =>
  (await callApi<{ drafts: { reviewId: string; text: string }[] }>(page, 'drafts.list', {})).drafts.find((d) => d.reviewId === reviewId)?.text ?? null;

/**
 * The Google emulator, the stand-in with the team database "bakkerij" of anna and bram, and their two hosts: Anna
 * creates the team (`annaFirst` runs in her folder before that, with her environment), Bram joins. `close` stops all.
 */
export async function bakkerijHosts(annaFirst?: (env: Record<string, string>) => Promise<void>) {
  const emu = await startGoogleEmulator();
  const couch = await startStandIn();
  const hosts: RunningHost[] = [];
  const close = async () => {
    for (const h of hosts) await h.stop();
    await couch.close();
    await emu.close();
  };
  try {
    for (const m of ['anna', 'bram']) await couch.addUser(m, `${m}-pw`);
    await couch.createDb('bakkerij', ['anna', 'bram']);
    hosts.push(await teamHost(emu, couch, 'create', 'anna', annaFirst));
    hosts.push(await teamHost(emu, couch, 'join', 'bram'));
  } catch (err) {
    await close();
    throw err;
  }
  return { emu, couch, anna: hosts[0]!, bram: hosts[1]!, close };
}
