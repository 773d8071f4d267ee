import { runKalm } from '../unit/run-kalm';
import { turnOffPause } from './reply-steps';
import { test, expect } from './web-host-fixture';

const CSV = [
  'Review Id,Review Created (UTC),Review Consumer Name,Review Stars,Review Title,Review Content,Review Url',
  'tp-1,2026-01-05 10:00:00,Noor Visser,2,Koude koffie,"De koffie was lauw, en niemand vroeg of alles goed was.",https://www.trustpilot.com/reviews/tp-1',
  'tp-2,2026-01-06 11:30:00,Bas Kramer,5,Top,Altijd vers brood.,https://www.trustpilot.com/reviews/tp-2',
  'tp-3,2026-01-07 09:15:00,Iris de Wit,9,Te veel,Deze rij heeft een te hoge score.,https://www.trustpilot.com/reviews/tp-3',
  'tp-4,2026-01-08 08:00:00,Ruben Mol,4,Fijn,Lekkere appeltaart.,javascript:alert(1)',
].join('\n');

test('import a Trustpilot CSV through the mapping screen, answer one review with copy-and-open, and see it answered', async ({ page, host, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // The review page "opens" in a new tab; the test serves it instead of the internet.
  await context.route('https://www.trustpilot.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Trustpilot review</title><h1>Review page</h1>' }));
  await page.goto(host.url);
  await turnOffPause(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sources' }).click();

  const card = page.getByRole('region', { name: 'Import reviews from a file' });
  await card.getByLabel('Choose a file…').setInputFiles({ name: 'trustpilot-export.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });

  // The preset is suggested by the file name; the columns are found; bad rows are listed by number.
  await expect(card.getByText('3 of 4 rows can be imported (CSV, UTF-8).')).toBeVisible();
  await expect(card.getByLabel('Format')).toHaveValue('trustpilot');
  await expect(card.getByLabel('Rating *')).toHaveValue('Review Stars');
  await expect(card.getByText('Row 4: the rating 9 is outside 1–5.')).toBeVisible();
  await expect(card.getByRole('table', { name: 'The first rows as Kalm will import them' }).getByRole('row')).toHaveCount(4);
  await card.screenshot({ path: 'test-results/web-import-mapping.png' });

  // Changing a column re-checks the file: without a date column nothing can be imported.
  await card.getByLabel('Date *').selectOption('');
  await expect(card.getByText(/Required column missing: date/)).toBeVisible();
  await card.getByLabel('Date *').selectOption('Review Created (UTC)');
  await expect(card.getByText('3 of 4 rows can be imported (CSV, UTF-8).')).toBeVisible();

  await card.getByRole('button', { name: 'Import 3 reviews' }).click();
  await expect(card.getByRole('status').filter({ hasText: 'Imported 3 reviews into Trustpilot: 3 new, 0 updated. 1 row was skipped.' })).toBeVisible();

  // The demo is never removed without asking: here the owner removes it now (web-demo-kept.spec.ts keeps it).
  await card.getByRole('button', { name: /^Remove the demo now \(/ }).click();
  await expect(card.getByText(/^Removed the demo: \d+ reviews/)).toBeVisible();
  // The imported reviews are in the inbox; lowest rating first.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Inbox' }).click();
  const list = page.getByRole('listbox', { name: 'Unanswered reviews' });
  await expect(list.getByRole('option')).toHaveCount(3);
  await list.getByRole('option').filter({ hasText: 'Noor Visser' }).click();
  await page.getByRole('button', { name: 'Answer' }).click();
  const reply = 'Beste Noor, wat jammer dat de koffie lauw was. Bel ons gerust, dan maken we het goed. Groet, Sanne';
  await page.getByRole('textbox', { name: 'Your reply' }).fill(reply);
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();

  const popupPromise = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Copy reply and open the review page' }).click();
  const popup = await popupPromise;
  expect(popup.url()).toBe('https://www.trustpilot.com/reviews/tp-1');
  await popup.close();
  await expect(page.getByText(/Your reply is copied/)).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(reply);
  await page.screenshot({ path: 'test-results/web-import-copy-and-open.png', fullPage: true });

  await page.getByRole('button', { name: 'I posted it' }).click();
  // Answered: it leaves the unanswered list, and the reply is kept with the review.
  await expect(list.getByRole('option').filter({ hasText: 'Noor Visser' })).toHaveCount(0);
  await expect(list.getByRole('option')).toHaveCount(2);
  // Stored on disk: the CLI (read-only, while the app runs) sees the review answered with the text kept.
  const out = await runKalm(['reviews', '--json', '--source', 'trustpilot'], { KALM_DATA_DIR: host.dataDir });
  const noor = (JSON.parse(out.stdout) as { author: string; reply: unknown }[]).find((r) => r.author === 'Noor Visser');
  expect(noor?.reply).toMatchObject({ text: reply, state: 'published' });
});
