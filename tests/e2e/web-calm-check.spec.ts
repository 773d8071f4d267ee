import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './web-host-fixture';

const shots = 'test-results/calm-check';

/** Opens the composer on the first 4★ demo review (no cool-down pause) and returns its editor. */
async function openComposer(page: import('@playwright/test').Page, url: string, ui: 'en' | 'nl') {
  await page.goto(url);
  if (ui === 'nl') await page.getByRole('button', { name: 'NL', exact: true }).click();
  const list = page.getByRole('listbox', { name: ui === 'en' ? 'Unanswered reviews' : 'Onbeantwoorde reviews' });
  await expect(list.getByRole('option').first()).toBeVisible();
  await page.getByRole('button', { name: ui === 'en' ? /^4 stars:/ : /^4 sterren:/ }).click();
  await list.getByRole('option').first().click();
  await page.getByRole('button', { name: ui === 'en' ? 'Answer' : 'Beantwoorden' }).click();
  const editor = page.getByRole('textbox', { name: ui === 'en' ? 'Your reply' : 'Je reactie' });
  await expect(editor).toBeEnabled();
  return editor;
}

test('a blaming sentence is marked, its calm rewrite applied with one click, and the mark goes (English)', async ({ page, host }) => {
  const editor = await openComposer(page, host.url, 'en');
  await page.getByRole('radio', { name: 'English' }).click();
  const blaming = 'The delay was your fault, since you gave us the wrong address.';
  await editor.fill(`Hi Anna,\n\nThank you for your review. ${blaming}\n\nSanne`);

  // The whole sentence is marked as "must fix", and the finding offers a calmer way to say it.
  const mark = page.locator('.lint-mark[data-rule="blame"]');
  await expect(mark).toHaveText(blaming);
  const finding = page.locator('.lint__item[data-rule="blame"]');
  await expect(finding).toContainText('Must fix');
  await expect(finding).toContainText('We should have checked the address with you');
  await finding.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}-1-marked-en.png` });
  const axe = await new AxeBuilder({ page }).include('.lint').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  await finding.getByRole('button', { name: /^Replace “The delay was your fault.*with: We should have checked the address with you/ }).click();
  await expect(mark).toHaveCount(0);
  await expect(page.locator('.lint__item[data-rule="blame"]')).toHaveCount(0);
  await expect(editor).toHaveValue('Hi Anna,\n\nThank you for your review. We should have checked the address with you, and we are sorry it went wrong.\n\nSanne');
  await expect(page.getByText('Calm check: nothing to change.')).toBeVisible();
  await expect(editor).toBeFocused();
  await page.screenshot({ path: `${shots}-2-applied-en.png`, });
});

test('een verwijtende zin wordt gemarkeerd en met één klik rustig herschreven, in de u-vorm (Nederlands)', async ({ page, host }) => {
  const editor = await openComposer(page, host.url, 'nl');
  await page.getByRole('radio', { name: 'Nederlands' }).click();
  const blaming = 'Dan had u beter moeten lezen wat er op de website staat.';
  await editor.fill(`Beste Anna,\n\nBedankt voor uw review. ${blaming}\n\nSanne`);

  const mark = page.locator('.lint-mark[data-rule="lecturing"]');
  await expect(mark).toHaveText(blaming);
  const finding = page.locator('.lint__item[data-rule="lecturing"]');
  await expect(finding).toContainText('Moet anders');
  await finding.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}-3-marked-nl.png` });

  // The reply uses "u", so the rewrite does too.
  await finding.getByRole('button', { name: /^Vervang .* door: Dat hadden wij u beter moeten uitleggen/ }).click();
  await expect(mark).toHaveCount(0);
  await expect(editor).toHaveValue(/Bedankt voor uw review\. Dat hadden wij u beter moeten uitleggen; het spijt ons dat het u last bezorgde\.\n\nSanne$/);
  await expect(page.getByText('Kalm-check: niets aan te passen.')).toBeVisible();
  await page.screenshot({ path: `${shots}-4-applied-nl.png`, });
});
