import { test, expect, type RunningHost } from './web-host-fixture';

/** Calls the web host's API from the test, as the page does, to compare what the UI shows. */
async function apiQuery(host: RunningHost, input: object): Promise<{ items: { id: string; rating: number | null }[]; total: number }> {
  const { origin, hash } = new URL(host.url);
  const token = new URLSearchParams(hash.slice(1)).get('token') ?? '';
  const res = await fetch(`${origin}/api/reviews.query`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; value: { items: { id: string; rating: number | null }[]; total: number } };
  expect(body.ok).toBe(true);
  return body.value;
}

test('the demo inbox shows unanswered reviews lowest rating first, opens one, and switches to Dutch', async ({ page, host }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));

  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();
  const list = page.getByRole('listbox', { name: 'Unanswered reviews' });
  await expect(list.getByRole('option').first()).toBeVisible();
  // The token left the address bar.
  expect(page.url()).not.toContain('token=');

  // Same order as the core: rating ascending, then oldest first.
  const expected = await apiQuery(host, { status: 'unanswered', limit: 50 });
  expect(expected.total).toBeGreaterThan(50);
  // The list is virtualized: the rows in view are the first ones of the core's order.
  const shownIds = await list.getByRole('option').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-review-id')));
  expect(shownIds.length).toBeGreaterThan(3);
  expect(shownIds).toEqual(expected.items.slice(0, shownIds.length).map((r) => r.id));
  const stars = await list.getByRole('option').getByRole('img', { name: /of 5 stars$/ }).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  const ratings = stars.map((s) => Number(/^(\d) of 5 stars$/.exec(s)?.[1] ?? 9));
  expect(ratings[0]).toBe(1);
  expect(ratings).toEqual([...ratings].sort((a, b) => a - b));
  await expect(page.getByText(`${expected.total} unanswered`)).toBeVisible();

  // Open the third review: the detail pane shows its author.
  const third = list.getByRole('option').nth(2);
  const author = (await third.locator('.row__author').first().textContent()) ?? '';
  await third.click();
  await expect(third).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: author.trim() })).toBeVisible();

  // Keyboard: j moves to the next review.
  await page.keyboard.press('j');
  await expect(list.getByRole('option').nth(3)).toHaveAttribute('aria-selected', 'true');

  // Dutch.
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'NL' }).click();
  await expect(page.getByRole('listbox', { name: 'Onbeantwoorde reviews' })).toBeVisible();
  await expect(page.getByText(`${expected.total} onbeantwoord`)).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('img', { name: '1 van 5 sterren' }).first()).toBeVisible();
  // The choice survives a reload.
  await page.reload();
  await expect(page.getByRole('listbox', { name: 'Onbeantwoorde reviews' })).toBeVisible();

  expect(problems).toEqual([]);
});

test('hostile review text shows as text and runs nothing', async ({ page, host }) => {
  const hostile = '<img src=x onerror=alert(1)>';
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto(host.url);
  // The list is virtualized: find the review by searching for it.
  await page.getByRole('searchbox', { name: 'Search reviews' }).fill('onerror');
  const row = page.getByRole('listbox').getByRole('option').filter({ hasText: hostile });
  await expect(row).toBeVisible();
  await row.click();
  await expect(page.locator('main, [role="main"]').getByText(hostile, { exact: true }).last()).toBeVisible();
  await page.waitForTimeout(300); // give a would-be onerror handler its chance to fire
  expect(dialogs).toBe(0);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
});

test('the web host refuses a page opened without its token, and says so', async ({ page, host }) => {
  await page.goto(host.url.replace(/#token=.*/, ''));
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
});
