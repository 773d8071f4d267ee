import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './web-host-fixture';

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

test('axe: the inbox, its filters and the review view have no serious or critical violations, in English and Dutch', async ({ page, host }) => {
  await page.goto(host.url);
  const list = page.getByRole('listbox');
  await expect(list.getByRole('option').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // The review view of a translated review, with the translation open, and the list focused.
  await page.getByRole('searchbox', { name: 'Search reviews' }).fill('Kaffee');
  await expect(page).toHaveURL(/q=Kaffee/);
  await list.getByRole('option').first().click();
  const toggle = page.getByRole('article').getByRole('button', { name: 'Show translation' });
  if ((await toggle.count()) > 0) await toggle.click();
  expect(await seriousViolations(page)).toEqual([]);

  // The location list open, and the composer open.
  await page.getByRole('button', { name: /^Location/ }).click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('article').getByRole('button', { name: 'Answer' }).click();
  await expect(page.getByRole('article').getByLabel('Your reply')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // Answered view and the shortcuts dialog, in Dutch.
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'NL' }).click();
  await page.getByRole('tablist', { name: 'Weergaven' }).getByRole('tab', { name: /^Beantwoord/ }).click();
  await expect(page.getByRole('listbox', { name: 'Beantwoorde reviews' }).getByRole('option').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Sneltoetsen (?)' }).click();
  await expect(page.getByRole('dialog', { name: 'Sneltoetsen' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
