import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { runKalm } from '../unit/run-kalm';
import { test, expect, type RunningHost } from './web-host-fixture';

interface ApiReview {
  id: string;
  locationId: string;
  rating: number | null;
  status: string;
}

/** Every review the host has (all statuses but deleted), through the same API the page uses. */
async function allReviews(host: RunningHost): Promise<ApiReview[]> {
  const { origin, hash } = new URL(host.url);
  const token = new URLSearchParams(hash.slice(1)).get('token') ?? '';
  const out: ApiReview[] = [];
  for (let offset = 0; ; offset += 500) {
    const res = await fetch(`${origin}/api/reviews.query`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'all', offset, limit: 500 }),
    });
    const body = (await res.json()) as { ok: boolean; value: { items: ApiReview[]; total: number } };
    expect(body.ok).toBe(true);
    out.push(...body.value.items);
    if (offset + 500 >= body.value.total) return out;
  }
}

/** The mean of the rated reviews, 2 decimals, as the dashboard must show it. */
const average = (reviews: ApiReview[]): string => {
  const rated = reviews.flatMap((r) => (r.rating === null ? [] : [r.rating]));
  return (Math.round((rated.reduce((a, b) => a + b, 0) / rated.length) * 100) / 100).toFixed(2);
};

test('the dashboard shows the demo averages, draws its charts, and exports the same file as kalm export', async ({ page, host }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));

  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await page.getByRole('radiogroup', { name: 'Period' }).getByRole('radio', { name: 'All' }).click();

  // The same figures, computed here from the reviews themselves.
  const reviews = await allReviews(host);
  expect(reviews.length).toBeGreaterThan(100);
  await expect(page.getByTestId('overall-average')).toHaveText(average(reviews));
  await expect(page.getByTestId('overall-count')).toHaveText(reviews.length.toLocaleString('en'));
  const answered = reviews.filter((r) => r.status === 'answered').length;
  await expect(page.getByTestId('overall-response')).toHaveText(`${Math.round((100 * answered) / reviews.length)}%`);
  const table = page.getByRole('table', { name: /3 locations/ });
  for (const id of ['utrecht', 'gent', 'amsterdam']) {
    const row = table.locator(`tr[data-row-key="google:${id}"]`);
    await expect(row.locator('td').first()).toContainText(average(reviews.filter((r) => r.locationId === id)));
  }

  // Charts render (SVG from recharts), with the trusted band and the data table.
  const trend = page.getByRole('figure', { name: 'Average rating and reviews per month' });
  await expect(trend.locator('.recharts-wrapper > svg.recharts-surface')).toBeVisible();
  await expect(trend.locator('.recharts-line-curve')).toHaveCount(1);
  await expect(trend.locator('.recharts-reference-area')).toHaveCount(1);
  await expect(trend.getByText('Most trusted 4.2–4.6')).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Reviews per star rating' }).locator('.recharts-bar-rectangle').first()).toBeVisible();
  await trend.getByText('Show the figures as a table').click();
  await expect(trend.getByRole('table').getByRole('row')).not.toHaveCount(1);

  // Sorting: by reviews, most first.
  await table.getByRole('button', { name: 'Reviews' }).click();
  const counts = await table.locator('tbody tr td:nth-of-type(2)').allTextContents();
  expect(counts.map((c) => Number(c.replace(/\D/g, '')))).toEqual(counts.map((c) => Number(c.replace(/\D/g, ''))).sort((a, b) => b - a));

  // The dashboard scrolls inside the app; a tall window shows all of it at once.
  await page.setViewportSize({ width: 1280, height: 2000 });
  await trend.getByText('Show the figures as a table').click();
  await page.locator('.dash').evaluate((e) => e.scrollTo(0, 0));
  await page.screenshot({ path: 'test-results/dashboard-light.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/dashboard-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 820 });

  const axe = await new AxeBuilder({ page }).include('.dash').withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Export: the downloaded CSV is byte for byte what `kalm export` writes for the same data folder.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^kalm-reviews-\d{4}-\d{2}-\d{2}\.csv$/);
  const downloaded = await readFile((await download.path()) ?? '', 'utf8');
  const cli = await runKalm(['export', '--format', 'csv', '--status', 'all'], { KALM_DATA_DIR: host.dataDir });
  expect(cli.code, cli.stderr).toBe(0);
  expect(downloaded.charCodeAt(0)).toBe(0xfeff);
  expect(downloaded).toBe(cli.stdout);
  await expect(page.getByRole('status').filter({ hasText: `Saved ${reviews.length} reviews` })).toBeVisible();

  // Clicking a location opens the inbox filtered on it.
  await table.getByRole('link', { name: 'Bakkerij Zonnig Gent' }).click();
  await expect.poll(() => new URL(page.url()).hash).toBe('#/inbox?location=gent');

  expect(problems).toEqual([]);
});

test('the dashboard in Dutch, a custom period, and the monthly report', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'NL' }).click();
  await page.getByRole('navigation').getByRole('button', { name: 'Dashboard' }).click();
  await page.getByRole('radiogroup', { name: 'Periode' }).getByRole('radio', { name: 'Alles' }).click();
  const reviews = await allReviews(host);
  await expect(page.getByTestId('overall-average')).toHaveText(average(reviews).replace('.', ','));

  // A backwards custom range is refused with a message, and nothing breaks.
  await page.getByRole('radio', { name: 'Zelf kiezen' }).click();
  await page.getByLabel('Van', { exact: true }).fill('2026-05-10');
  await page.getByLabel('Tot en met', { exact: true }).fill('2026-05-01');
  await expect(page.getByRole('alert')).toContainText('begindatum');

  await page.getByRole('button', { name: 'Maandrapport' }).click();
  await expect(page.getByRole('heading', { name: /^Maandrapport: / })).toBeVisible();
  await expect(page.locator('.report .recharts-wrapper > svg.recharts-surface').first()).toBeVisible();
  await page.setViewportSize({ width: 1000, height: 2400 });
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await expect(page.getByRole('button', { name: 'Afdrukken of als pdf bewaren' })).toBeHidden();
  await page.screenshot({ path: 'test-results/dashboard-report-print.png' });
});
