import type { Page } from '@playwright/test';
import { test, expect } from './web-host-fixture';

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();
const targets = (page: Page) => page.locator('section.settings-section', { has: page.getByRole('heading', { name: 'Reply-time targets and business hours' }) });
const overdueChip = (page: Page) => page.getByRole('button', { name: /^Overdue only/ });
const rows = (page: Page) => page.getByRole('listbox').getByRole('option');

/** The overdue count the inbox's chip shows, once the list is there. */
async function overdueCount(page: Page): Promise<number> {
  await expect(rows(page).first()).toBeVisible();
  const text = (await overdueChip(page).locator('.chip__count').textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
}

async function changeCount(page: Page, before: number): Promise<number> {
  await nav(page, 'Inbox');
  await expect.poll(() => overdueCount(page)).not.toBe(before);
  return overdueCount(page);
}

test('the Settings target and business hours decide the inbox overdue count and badges', async ({ page, host }) => {
  test.setTimeout(60_000);
  await page.goto(host.url);
  const atDefault = await overdueCount(page); // Google's default 24 h, plain hours

  await nav(page, 'Settings');
  const google = targets(page).getByRole('spinbutton', { name: 'Google hours', exact: true });
  await google.fill('1000');
  await google.press('Tab');
  const longTarget = await changeCount(page, atDefault);
  expect(longTarget).toBeLessThan(atDefault);

  // The youngest overdue review at 1000 clock hours (about six weeks old)…
  await overdueChip(page).click();
  await page.getByRole('combobox', { name: 'Order' }).selectOption('newest');
  await expect(rows(page)).not.toHaveCount(0);
  const youngest = rows(page).first();
  await expect(youngest.getByText('Overdue', { exact: true })).toBeVisible();
  const youngestId = await youngest.getAttribute('data-review-id');

  await nav(page, 'Settings');
  await targets(page).getByRole('checkbox', { name: 'Count only business hours' }).click();
  await expect(targets(page).getByRole('checkbox', { name: 'Count only business hours' })).toBeChecked();
  // …is not overdue when 1000 hours count only Monday to Friday 9–17 (25 weeks): fewer are, and it is not among them.
  const business = await changeCount(page, longTarget);
  expect(business).toBeLessThan(longTarget);
  await expect(overdueChip(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(rows(page).first()).not.toHaveAttribute('data-review-id', youngestId ?? '');
  await expect(page.locator(`[data-review-id="${youngestId}"]`)).toHaveCount(0);
  await expect(rows(page).first().getByText('Overdue', { exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/overdue-business-hours.png' });

  await nav(page, 'Dashboard');
  await page.getByRole('radiogroup', { name: 'Period' }).getByRole('radio', { name: 'All' }).click();
  await expect(page.getByTestId('overall-overdue')).toHaveText(String(business));
  await expect(page.getByText(/counted in business hours/).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/overdue-dashboard.png' });
});
