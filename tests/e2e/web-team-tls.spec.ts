import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { makeTestCa, startHttpsFront, type HttpsFront } from '../team/https-front';
import { startStandIn, type StandIn } from '../team/standin-server';
import { startHost, type RunningHost } from './web-host-fixture';

/**
 * Settings → Team workspace against a team server behind HTTPS with a certificate of the team's own CA (a real https
 * server in this process in front of the CouchDB stand-in): refused with a clear sentence in English and Dutch, then
 * joined with the CA file, after which Settings says which CA it trusts and where the password is kept.
 */
const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();

test('joining a team server with a company CA: the certificate message in EN and NL, then the CA file', async ({ page }) => {
  test.setTimeout(120_000);
  let couch: StandIn | null = null;
  let front: HttpsFront | null = null;
  let host: RunningHost | null = null;
  const caDir = await mkdtemp(join(tmpdir(), 'kalm-e2e-ca-'));
  try {
    couch = await startStandIn();
    await couch.addUser('anna', 'anna-pw');
    await couch.createDb('bakkerij', ['anna']);
    const ca = await makeTestCa();
    const caFile = join(caDir, 'bakkerij-ca.pem');
    await writeFile(caFile, ca.cert);
    front = await startHttpsFront(couch.url, ca);
    host = await startHost();

    await page.goto(host.url);
    await nav(page, 'Settings');
    const team = page.getByTestId('team-settings');
    await team.getByLabel('Team server (CouchDB 3)').fill(front.url);
    await team.getByLabel('Workspace name').fill('bakkerij');
    await team.getByLabel('Your user name').fill('anna');
    await team.getByLabel('Password').fill('anna-pw');
    await team.getByRole('button', { name: 'Join team workspace' }).click();
    const alert = team.getByRole('alert');
    await expect(alert).toHaveText(/^This computer does not trust the certificate of the team server/);
    await team.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/e2e/team-tls-untrusted-en.png' });

    await page.getByRole('banner').getByRole('group', { name: 'Language' }).getByRole('button', { name: 'NL' }).click();
    await expect(alert).toHaveText(/^Deze computer vertrouwt het certificaat van de teamserver niet/);
    await page.screenshot({ path: 'test-results/e2e/team-tls-untrusted-nl.png' });

    await team.getByLabel('CA-certificaat van je bedrijf (optioneel)').fill(caFile);
    await team.getByRole('button', { name: 'Aansluiten bij teamwerkruimte' }).click();
    await expect(team.getByText(`Vertrouwt het CA-certificaat in ${caFile}.`)).toBeVisible({ timeout: 30_000 });
    // The web host keeps the password in the 0600 file, and says so.
    await expect(team.getByText('Je wachtwoord staat in een bestand dat alleen jouw gebruikersaccount kan lezen', { exact: false })).toBeVisible();
    await expect(page.getByTestId('team-status')).toHaveText(/^Team: /);
    await page.screenshot({ path: 'test-results/e2e/team-tls-joined-nl.png' });
  } finally {
    await host?.stop();
    await front?.close();
    await couch?.close();
    await rm(caDir, { recursive: true, force: true });
  }
});
