import { expect, test } from '@playwright/test';
import { bakkerijHosts, draftOf, openComposer, openPage } from './team-hosts';

const shots = 'test-results/team-live-drafts';

test('two live desktops draft the same review: neither text is lost, each sees the other one beside hers', async ({ browser }) => {
  test.setTimeout(240_000);
  const team = await bakkerijHosts();
  try {
    const [a, b] = [await openPage(browser, team.anna), await openPage(browser, team.bram)];
    const r1 = (await b.getByRole('listbox', { name: 'Unanswered reviews' }).getByRole('option').first().getAttribute('data-review-id')) ?? '';

    // Anna drafts; it reaches Bram's desktop while both are online, and his composer opens with her text.
    const annaEditor = await openComposer(a, r1);
    await annaEditor.fill('Anna: sorry for the wait.');
    await expect.poll(() => draftOf(b, r1), { timeout: 30_000 }).toBe('Anna: sorry for the wait.');
    const bramEditor = await openComposer(b, r1);
    await expect(bramEditor).toHaveValue('Anna: sorry for the wait.');

    // Bram writes his own: Anna's composer keeps hers and shows his beside it, as it arrives.
    await bramEditor.fill('Bram: we will call you today.');
    const annaPanel = a.getByTestId('other-drafts');
    await expect(annaPanel.getByText('bram also drafted a reply')).toBeVisible({ timeout: 30_000 });
    await expect(annaPanel).toContainText('Bram: we will call you today.');
    await expect(annaEditor).toHaveValue('Anna: sorry for the wait.');
    expect(await draftOf(a, r1)).toBe('Anna: sorry for the wait.');

    // Anna edits on: Bram (in Dutch) keeps his text and sees her new one beside it.
    await b.getByRole('button', { name: 'NL', exact: true }).click();
    await annaEditor.fill('Anna: sorry for the wait, we are on it.');
    const bramPanel = b.getByTestId('other-drafts');
    await expect(bramPanel.getByText('anna heeft ook een reactie geschreven')).toBeVisible({ timeout: 30_000 });
    await expect(bramPanel).toContainText('Anna: sorry for the wait, we are on it.');
    await expect(b.getByRole('textbox', { name: 'Je reactie' })).toHaveValue('Bram: we will call you today.');
    expect(await draftOf(b, r1)).toBe('Bram: we will call you today.');
    await expect(annaPanel).toContainText('Bram: we will call you today.');
    await a.screenshot({ path: `${shots}-1-anna-en.png` });
    await b.screenshot({ path: `${shots}-2-bram-nl.png` });

    // Anna keeps hers: settled for the team; Bram's composer (all saved) follows it, nothing is beside it any more.
    await annaPanel.getByRole('button', { name: 'Keep mine' }).click();
    await expect(annaPanel).toHaveCount(0);
    await expect(annaEditor).toHaveValue('Anna: sorry for the wait, we are on it.');
    await expect.poll(() => draftOf(b, r1), { timeout: 30_000 }).toBe('Anna: sorry for the wait, we are on it.');
    await expect(bramPanel).toHaveCount(0);
    await expect(b.getByRole('textbox', { name: 'Je reactie' })).toHaveValue('Anna: sorry for the wait, we are on it.');
    expect(await draftOf(a, r1)).toBe('Anna: sorry for the wait, we are on it.');
  } finally {
    await team.close();
  }
});
