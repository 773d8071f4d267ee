import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startHost, test, expect } from './web-host-fixture';

const section = (page: Page) => page.locator('section.settings-section', { has: page.getByRole('heading', { name: 'Alerts and background sync' }) });

test('Settings shows background sync paused on battery saver, and running again when it is off', async ({ page }) => {
  test.setTimeout(60_000);
  // A Linux sysfs as power-profiles-daemon leaves it in "power-saver" on a laptop on battery.
  const sys = await mkdtemp(join(tmpdir(), 'kalm-sysfs-'));
  const put = async (path: string, text: string) => {
    await mkdir(join(sys, path, '..'), { recursive: true });
    await writeFile(join(sys, path), `${text}\n`);
  };
  await put('firmware/acpi/platform_profile', 'low-power');
  await put('class/power_supply/BAT0/type', 'Battery');
  await put('class/power_supply/BAT0/status', 'Discharging');
  const host = await startHost({ env: { KALM_SYSFS_ROOT: sys } });
  try {
    await page.goto(host.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    const status = page.getByTestId('background-status');
    await expect(status.getByRole('status')).toHaveText('Background sync: paused: battery saver');
    await expect(status).toContainText('Pauses while this computer saves power (battery saver). On battery power.');
    await status.scrollIntoViewIfNeeded();
    await section(page).screenshot({ path: 'test-results/battery-saver-settings.png' });

    await put('firmware/acpi/platform_profile', 'balanced');
    await section(page).getByRole('combobox', { name: 'Sync in the background' }).selectOption('30');
    await expect(status.getByRole('status')).toHaveText('Background sync: on, every 30 min');

    await page.getByRole('button', { name: 'NL', exact: true }).first().click();
    await expect(status.getByRole('status')).toHaveText('Synchroniseren op de achtergrond: aan, elke 30 min');
  } finally {
    await host.stop();
    await rm(sys, { recursive: true, force: true });
  }
});
