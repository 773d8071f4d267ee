import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runKalm } from '../unit/run-kalm';
import { turnOffPause } from './reply-steps';
import { test, expect } from './web-host-fixture';

const CSV = [
  'Review Id,Review Created (UTC),Review Consumer Name,Review Stars,Review Title,Review Content,Review Url',
  'tp-1,2026-01-05 10:00:00,Noor Visser,2,Koude koffie,"De koffie was lauw, en niemand vroeg of alles goed was.",https://www.trustpilot.com/reviews/tp-1',
  'tp-2,2026-01-06 11:30:00,Bas Kramer,4,Top,Altijd vers brood.,https://www.trustpilot.com/reviews/tp-2',
].join('\n');

/** The files in a data-folder subfolder, leaving out Kalm's dot-named metadata beside the shards (manifest, saved first page). */
const filesIn = async (dir: string, sub: string) => (await readdir(join(dir, sub)).catch(() => [] as string[])).filter((f) => !f.startsWith('.'));

test('the first import asks about the demo; "Keep" keeps its reviews (marked Demo), Settings removes it with a counted confirmation', async ({ page, host }) => {
  await page.goto(host.url);
  await turnOffPause(page);
  // The owner's work on a demo review: a draft.
  const unanswered = page.getByRole('listbox', { name: 'Unanswered reviews' });
  await unanswered.getByRole('option').first().click();
  await page.getByRole('button', { name: 'Answer' }).click();
  await page.getByRole('textbox', { name: 'Your reply' }).fill('Dank je wel, tot snel!');
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();

  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('button', { name: 'Sources' }).click();
  const card = page.getByRole('region', { name: 'Import reviews from a file' });
  await card.getByLabel('Choose a file…').setInputFiles({ name: 'trustpilot-export.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await card.getByRole('button', { name: 'Import 2 reviews' }).click();
  await expect(card.getByRole('status').filter({ hasText: 'Imported 2 reviews into Trustpilot' })).toBeVisible();

  // The question, with what would go with the demo counted.
  const question = card.getByRole('group', { name: 'The demo is still here, beside your reviews.' });
  await expect(question.getByRole('button', { name: /^Remove the demo now \(1 draft, 0 replies, \d+ labels?, 0 notes go with it\)$/ })).toBeVisible();
  await card.screenshot({ path: 'test-results/web-demo-question.png' });
  await question.getByRole('button', { name: 'Keep it beside your reviews for now' }).click();
  await expect(card.getByText('Kept. Remove it any time in Settings → Data folder.')).toBeVisible();
  expect(await filesIn(host.dataDir, 'drafts')).toHaveLength(1);

  // The inbox shows both; demo rows say so, imported ones do not.
  await nav.getByRole('button', { name: 'Inbox' }).click();
  await expect(unanswered.getByRole('option').nth(1).getByText('Demo', { exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/web-demo-kept-inbox.png' });
  await page.getByRole('searchbox').or(page.getByPlaceholder(/Search text, author or reply/)).first().fill('Noor Visser');
  await expect(unanswered.getByRole('option')).toHaveCount(1);
  await expect(unanswered.getByRole('option').filter({ hasText: 'Noor Visser' }).getByText('Demo', { exact: true })).toHaveCount(0);
  await page.getByPlaceholder(/Search text, author or reply/).fill('');
  const before = JSON.parse((await runKalm(['reviews', '--json'], { KALM_DATA_DIR: host.dataDir })).stdout) as { source: string }[];
  const demoCount = before.filter((r) => r.source === 'google').length;
  expect(demoCount).toBeGreaterThan(100);

  // Settings → Data folder: remove the demo, after a confirmation that counts.
  await nav.getByRole('button', { name: 'Settings' }).click();
  const section = page.getByRole('group', { name: 'The demo' });
  await section.getByRole('button', { name: 'Remove the demo' }).click();
  await expect(section.getByRole('alertdialog')).toContainText(new RegExp(`^Remove the demo with ${demoCount} reviews\\? 1 draft, 0 replies, \\d+ labels?, 0 notes go with it\\.`));
  await section.screenshot({ path: 'test-results/web-demo-settings-confirm.png' });
  await section.getByRole('button', { name: 'Yes, remove the demo' }).click();
  await expect(page.getByRole('status').filter({ hasText: new RegExp(`^Removed the demo: ${demoCount} reviews, 1 draft`) })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove the demo' })).toHaveCount(0);

  await nav.getByRole('button', { name: 'Inbox' }).click();
  await expect(unanswered.getByRole('option')).toHaveCount(2);
  const after = JSON.parse((await runKalm(['reviews', '--json'], { KALM_DATA_DIR: host.dataDir })).stdout) as { source: string }[];
  expect(after.map((r) => r.source)).toEqual(['trustpilot', 'trustpilot']);
  expect(await filesIn(host.dataDir, 'drafts')).toEqual([]);
  expect((await filesIn(host.dataDir, 'reviews')).filter((f) => f.startsWith('google'))).toEqual([]);

  // An imported source goes the same way: counted, confirmed, nothing left behind.
  await unanswered.getByRole('option').filter({ hasText: 'Noor Visser' }).click();
  await page.getByRole('button', { name: 'Answer' }).click();
  await page.getByRole('textbox', { name: 'Your reply' }).fill('Beste Noor, dat spijt ons.');
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await nav.getByRole('button', { name: 'Sources' }).click();
  const imported = page.getByRole('list', { name: 'Imported sources' });
  await imported.getByRole('button', { name: 'Remove Trustpilot…' }).click();
  await expect(imported.getByRole('alertdialog')).toHaveText(/^Remove Trustpilot with 2 reviews\? 1 draft, 0 replies, 0 labels, 0 notes go with it\./);
  await imported.getByRole('button', { name: 'Yes, remove Trustpilot' }).click();
  await expect(page.getByRole('list', { name: 'Imported sources' })).toHaveCount(0);
  expect(await filesIn(host.dataDir, 'drafts')).toEqual([]);
  expect(await filesIn(host.dataDir, 'reviews')).toEqual([]);
});
