import { startHost, test, expect } from './web-host-fixture';
import { writeXssWorkspace, XSS_CORPUS } from './web-inbox-data';

test('an XSS corpus in review text, author and location names shows as text and runs nothing', async ({ page }) => {
  const host = await startHost({ prepare: async (dir) => void (await writeXssWorkspace(dir)) });
  try {
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() => {
      (window as unknown as { __ran: number }).__ran = 0;
      window.alert = () => void ((window as unknown as { __ran: number }).__ran += 1);
    });
    await page.goto(host.url);
    const list = page.getByRole('listbox');
    await expect(list.getByRole('option')).toHaveCount(XSS_CORPUS.length);
    // Search highlights the same hostile text (the highlighter splits it into text nodes).
    await page.keyboard.press('/');
    await page.keyboard.type('onerror');
    await expect(list.getByRole('option')).toHaveCount(2);
    await expect(list.locator('mark').first()).toHaveText('onerror');
    await page.keyboard.press('Escape');
    await expect(list.getByRole('option')).toHaveCount(XSS_CORPUS.length);
    for (const [i, payload] of XSS_CORPUS.entries()) {
      const row = list.locator(`[data-review-id="google:x${i}:r${i}"]`);
      await row.click();
      await expect(row.locator('.row__author')).toHaveText(payload);
      await expect(row.locator('.row__location')).toHaveText(payload);
      const detail = page.getByRole('article');
      await expect(detail.getByRole('heading', { level: 2 })).toHaveText(payload);
      await expect(detail.locator('.detail__text').first()).toHaveText(`${payload} koffie`);
      // javascript: links are not links at all.
      await expect(detail.getByRole('link')).toHaveCount(0);
    }
    await page.waitForTimeout(300); // a would-be onerror/onload handler had its chance
    expect(dialogs).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __ran: number }).__ran)).toBe(0);
    expect(await page.locator('main img, main script, main svg[onload], main iframe, main a[href^="javascript"]').count()).toBe(0);
    expect(errors).toEqual([]);
  } finally {
    await host.stop();
  }
});
