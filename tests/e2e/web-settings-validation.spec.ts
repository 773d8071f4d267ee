import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './web-host-fixture';

const storedTargets = async (dataDir: string): Promise<unknown> => {
  const raw = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')) as { preferences?: { replyTargetHours?: unknown } };
  return raw.preferences?.replyTargetHours;
};

test('a Google reply target of 2000 h says what is wrong next to the field and is not shown (or stored) as saved; 36 h is', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  const targets = page.locator('section.settings-section', { has: page.getByRole('heading', { name: 'Reply-time targets and business hours' }) });
  const google = targets.getByRole('spinbutton', { name: 'Google hours', exact: true });
  await expect(google).toHaveValue('24');

  await google.fill('2000');
  await google.press('Tab');
  await expect(targets.getByRole('alert')).toHaveText('At most 1,440.');
  await expect(google).toHaveAttribute('aria-invalid', 'true');
  await expect(google).toHaveValue('2000');
  await expect(targets.getByText('Saved')).toHaveCount(0);
  await targets.screenshot({ path: test.info().outputPath('target-refused-en.png') });
  expect(await storedTargets(host.dataDir)).not.toMatchObject({ google: 2000 });

  // In Dutch the message is Dutch.
  await page.locator('.topbar .lang-switch').getByRole('button', { name: 'NL' }).click();
  const targetsNl = page.locator('section.settings-section', { has: page.getByRole('heading', { name: 'Reactietijden en openingstijden' }) });
  const googleNl = targetsNl.getByRole('spinbutton', { name: 'Google uur', exact: true });
  await googleNl.fill('2001');
  await googleNl.press('Tab');
  await expect(targetsNl.getByRole('alert')).toHaveText('Hoogstens 1.440.');
  await page.locator('.topbar .lang-switch').getByRole('button', { name: 'EN' }).click();

  await google.fill('36');
  await google.press('Tab');
  await expect(targets.getByText('Saved')).toBeVisible();
  await expect(google).toHaveAttribute('aria-invalid', 'false');
  await expect.poll(() => storedTargets(host.dataDir)).toMatchObject({ google: 36 });
  // The language switch was kept with the settings too.
  const raw = JSON.parse(await readFile(join(host.dataDir, 'settings.json'), 'utf8')) as { preferences?: { language?: unknown } };
  expect(raw.preferences?.language).toBe('en');
});

test('a business name over 200 characters says so next to the field, stays for correcting and is not stored; a short one is', async ({ page, host }) => {
  const storedName = async (): Promise<unknown> => {
    const raw = JSON.parse(await readFile(join(host.dataDir, 'settings.json'), 'utf8')) as { preferences?: { businessName?: unknown } };
    return raw.preferences?.businessName;
  };
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  const general = page.locator('section.settings-section', { has: page.getByRole('heading', { name: 'Business and signature' }) });
  const name = general.getByRole('textbox', { name: 'Business name', exact: true });
  const tooLong = 'Bakkerij '.repeat(23); // 207 characters

  await name.fill(tooLong);
  await name.press('Tab');
  await expect(general.getByRole('alert')).toHaveText('At most 200 characters.');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveValue(tooLong);
  await expect(general.getByText('Saved')).toHaveCount(0);
  await general.screenshot({ path: test.info().outputPath('name-refused-en.png') });
  expect(await storedName()).not.toBe(tooLong);

  await name.fill('Bakkerij De Zon');
  await name.press('Enter');
  await expect(general.getByText('Saved')).toBeVisible();
  await expect(name).toHaveAttribute('aria-invalid', 'false');
  await expect(name).toBeFocused();
  await expect.poll(storedName).toBe('Bakkerij De Zon');
});
