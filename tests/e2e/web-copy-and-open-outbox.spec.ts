import { runKalm } from '../unit/run-kalm';
import { queueReply, turnOffPause } from './reply-steps';
import { test, expect } from './web-host-fixture';

const CSV = [
  'Review Id,Review Created (UTC),Review Consumer Name,Review Stars,Review Title,Review Content,Review Url',
  'tp-1,2026-01-05 10:00:00,Noor Visser,2,Koude koffie,"De koffie was lauw, en niemand vroeg of alles goed was.",https://www.trustpilot.com/reviews/tp-1',
  'tp-2,2026-01-06 11:30:00,Bas Kramer,5,Top,Altijd vers brood.,https://www.trustpilot.com/reviews/tp-2',
].join('\n');

test('a reply to an imported review queued with Ctrl+Enter is finished from the Outbox: copy, open, "I posted it", answered', async ({ page, host, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await context.route('https://www.trustpilot.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Trustpilot review</title><h1>Review page</h1>' }));
  await page.goto(host.url);
  await turnOffPause(page);
  const nav = page.getByRole('navigation', { name: 'Main' });

  // Import through the UI.
  await nav.getByRole('button', { name: 'Sources' }).click();
  const card = page.getByRole('region', { name: 'Import reviews from a file' });
  await card.getByLabel('Choose a file…').setInputFiles({ name: 'trustpilot-export.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await expect(card.getByText('2 of 2 rows can be imported (CSV, UTF-8).')).toBeVisible();
  await card.getByRole('button', { name: 'Import 2 reviews' }).click();
  await expect(card.getByRole('status').filter({ hasText: 'Imported 2 reviews into Trustpilot' })).toBeVisible();
  await card.getByRole('button', { name: /^Remove the demo now \(/ }).click();
  await expect(card.getByText(/^Removed the demo: \d+ reviews/)).toBeVisible();

  // Answer one through the composer: Trustpilot documents no maximum, so the size shows without a limit.
  await nav.getByRole('button', { name: 'Inbox' }).click();
  const list = page.getByRole('listbox', { name: 'Unanswered reviews' });
  await list.getByRole('option').filter({ hasText: 'Noor Visser' }).click();
  await page.getByRole('button', { name: 'Answer' }).click();
  const reply = 'Beste Noor, wat jammer dat de koffie lauw was. Bel ons gerust, dan maken we het goed. Groet, Sanne';
  const editor = page.getByRole('textbox', { name: 'Your reply' });
  await editor.fill(reply);
  await expect(page.getByText(`${reply.length} characters`, { exact: true })).toBeVisible();
  await queueReply(page, editor);
  // The notification says what happens next; it never promises that Kalm sends it.
  await expect(page.getByRole('log', { name: 'Notifications' })).toContainText('Reply ready to post on Trustpilot');

  // Where it lands: the Outbox, as a reply to post by hand.
  await nav.getByRole('button', { name: /^Outbox/ }).click();
  const row = page.getByRole('list', { name: 'Queued replies' }).getByRole('listitem').filter({ hasText: 'Noor Visser' });
  await expect(row).toContainText('To post on Trustpilot');
  await expect(row).not.toContainText(/Queued|Sending|Waiting/);
  await expect(page.getByRole('button', { name: 'Publish now' })).toBeDisabled();

  await row.getByRole('button', { name: 'Copy reply' }).click();
  await expect(row.getByText(/Copied\. Paste it/)).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(reply);
  const popupPromise = context.waitForEvent('page');
  await row.getByRole('link', { name: 'Open the review on Trustpilot' }).click();
  const popup = await popupPromise;
  await popup.waitForLoadState();
  expect(popup.url()).toBe('https://www.trustpilot.com/reviews/tp-1');
  await popup.close();
  await page.screenshot({ path: 'test-results/web-outbox-copy-and-open.png', fullPage: true });

  await row.getByRole('button', { name: 'I posted it' }).click();
  await expect(page.getByText('The outbox is empty.', { exact: false })).toBeVisible();

  // Answered, with the text kept: in the Answered view and on disk.
  await nav.getByRole('button', { name: 'Inbox' }).click();
  await expect(list.getByRole('option').filter({ hasText: 'Noor Visser' })).toHaveCount(0);
  const out = await runKalm(['reviews', '--json', '--source', 'trustpilot'], { KALM_DATA_DIR: host.dataDir });
  const noor = (JSON.parse(out.stdout) as { author: string; reply: unknown }[]).find((r) => r.author === 'Noor Visser');
  expect(noor?.reply).toMatchObject({ text: reply, state: 'published' });
});
