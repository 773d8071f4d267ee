import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startHost } from './web-host-fixture';

test('a broken review file is moved aside and the user is told which file and why', async ({ page }) => {
  const host = await startHost({
    prepare: async (dataDir) => {
      await mkdir(join(dataDir, 'reviews'), { recursive: true });
      await writeFile(join(dataDir, 'reviews', 'google--gent.json'), '{"schemaVersion":1,"source":"google","locationId":"gent","reviews":[{"id":');
    },
  });
  try {
    await page.goto(host.url);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('reviews/google--gent.json');
    await expect(alert).toContainText('not valid JSON');
    // The app keeps working: the empty-inbox choice is offered, and loading the demo fills the inbox.
    await page.getByRole('button', { name: 'Load the demo' }).click();
    await expect(page.getByRole('listbox', { name: 'Unanswered reviews' }).getByRole('option').first()).toBeVisible();
    // Nothing was thrown away.
    const quarantined = await readdir(join(host.dataDir, 'quarantine'));
    expect(quarantined.some((f) => f.includes('google--gent.json'))).toBe(true);
  } finally {
    await host.stop();
  }
});
