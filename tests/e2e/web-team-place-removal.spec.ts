import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { runKalm } from '../unit/run-kalm';
import { bakkerijHosts, openPage } from './team-hosts';
import { callApi } from './web-host-fixture';

const shots = 'test-results/team-place-removal';
const CSV = join(process.cwd(), 'tests/fixtures/import/trustpilot.csv');

type Workspace = { sources: { id: string; kind: string; name: string }[] };
const imported = async (page: Page) => (await callApi<Workspace>(page, 'workspace.get', {})).sources.filter((s) => s.kind === 'file-import');
const reviewsOf = async (page: Page, source: string) => (await callApi<{ total: number }>(page, 'reviews.query', { status: 'all', sources: [source], limit: 1 })).total;

test('a member removes an imported source: the confirmation says the team loses it, and the other desktop drops it as it arrives', async ({ browser }) => {
  test.setTimeout(240_000);
  // Anna imported a Trustpilot export before she created the team; Bram joins and gets it.
  const team = await bakkerijHosts(async (env) => {
    const done = await runKalm(['import', CSV, '--preset', 'trustpilot', '--json'], env);
    if (done.code !== 0) throw new Error(`kalm import failed: ${done.stderr}`);
  });
  try {
    const [a, b] = [await openPage(browser, team.anna), await openPage(browser, team.bram)];
    const [source] = await imported(a);
    if (!source) throw new Error('the import made no source');
    await expect.poll(async () => (await imported(b)).map((s) => s.id)).toEqual([source.id]);
    expect(await reviewsOf(b, source.id)).toBeGreaterThan(0);

    for (const [lang, width] of [['en', 1280], ['nl', 880]] as const) {
      await a.setViewportSize({ width, height: 900 });
      await a.getByRole('button', { name: lang.toUpperCase(), exact: true }).click();
      await a.getByRole('navigation').getByRole('button', { name: lang === 'en' ? 'Sources' : 'Bronnen' }).click();
      await a.getByRole('button', { name: lang === 'en' ? `Remove ${source.name}…` : `${source.name} verwijderen…` }).click();
      const confirm = a.getByRole('alertdialog');
      await expect(confirm).toContainText(lang === 'en' ? 'Everyone in the team workspace “bakkerij” loses it too' : 'Iedereen in de teamwerkruimte “bakkerij” raakt het ook kwijt');
      await confirm.scrollIntoViewIfNeeded();
      await a.screenshot({ path: `${shots}-confirm-${lang}-${width}.png` });
      if (lang === 'en') await confirm.getByRole('button', { name: 'Cancel' }).click();
    }
    await a.getByRole('alertdialog').getByRole('button', { name: `Ja, verwijder ${source.name}` }).click();
    await expect.poll(async () => (await imported(a)).length).toBe(0);

    // Bram's desktop (live replication) drops the source and its reviews, and his Sources page says so.
    await expect.poll(async () => (await imported(b)).length, { timeout: 60_000 }).toBe(0);
    expect(await reviewsOf(b, source.id)).toBe(0);
    await b.getByRole('navigation').getByRole('button', { name: 'Sources' }).click();
    await expect(b.getByRole('heading', { name: 'Import reviews from a file' })).toBeVisible({ timeout: 20_000 });
    await expect(b.getByRole('list', { name: 'Imported sources' })).toHaveCount(0);
    await b.screenshot({ path: `${shots}-bram-after.png` });
  } finally {
    await team.close();
  }
});
