import { startHost, test, expect, type RunningHost } from './web-host-fixture';
import { writeDemoChain } from './web-inbox-data';

const REVIEWS = 100_000;

test.describe('the inbox at 100,000 reviews', () => {
  test.describe.configure({ timeout: 240_000 });
  let host: RunningHost;
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    host = await startHost({ prepare: (dir) => writeDemoChain(dir, REVIEWS, 200) });
  });
  test.afterAll(async () => host.stop());

  test('shows the first rows, scrolls to the end, filters by location and searches', async ({ page }, info) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(host.url);
    const list = page.getByRole('listbox');
    await expect(list.getByRole('option').first()).toBeVisible({ timeout: 60_000 });
    const total = Number(await list.getAttribute('data-total'));
    expect(total).toBeGreaterThan(1000);
    // Only the rows in view exist in the page.
    expect(await list.getByRole('option').count()).toBeLessThan(40);
    await expect(list.getByRole('option').first()).toHaveAttribute('aria-setsize', String(total));
    await page.screenshot({ path: info.outputPath('inbox-100k.png') });

    // Scroll to the very end with the mouse wheel's way (scrollTop), then with the keyboard.
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
    const lastRow = list.locator(`[aria-posinset="${total}"]`);
    await expect(lastRow).toBeVisible();
    await expect(lastRow.locator('.row__author')).not.toBeEmpty();
    await page.screenshot({ path: info.outputPath('inbox-100k-end.png') });
    await list.evaluate((el) => (el.scrollTop = 0));
    await list.getByRole('option').first().click();
    await page.keyboard.press('End');
    await expect(list.locator(`[aria-posinset="${total}"]`)).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('article')).toBeVisible();

    // A dashboard elsewhere links here with a location; the inbox follows the address.
    const locationName = (await list.locator(`[aria-posinset="${total}"] .row__location`).textContent()) ?? '';
    const locationId = await page.evaluate(async () => (await (await fetch('/api/workspace.get', { method: 'POST', headers: { Authorization: `Bearer ${sessionStorage.getItem('kalm.token') ?? ''}`, 'Content-Type': 'application/json' }, body: '{}' })).json()) as { value: { locations: { id: string; name: string }[] } });
    const id = locationId.value.locations.find((l) => l.name === locationName)?.id ?? '';
    expect(id).not.toBe('');
    await page.evaluate((loc) => (location.hash = '#/inbox?location=' + encodeURIComponent(loc)), id);
    await expect(page.getByRole('button', { name: new RegExp(`^Location ${locationName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })).toBeVisible();
    await expect(list.locator('.row__location').first()).toHaveText(locationName);
    const atLocation = Number(await list.getAttribute('data-total'));
    expect(atLocation).toBeLessThan(total);

    // Search at 100k, with highlights.
    await page.getByRole('searchbox', { name: 'Search reviews' }).fill('croissant');
    await expect(page).toHaveURL(/q=croissant/);
    await expect(list.locator('mark').first()).toBeVisible();
    await page.screenshot({ path: info.outputPath('inbox-100k-search.png') });
  });
});
