import type { Locator, Page } from '@playwright/test';
import { callApi, expect, startHost, test, type RunningHost } from './web-host-fixture';

/**
 * Menus and popovers in the browser, at the narrowest (880 px) and a wide (1920 px) window: the label menu of a
 * review picked near the bottom of the scrolled list, the bulk label menu, and the inbox's location and label
 * filters, and the composer's templates. Each panel lies wholly in the window and nothing (no scrolling pane) clips it — what is seen at each
 * corner is the panel itself — and Escape and a click outside close it.
 */

const call = callApi;

/** Where the panel is not whole: outside the window, or covered/clipped at a corner (elementFromPoint is not in it). */
async function panelProblems(panel: Locator): Promise<string[]> {
  return panel.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const problems: string[] = [];
    if (r.width === 0 || r.height === 0) return ['the panel has no size'];
    if (r.left < 0 || r.top < 0 || r.right > window.innerWidth || r.bottom > window.innerHeight) {
      problems.push(`outside the ${window.innerWidth}×${window.innerHeight} window: ${Math.round(r.left)},${Math.round(r.top)} – ${Math.round(r.right)},${Math.round(r.bottom)}`);
    }
    // Just inside each corner, past the rounded border (hit testing follows the rounding).
    const inset = 12;
    const corners: [string, number, number][] = [
      ['top left', r.left + inset, r.top + inset],
      ['top right', r.right - inset, r.top + inset],
      ['bottom left', r.left + inset, r.bottom - inset],
      ['bottom right', r.right - inset, r.bottom - inset],
    ];
    for (const [where, x, y] of corners) {
      const hit = document.elementFromPoint(x, y);
      if (!hit || !el.contains(hit)) problems.push(`${where} corner shows ${hit ? hit.tagName.toLowerCase() + '.' + String(hit.className) : 'nothing'}`);
    }
    // And no ancestor that clips (overflow other than visible) cuts it.
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
      if (s.position === 'fixed' || getComputedStyle(el).position === 'fixed') break; // fixed: only the window clips it
      const c = p.getBoundingClientRect();
      if (r.left < c.left || r.top < c.top || r.right > c.right || r.bottom > c.bottom) problems.push(`clipped by ${p.tagName.toLowerCase()}.${p.className}`);
    }
    return problems;
  });
}

/** Opens a panel with its button, checks it is whole, closes it with Escape, opens it again and closes it with a click outside. */
async function checkPanel(page: Page, button: Locator, panel: Locator, what: string): Promise<string[]> {
  await button.click();
  await expect(panel).toBeVisible();
  await page.waitForTimeout(100); // placed after its first layout pass
  const problems = (await panelProblems(panel)).map((p) => `${what}: ${p}`);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(button).toBeFocused();
  await button.click();
  await expect(panel).toBeVisible();
  await page.mouse.click(page.viewportSize()!.width - 5, page.viewportSize()!.height - 5);
  await expect(panel).toBeHidden();
  return problems;
}

let host: RunningHost;
test.describe.configure({ timeout: 90_000 });
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.stop();
});

for (const width of [880, 1920]) {
  test(`menus and popovers are whole, not clipped, and close on Escape and a click outside at ${width} px`, async ({ page }, info) => {
    await page.setViewportSize({ width, height: width === 880 ? 700 : 1080 });
    await page.goto(host.url);
    const list = page.getByRole('listbox');
    await expect(list.getByRole('option').first()).toBeVisible();
    // Labels to choose from (more than a few, so the menu is tall).
    const existing = await call<{ labels: unknown[] }>(page, 'labels.list', {});
    if (existing.labels.length === 0) {
      for (const name of ['Brood', 'Koffie', 'Service', 'Prijs', 'Wachttijd', 'Schoon', 'Personeel', 'Taart']) await call(page, 'labels.save', { name, color: '#1d4ed8' });
      await page.reload();
      await expect(list.getByRole('option').first()).toBeVisible();
    }
    const found: string[] = [];

    // The inbox's filters.
    found.push(...(await checkPanel(page, page.getByRole('button', { name: /^Location / }), page.getByRole('group', { name: 'Location' }), 'location filter')));
    found.push(...(await checkPanel(page, page.getByRole('button', { name: /^Label / }), page.getByRole('group', { name: 'Labels to show' }), 'label filter')));

    // A review near the bottom of the scrolled list: its row ticked and opened. A refresh of the list (the clock,
    // the rules run at start) may replace the rows while this looks, so it looks again until the row holds still.
    let low = '';
    await expect(async () => {
      await list.evaluate((el) => {
        el.scrollTop = 2000; // the listbox is the list pane's scroller
      });
      expect(await list.evaluate((el) => el.scrollTop)).toBeGreaterThan(1000);
      low = await list.getByRole('option').evaluateAll((all) => {
        const bottom = window.innerHeight;
        const seen = all.filter((r) => { const b = r.getBoundingClientRect(); return b.bottom <= bottom && b.top >= 0; });
        return seen.at(-1)?.getAttribute('data-review-id') ?? '';
      });
      expect(low).not.toBe('');
      const box = await list.locator(`[data-review-id="${low}"]`).boundingBox({ timeout: 2_000 });
      expect(box!.y).toBeGreaterThan((page.viewportSize()!.height) / 2); // near the bottom, after scrolling
    }).toPass({ timeout: 30_000 });
    const row = list.locator(`[data-review-id="${low}"]`);
    await row.click();
    await row.locator('.row__check').click();
    await expect(row).toHaveClass(/row--checked/);

    // The bulk label menu in the list pane.
    const bulk = page.getByRole('button', { name: 'Label 1 review…' });
    found.push(...(await checkPanel(page, bulk, page.getByRole('group', { name: 'Label 1 review…' }), 'bulk label menu')));

    // The review's own label menu, scrolled to the bottom of the detail pane.
    const pick = page.locator('.pane--detail').getByRole('button', { name: 'Labels…' });
    await pick.evaluate((b) => b.scrollIntoView({ block: 'end' }));
    await page.screenshot({ path: info.outputPath(`popovers-${width}-before.png`) });
    await pick.click();
    const menu = page.getByRole('group', { name: 'Labels…' });
    await expect(menu).toBeVisible();
    await page.screenshot({ path: info.outputPath(`popovers-${width}-label-menu.png`) });
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    found.push(...(await checkPanel(page, pick, menu, 'review label menu')));

    // The composer's templates, opened from the reply's row of actions.
    await page.locator('.pane--detail').getByRole('button', { name: 'Answer', exact: true }).click();
    const templates = page.locator('.pane--detail').getByRole('button', { name: 'Templates', exact: true });
    await templates.scrollIntoViewIfNeeded();
    found.push(...(await checkPanel(page, templates, page.getByRole('region', { name: 'Templates' }), 'templates')));
    await templates.click();
    await expect(page.getByRole('region', { name: 'Templates' }).getByRole('searchbox')).toBeFocused();
    await page.screenshot({ path: info.outputPath(`popovers-${width}-templates.png`) });

    expect(found).toEqual([]);
  });
}
