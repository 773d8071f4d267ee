import { access, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, startHost, test } from './web-host-fixture';

/** The ids of the inbox's first rows as painted. */
async function firstRows(page: Page): Promise<string[]> {
  const rows = page.locator('[role="listbox"] [role="option"][data-review-id]');
  await expect(rows.first()).toBeVisible();
  return rows.evaluateAll((els) => els.slice(0, 12).map((e) => e.getAttribute('data-review-id') ?? ''));
}

/**
 * Cold start (issue 24): the app saves the inbox's first page when it closes; the next start shows it from that
 * (asked by the page's boot script before the app's script loaded) — the same rows the full load shows.
 */
test('after a restart the inbox shows the same first rows from the saved first page as from the full load', async ({ page }) => {
  const first = await startHost();
  await page.goto(first.url);
  const before = await firstRows(page);
  await first.stop({ keepData: true });
  const saved = join(first.dataDir, 'reviews', '.kalm-first-page.json');
  await access(saved); // written when the app closed

  const again = await startHost({ dataDir: first.dataDir });
  const early: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/reviews.query')) early.push(r.postData() ?? '');
  });
  await page.goto(again.url);
  expect(await firstRows(page)).toEqual(before);
  // The boot script asked for exactly the inbox's first request; the app did not ask it again.
  const first50 = '{"view":"unanswered","sort":"priority","offset":0,"limit":50}';
  expect(early.filter((b) => b === first50)).toHaveLength(1);
  await page.screenshot({ path: 'test-results/web-first-page.png' });
  await again.stop({ keepData: true });

  // Without the saved page (or with any file changed) the core answers: the same rows.
  await rm(saved);
  const full = await startHost({ dataDir: first.dataDir });
  await page.goto(full.url);
  expect(await firstRows(page)).toEqual(before);
  await full.stop();
});
