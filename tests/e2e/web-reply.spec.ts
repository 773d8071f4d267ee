import { test, expect } from './web-host-fixture';

test('answer a review: the draft autosaves, Ctrl+Enter and the checklist queue it, and it is published by itself', async ({ page, host }) => {
  await page.goto(host.url);
  // No cool-down for this test of drafts and publishing (web-composer.spec.ts covers the pause).
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  const pause = page.getByRole('checkbox', { name: /Pause before answering/ });
  await pause.click();
  await expect(pause).not.toBeChecked();
  await expect(page.getByLabel('Pause in seconds')).toBeDisabled();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Inbox' }).click();
  const list = page.getByRole('listbox', { name: 'Unanswered reviews' });
  const first = list.getByRole('option').first();
  const reviewId = await first.getAttribute('data-review-id');
  await first.click();
  await page.getByRole('button', { name: 'Answer' }).click();

  const editor = page.getByRole('textbox', { name: 'Your reply' });
  await editor.fill('Dag, dank je voor je review. Het spijt ons dat het niet goed ging; bel ons gerust. Groet, Sanne');
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  // Writing does not move the review out of the inbox.
  await expect(list.locator(`[data-review-id="${reviewId}"]`)).toBeVisible();
  await expect(editor).toBeFocused();

  // The draft survives a reload.
  await page.reload();
  await list.locator(`[data-review-id="${reviewId}"]`).click();
  await page.getByRole('button', { name: 'Answer' }).click();
  await expect(page.getByRole('textbox', { name: 'Your reply' })).toHaveValue(/dank je voor je review/);

  // Ctrl+Enter opens the one-minute checklist; after the three ticks it queues.
  await page.getByRole('textbox', { name: 'Your reply' }).press('Control+Enter');
  for (const box of await page.getByRole('checkbox').all()) await box.check();
  await page.keyboard.press('Control+Enter');
  // Queued: the review leaves the unanswered list and the next one is up.
  await expect(list.locator(`[data-review-id="${reviewId}"]`)).toHaveCount(0);
  await expect(list.getByRole('option', { selected: true })).toBeVisible();

  // The owner sees it was queued, then sent (the background publisher answers demo reviews locally).
  const toasts = page.getByRole('log', { name: 'Notifications' });
  await expect(toasts.getByText(/Reply queued/)).toBeVisible();
  await expect(toasts.getByText(/Reply saved as answered \(demo/)).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Outbox' }).click();
  await expect(page.getByRole('list', { name: 'Sent' }).getByText(/dank je voor je review/)).toBeVisible();
  await expect(page.getByText(/The outbox is empty/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Publish now' })).toBeDisabled();
});
