import { expect, test } from '@playwright/test';
import { queueReply } from './reply-steps';
import { bakkerijHosts, draftOf, openComposer, openPage } from './team-hosts';
import { callApi } from './web-host-fixture';

/**
 * Two desktops of one team in two browser pages (tests/e2e/team-hosts.ts): presence, drafts written while the team
 * server is down, and a reply published once. Drafts written while both are online: web-team-live-drafts.spec.ts.
 */
test('two desktops of one team: presence, both offline drafts kept, and a reply published once', async ({ browser }) => {
  test.setTimeout(240_000);
  const { emu, couch, anna, bram, close } = await bakkerijHosts();
  try {
    const [a, b] = [await openPage(browser, anna), await openPage(browser, bram)];
    const rows = b.getByRole('listbox', { name: 'Unanswered reviews' }).getByRole('option');
    const [first, second] = [await rows.nth(0).getAttribute('data-review-id'), await rows.nth(1).getAttribute('data-review-id')];
    const r1 = first ?? '', r2 = second ?? '';
    // Both synced the same location: the same reviews, not twice.
    expect((await callApi<{ total: number }>(a, 'reviews.query', { status: 'all', limit: 1 })).total).toBe((await callApi<{ total: number }>(b, 'reviews.query', { status: 'all', limit: 1 })).total);

    // Presence: Anna opens the composer; Bram sees it on the row and in the review.
    const annaEditor = await openComposer(a, r1);
    const bRow = b.getByRole('listbox', { name: 'Unanswered reviews' }).locator(`[data-review-id="${r1}"]`);
    await expect(bRow.getByTestId('team-presence')).toHaveText('anna is answering this review', { timeout: 30_000 });
    await bRow.click();
    await expect(b.locator('article.detail').getByTestId('team-presence')).toHaveText('anna is answering this review');

    // Both draft the same review while the team server is down: both texts survive, each sees the other's.
    await couch.pause();
    // Both really are apart: each header says the team is offline before anyone types.
    await expect(a.getByTestId('team-status')).toContainText('offline', { timeout: 60_000 });
    await expect(b.getByTestId('team-status')).toContainText('offline', { timeout: 60_000 });
    await annaEditor.fill('Anna: sorry for the wait, we are on it.');
    const bramEditor = await openComposer(b, r1);
    await bramEditor.fill('Bram: we will call you today.');
    await expect.poll(() => draftOf(a, r1)).toBe('Anna: sorry for the wait, we are on it.');
    await expect.poll(() => draftOf(b, r1)).toBe('Bram: we will call you today.');
    await couch.resume();
    await expect(b.getByTestId('other-drafts').getByText('anna also drafted a reply')).toBeVisible({ timeout: 90_000 });
    await expect(b.getByTestId('other-drafts')).toContainText('Anna: sorry for the wait, we are on it.');
    await expect(a.getByTestId('other-drafts').getByText('bram also drafted a reply')).toBeVisible({ timeout: 90_000 });
    await expect(a.getByTestId('other-drafts')).toContainText('Bram: we will call you today.');
    await expect(annaEditor).toHaveValue('Anna: sorry for the wait, we are on it.');
    await expect(bramEditor).toHaveValue('Bram: we will call you today.');

    // Anna publishes a reply to another review (both hosts publish in the background): answered on Bram's desktop, sent once.
    const replyPuts = () => emu.requests.filter((r) => r.method === 'PUT' && r.path.endsWith('/reply')).length;
    const before = replyPuts();
    const editor = await openComposer(a, r2);
    await editor.fill('Dank je wel voor je review! We zien je graag terug. Groet, Anna');
    await queueReply(a, editor);
    await expect.poll(async () => (await callApi<{ items: { id: string }[] }>(b, 'reviews.query', { status: 'answered', limit: 500 })).items.some((r) => r.id === r2), { timeout: 90_000 }).toBe(true);
    await expect(b.getByRole('listbox', { name: 'Unanswered reviews' }).locator(`[data-review-id="${r2}"]`)).toHaveCount(0);
    expect(replyPuts() - before).toBe(1);
    // Bram's desktop publishes too (every minute and on changes): it never sends it a second time.
    await b.waitForTimeout(5_000);
    await callApi(b, 'outbox.publish', {});
    expect(replyPuts() - before).toBe(1);
  } finally {
    await close();
  }
});
