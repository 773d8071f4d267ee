import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { playTime, startGoogleEmulator } from '../emulator';
import { queueReply, writeNoPauseSettings } from './reply-steps';
import { startHost } from './web-host-fixture';

const PKG = 'nl.zonnebloem.bestel';
const HOUR = 3_600_000;

async function answer(page: Page, reviewId: string, text: string): Promise<void> {
  await page.getByRole('listbox', { name: 'Unanswered reviews' }).locator(`[data-review-id="${reviewId}"]`).click();
  await page.getByRole('button', { name: 'Answer' }).click();
  const editor = page.getByRole('textbox', { name: 'Your reply' });
  await editor.fill(text);
  await queueReply(page, editor);
}

test('Google Play with a service-account key: connect in Sources, sync, reply, a changed review stops the reply, no Delete for Play', async ({ page }) => {
  test.setTimeout(120_000);
  const emu = await startGoogleEmulator();
  emu.play.add(PKG, {
    reviewId: 'gp:AOqpTOcrash', authorName: 'Bram',
    user: { text: 'Crasht steeds\tSinds de update sluit de app bij het afrekenen.', starRating: 1, lastModified: playTime(Date.now() - 2 * HOUR), reviewerLanguage: 'nl_NL', device: 'shiba', appVersionName: '4.1.2' },
    translations: { en: 'Keeps crashing\tSince the update the app closes at checkout.' },
  });
  emu.play.add(PKG, {
    reviewId: 'gp:AOqpTOslow', authorName: 'Ineke',
    user: { text: 'Traag bij het openen.', starRating: 2, lastModified: playTime(Date.now() - 3 * HOUR), reviewerLanguage: 'nl_NL' },
  });
  const key = JSON.stringify(emu.serviceAccounts.createKey(), null, 2);
  // No OAuth client at all: the key is the only way in.
  const host = await startHost({
    env: { KALM_GOOGLE_API_ROOT: emu.origin, KALM_GOOGLE_TOKEN_URL: emu.tokenUrl, KALM_GOOGLE_AUTH_URL: emu.authUrl, KALM_GOOGLE_CLIENT_ID: '', KALM_GOOGLE_CLIENT_SECRET: '' },
    prepare: writeNoPauseSettings,
  });
  try {
    await page.goto(host.url);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('button', { name: 'Sources' }).click();
    const card = page.locator('section.card', { has: page.getByRole('heading', { name: 'Google Play', level: 2 }) });
    await card.getByLabel('App package name').fill(PKG);

    // A wrong file first: the reason, and nothing connected.
    await card.locator('input[type="file"]').setInputFiles({ name: 'client_secret.json', mimeType: 'application/json', buffer: Buffer.from('{"installed":{"client_id":"x"}}') });
    await card.getByRole('button', { name: 'Use this key' }).click();
    await expect(card.getByRole('alert')).toContainText('this is an OAuth client file');
    await card.getByRole('button', { name: 'Try again' }).click().catch(() => undefined);

    await card.locator('input[type="file"]').setInputFiles({ name: 'kalm-play-key.json', mimeType: 'application/json', buffer: Buffer.from(key) });
    await card.getByRole('button', { name: 'Use this key' }).click();
    await expect(card.getByRole('status')).toContainText(/Connected as kalm-play@/);
    await expect(card.getByText(PKG, { exact: true })).toBeVisible();
    await card.getByRole('button', { name: 'Sync Play now' }).click();
    await expect(card.getByRole('status').filter({ hasText: /^Synced/ })).toContainText('Synced 1 app: 2 reviews fetched, 2 new');
    // The page asked Play for its own language (English): the translation is kept apart from the original.
    expect(emu.requests.filter((r) => r.path.endsWith('/reviews')).at(-1)?.query.translationLanguage).toBe('en');
    // The demo was kept when Play connected; the card asks, and the owner removes it now (issue 17).
    await card.getByRole('button', { name: /^Remove the demo now \(/ }).click();
    await expect(card.getByText(/^Removed the demo: \d+ reviews/)).toBeVisible();
    await card.screenshot({ path: 'test-results/e2e/play-key.png' });
    const a11y = await new AxeBuilder({ page }).include('section.card').analyze();
    expect(a11y.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    await nav.getByRole('button', { name: 'Inbox' }).click();
    const crash = `play:${PKG}:gp:AOqpTOcrash`;
    const slow = `play:${PKG}:gp:AOqpTOslow`;
    await answer(page, crash, 'Sorry Bram! Versie 4.1.3 lost het afrekenen op. Groet, Anna');
    await expect.poll(() => emu.play.replyOf(PKG, 'gp:AOqpTOcrash')?.text, { timeout: 20_000 }).toBe('Sorry Bram! Versie 4.1.3 lost het afrekenen op. Groet, Anna');

    // The reviewer edits the other review before Kalm's reply goes out: Kalm re-reads it and stops.
    emu.faults.down(true);
    await answer(page, slow, 'Dank je Ineke, we kijken naar het openen. Groet, Anna');
    await nav.getByRole('button', { name: 'Outbox' }).click();
    const items = page.getByRole('list', { name: 'Queued replies' }).getByRole('listitem');
    await expect(items.getByText(/Waiting: No connection/)).toHaveCount(1, { timeout: 30_000 });
    emu.play.edit(PKG, 'gp:AOqpTOslow', { text: 'Traag bij het openen, en nu crasht hij ook.', starRating: 1 });
    emu.faults.down(false);
    await page.getByRole('button', { name: 'Publish now' }).click();
    const changed = items.filter({ has: page.locator('[data-conflict-kind="changed"]') });
    await expect(changed.locator('blockquote', { hasText: 'nu crasht hij ook' })).toBeVisible({ timeout: 20_000 });
    expect(emu.play.replyOf(PKG, 'gp:AOqpTOslow')).toBeUndefined();
    await page.screenshot({ path: 'test-results/e2e/play-conflict.png', fullPage: true });

    // A posted Play reply: Edit, but no Delete (Play has no call for it), and the reason.
    await nav.getByRole('button', { name: 'Inbox' }).click();
    await page.getByRole('tab', { name: /Answered/ }).click();
    await page.locator(`[data-review-id="${crash}"]`).click();
    const posted = page.getByRole('region', { name: /Your reply/ });
    await expect(posted.getByText('Google Play has no way to remove a reply; edit it to change what it says.')).toBeVisible();
    await expect(posted.getByRole('button', { name: 'Delete reply' })).toHaveCount(0);
    await expect(posted.getByRole('button', { name: 'Edit reply' })).toBeVisible();
    await page.screenshot({ path: 'test-results/e2e/play-posted.png', fullPage: true });
  } finally {
    await host.stop();
    await emu.close();
  }
});
