import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './web-host-fixture';

test('the date range follows the UI language (Dutch day order in an English browser), and says how to write a day it cannot read', async ({ page, host }, info) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(host.url);
  const list = page.getByRole('listbox');
  await expect(list.getByRole('option').first()).toBeVisible();
  const all = Number(await list.getAttribute('data-total'));
  await page.locator('.lang-switch__btn[lang="nl"]').click();

  const from = page.getByLabel('Vanaf datum', { exact: true });
  await expect(from).toHaveAttribute('placeholder', 'dd-mm-jjjj');
  await from.fill('1-3-2026');
  await from.press('Enter');
  await expect(page).toHaveURL(/from=2026-03-01/);
  await expect(from).toHaveValue('01-03-2026');
  await expect.poll(async () => Number(await list.getAttribute('data-total'))).toBeLessThan(all);

  const to = page.getByLabel('Tot en met datum', { exact: true });
  await to.fill('31-2-2026');
  await to.press('Tab');
  await expect(page.getByRole('alert')).toHaveText('Schrijf de datum als dd-mm-jjjj.');
  await expect(to).toHaveAttribute('aria-invalid', 'true');
  await expect(to).toHaveValue('31-2-2026');
  await expect(page).not.toHaveURL(/to=/);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: info.outputPath('inbox-dates-nl.png') });

  await to.fill('31-3-2026');
  await to.press('Enter');
  await expect(page).toHaveURL(/from=2026-03-01&to=2026-03-31/);
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The address keeps the days; back in English they show in English order.
  await page.reload();
  await page.locator('.lang-switch__btn[lang="en"]').click();
  await expect(page.getByLabel('To date', { exact: true })).toHaveValue(/^(03\/31\/2026|31\/03\/2026)$/);
});
