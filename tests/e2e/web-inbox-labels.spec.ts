import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { callApi, test, expect } from './web-host-fixture';
import { chainHostForDescribe } from './web-inbox-data';

const call = callApi;

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes[0]?.target.join(' ')}`);
}

const total = async (page: Page): Promise<number> => Number(await page.getByRole('listbox').getAttribute('data-total'));

/** Opens the label filter and ticks the labels (names as shown, with their counts after them). */
async function pickLabels(page: Page, names: string[]): Promise<void> {
  await page.getByRole('button', { name: /^Label / }).click();
  const panel = page.getByRole('group', { name: 'Labels to show' });
  for (const name of names) await panel.getByRole('checkbox', { name: new RegExp(`^${name} \\(`) }).check();
  await page.keyboard.press('Escape');
}

test('filters by two labels and by "assigned to me" in the demo; labels show on the rows; axe clean', async ({ page, host }, info) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(host.url);
  const list = page.getByRole('listbox');
  await expect(list.getByRole('option').first()).toBeVisible();

  // Two labels and a team member "me", set up through the same api the Settings and label screens use.
  const brood = await call<{ id: string }>(page, 'labels.save', { name: 'Brood', color: '#b45309' });
  const koffie = await call<{ id: string }>(page, 'labels.save', { name: 'Koffie', color: '#1d4ed8' });
  const { items } = await call<{ items: { id: string }[] }>(page, 'reviews.query', { view: 'unanswered', sort: 'priority', offset: 0, limit: 6 });
  const ids = items.map((r) => r.id);
  expect(ids).toHaveLength(6);
  await call(page, 'labels.apply', { reviewIds: ids.slice(0, 2), add: [brood.id] });
  await call(page, 'labels.apply', { reviewIds: ids.slice(2, 4), add: [koffie.id] });
  await call(page, 'settings.update', { team: [{ id: 'anna', name: 'Anna' }, { id: 'piet', name: 'Piet' }], me: 'anna' });
  for (const id of [ids[1], ids[2], ids[5]]) await call(page, 'handoff.assign', { reviewId: id, assignee: 'anna' });
  await call(page, 'handoff.assign', { reviewId: ids[0], assignee: 'piet' });
  await page.reload();

  // Label chips on the rows, by name.
  const first = list.locator(`[data-review-id="${ids[0]}"]`);
  await expect(first.locator('.row-label')).toHaveText(['Brood']);
  await expect(list.locator(`[data-review-id="${ids[2]}"] .row-label`)).toHaveText(['Koffie']);

  // Any of two labels: the four labelled reviews, in the address.
  await pickLabels(page, ['Brood', 'Koffie']);
  await expect(page).toHaveURL(new RegExp(`label=${brood.id}&label=${koffie.id}`));
  await expect.poll(() => total(page)).toBe(4);
  await expect(page.getByRole('button', { name: 'Label 2 labels' })).toBeVisible();

  // And assigned to me: two of them (one is Piet's, one nobody's).
  const mine = page.getByRole('button', { name: 'Assigned to me' });
  await mine.click();
  await expect(mine).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/mine=1/);
  await expect.poll(() => total(page)).toBe(2);
  await expect(list.getByRole('option')).toHaveCount(2);
  const shown = await list.getByRole('option').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-review-id')));
  expect(shown.sort()).toEqual([ids[1], ids[2]].sort());
  await page.screenshot({ path: info.outputPath('inbox-labels-mine.png') });
  expect(await seriousViolations(page)).toEqual([]);

  // The filters survive a reload; the label list open is accessible too.
  await page.reload();
  await expect.poll(() => total(page)).toBe(2);
  await page.getByRole('button', { name: 'Label 2 labels' }).click();
  await expect(page.getByRole('group', { name: 'Labels to show' }).getByRole('checkbox', { name: /^Brood/ })).toBeChecked();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: info.outputPath('inbox-labels-popover.png') });
  await page.keyboard.press('Escape');

  // Nobody chosen as "me": the chip filters nothing and says where to choose one.
  await call(page, 'settings.update', { me: null });
  await expect(page.getByRole('button', { name: 'Assigned to me' })).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => total(page)).toBe(4);
  await page.getByRole('button', { name: 'Assigned to me' }).click();
  const note = page.getByRole('note');
  await expect(note).toContainText('choose who you are under Settings');
  await note.getByRole('link', { name: 'Open Settings' }).click();
  await expect(page).toHaveURL(/#\/settings$/);
});

test.describe('labels and "assigned to me" at 100,000 reviews', () => {
  const chain = chainHostForDescribe(100_000, 200);

  test('auto-labels 100,000 reviews, filters by two labels and by me', async ({ page }, info) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(chain.url());
    const list = page.getByRole('listbox');
    await expect(list.getByRole('option').first()).toBeVisible({ timeout: 60_000 });
    const all = await total(page);

    const brood = await call<{ id: string }>(page, 'labels.save', { name: 'Brood', color: '#b45309' });
    const koffie = await call<{ id: string }>(page, 'labels.save', { name: 'Koffie', color: '#1d4ed8' });
    await call(page, 'labels.saveRules', {
      rules: [
        { id: 'r1', labelId: brood.id, words: ['brood', 'croissant', 'bread'] },
        { id: 'r2', labelId: koffie.id, words: ['koffie', 'coffee', 'Kaffee'] },
      ],
    });
    const { changed } = await call<{ changed: number }>(page, 'labels.runRules', {});
    expect(changed).toBeGreaterThan(1000);
    await call(page, 'settings.update', { team: [{ id: 'anna', name: 'Anna' }], me: 'anna' });
    await page.reload();
    await expect(list.locator('.row-label').first()).toBeVisible();

    await pickLabels(page, ['Brood']);
    await expect.poll(() => total(page)).toBeLessThan(all);
    const broodOnly = await total(page);
    await pickLabels(page, ['Koffie']);
    await expect.poll(() => total(page)).toBeGreaterThan(broodOnly);
    const either = await total(page);
    expect(either).toBeLessThan(all);

    // Assign three of the shown reviews to me; the chip narrows the 100,000 to them.
    const { items } = await call<{ items: { id: string }[] }>(page, 'reviews.query', { view: 'unanswered', sort: 'priority', offset: 0, limit: 3, labels: [brood.id, koffie.id] });
    for (const r of items) await call(page, 'handoff.assign', { reviewId: r.id, assignee: 'anna' });
    await page.getByRole('button', { name: 'Assigned to me' }).click();
    await expect.poll(() => total(page)).toBe(3);
    await expect(list.getByRole('option')).toHaveCount(3);
    await page.screenshot({ path: info.outputPath('inbox-100k-labels-mine.png') });
  });
});
