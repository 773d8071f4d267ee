import type { Page } from '@playwright/test';
import { test, expect } from './web-host-fixture';
import { chainHostForDescribe } from './web-inbox-data';

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();
const section = (page: Page, title: string) => page.locator('section.settings-section', { has: page.getByRole('heading', { name: title }) });
const overdueCount = async (page: Page) => Number(((await page.getByRole('button', { name: /^Overdue only/ }).locator('.chip__count').textContent()) ?? '').replace(/\D/g, ''));

test.describe('label rules and business-hour targets at 100,000 reviews', () => {
  const chain = chainHostForDescribe(100_000, 200);

  test('a rule preview answers while typing, and business hours change the overdue count', async ({ page }, info) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(chain.url());
    await expect(page.getByRole('listbox').getByRole('option').first()).toBeVisible({ timeout: 60_000 });
    const before = await overdueCount(page);
    expect(before).toBeGreaterThan(1000);

    await nav(page, 'Settings');
    const labels = section(page, 'Labels');
    await labels.getByRole('textbox', { name: 'New label' }).fill('Brood');
    await labels.getByRole('button', { name: 'Add label' }).click();
    await labels.getByRole('button', { name: 'Add rule' }).click();
    const rule = labels.getByRole('listitem', { name: 'Rule 1' });
    await rule.getByRole('textbox', { name: 'Text contains any of' }).fill('brood, koffie koud');
    await rule.getByRole('textbox', { name: 'Text contains any of' }).press('Tab');
    await expect(rule.getByText(/^Hits [\d,.]+ reviews? now/)).toBeVisible();
    const words = (await rule.locator('.rule__preview').textContent()) ?? '';
    await rule.getByRole('combobox', { name: 'Rating to' }).selectOption('2');
    await expect(rule.locator('.rule__preview')).not.toHaveText(words);
    await rule.screenshot({ path: info.outputPath('rule-preview-100k.png') });

    await section(page, 'Reply-time targets and business hours').getByRole('checkbox', { name: 'Count only business hours' }).click();
    await nav(page, 'Inbox');
    await expect.poll(() => overdueCount(page)).not.toBe(before);
    expect(await overdueCount(page)).toBeLessThan(before);
    await page.getByRole('button', { name: /^Overdue only/ }).click();
    await expect(page.getByRole('listbox').getByRole('option').first().getByText('Overdue', { exact: true })).toBeVisible();
    await page.screenshot({ path: info.outputPath('overdue-100k.png') });
  });
});
