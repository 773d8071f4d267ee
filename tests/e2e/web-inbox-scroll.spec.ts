import { callApi, expect, test } from './web-host-fixture';

/**
 * The user scrolled down the inbox, away from the selected first review; new data arrives (here: a review marked done
 * elsewhere, so the list is one shorter). The list keeps where the user scrolled instead of jumping back to the
 * selected row; moving the selection with the keyboard still brings it into view.
 */
test('new data does not pull a scrolled list back to the selected review', async ({ page, host }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  const list = page.getByRole('listbox');
  await expect(list.getByRole('option').first()).toBeVisible();
  const first = await list.getByRole('option').first().getAttribute('data-review-id');
  const before = Number(await list.getAttribute('data-total'));
  expect(before).toBeGreaterThan(12);

  await list.evaluate((el) => {
    el.scrollTop = 1200;
  });
  await expect.poll(() => list.evaluate((el) => el.scrollTop)).toBeGreaterThan(1000);
  // The last review in the list is answered elsewhere: the inbox refreshes with one review fewer.
  const last = await callApi<{ items: { id: string }[] }>(page, 'reviews.query', { offset: 0, limit: 500 });
  const id = last.items.at(-1)?.id;
  expect(id).toBeTruthy();
  await callApi(page, 'reviews.markDone', { ids: [id], done: true });
  await expect(list).toHaveAttribute('data-total', String(before - 1));
  await page.waitForTimeout(300); // a jump would come with the render after the new total
  expect(await list.evaluate((el) => el.scrollTop)).toBeGreaterThan(1000);

  // A new selection still scrolls: Home selects the first review and shows it.
  await list.focus();
  await page.keyboard.press('Home');
  await expect(list.locator(`[data-review-id="${first}"]`)).toBeInViewport();
});
