import { expect, test, type Page } from '@playwright/test';
import { queueReply } from './reply-steps';
import { v4Name, withConnectedInbox } from './connected-host';

/**
 * The outbox's notifications in the browser: never more than three at once, news leaves by itself a few
 * seconds after it came, a failure stays until it is dismissed, and none of them covers an Outbox button.
 */

/** Opens the first unanswered review, writes a reply and queues it. */
async function answerFirst(page: Page, text: string): Promise<void> {
  const first = page.getByRole('listbox', { name: 'Unanswered reviews' }).getByRole('option').first();
  const id = await first.getAttribute('data-review-id');
  await first.click();
  await page.getByRole('button', { name: 'Answer' }).click();
  const editor = page.getByRole('textbox', { name: 'Your reply' });
  await editor.fill(text);
  await queueReply(page, editor);
  await expect(page.locator(`[data-review-id="${id}"]`)).toHaveCount(0);
}

/** Counts, in the page, the most notifications ever shown at once (every change of the strip is seen). */
async function watchMostToasts(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { mostToasts: number };
    w.mostToasts = 0;
    const strip = document.querySelector('.toasts');
    if (!strip) throw new Error('no notification strip');
    const count = () => (w.mostToasts = Math.max(w.mostToasts, strip.querySelectorAll('.toast').length));
    new MutationObserver(count).observe(strip, { childList: true });
    count();
  });
}
const mostToasts = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as { mostToasts: number }).mostToasts);

test('at most three notifications; news leaves by itself, a failure stays until dismissed; none covers an Outbox button', async ({ page }, info) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 880, height: 700 });
  await withConnectedInbox(page, async ({ emu, list }) => {
    await watchMostToasts(page);
    const toasts = page.getByRole('log', { name: 'Notifications' }).locator('.toast');

    // Google refuses the first reply, every time it is tried: a failure.
    const refusedId = (await list.getByRole('option').first().getAttribute('data-review-id')) ?? '';
    emu.faults.add({ method: 'PUT', match: `${v4Name(emu, refusedId)}/reply`, status: 400, times: Infinity });
    await answerFirst(page, 'Dank je wel voor je review. We kijken wat er misging.');
    const failed = toasts.filter({ hasText: /^Reply not sent:/ });
    await expect(failed).toHaveCount(1, { timeout: 20_000 });

    // Three more replies: each is queued and sent — six more notifications.
    for (const n of [1, 2, 3]) await answerFirst(page, `Dank je wel voor je review (${n}). Tot snel in de winkel!`);
    const sent = toasts.filter({ hasText: 'Reply sent.' });
    await expect(sent.first()).toBeVisible({ timeout: 20_000 });
    await page.screenshot({ path: info.outputPath('toasts-three.png') });
    expect(await toasts.count()).toBeLessThanOrEqual(3);

    // News goes by itself (five seconds after it came); the failure is still there.
    await expect(toasts.filter({ hasNotText: /^Reply not sent:/ })).toHaveCount(0, { timeout: 8_000 });
    await expect(failed).toHaveCount(1);
    expect(await mostToasts(page)).toBeLessThanOrEqual(3);
    expect(await mostToasts(page)).toBeGreaterThanOrEqual(2);

    // In the Outbox, with the failed reply and its buttons: no notification lies over a button.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Outbox' }).click();
    const buttons = page.locator('.outbox button:visible');
    await expect(buttons.first()).toBeVisible();
    await expect(page.locator('.outbox').getByRole('button', { name: 'Retry now' })).toBeVisible({ timeout: 20_000 });
    await page.waitForTimeout(8_000); // longer than news stays: only what stays is tested against the buttons
    await expect(failed).toHaveCount(1);
    for (const width of [880, 1920]) {
      await page.setViewportSize({ width, height: width === 880 ? 600 : 1080 });
      await page.screenshot({ path: info.outputPath(`toasts-outbox-${width}.png`) });
      const covered = await page.evaluate(() => {
        const boxes = Array.from(document.querySelectorAll('.toast')).map((t) => t.getBoundingClientRect());
        const problems: string[] = [];
        for (const b of Array.from(document.querySelectorAll('.outbox button'))) {
          const r = b.getBoundingClientRect();
          if (r.width === 0 || r.height === 0) continue;
          const overlaps = boxes.some((t) => t.left < r.right && r.left < t.right && t.top < r.bottom && r.top < t.bottom);
          // What a click at the button's middle would reach, when the middle is in the window.
          const cx = r.left + r.width / 2;
          const cy = r.top + r.height / 2;
          const inView = cy >= 0 && cy < window.innerHeight && cx >= 0 && cx < window.innerWidth;
          const hit = inView ? document.elementFromPoint(cx, cy) : b;
          if (overlaps || (hit !== null && !b.contains(hit))) problems.push(`“${(b.textContent ?? '').trim()}” is covered`);
        }
        // The strip is docked under the page: the Outbox (and what scrolls in it) ends where the strip begins.
        const strip = document.querySelector('.toasts')?.getBoundingClientRect();
        const page = document.querySelector('.outbox')?.getBoundingClientRect();
        if (!strip || !page) problems.push('no Outbox or no notification strip');
        else if (page.bottom > strip.top + 1) problems.push(`the Outbox runs on under the notifications (${Math.round(page.bottom)} > ${Math.round(strip.top)})`);
        return { problems, toasts: boxes.length };
      });
      expect(covered.toasts).toBe(1);
      expect(covered.problems).toEqual([]);
    }

    // Dismissed, the failure goes (the failed reply stays in the Outbox).
    await failed.getByRole('button', { name: 'Dismiss' }).click();
    await expect(toasts).toHaveCount(0);
    await expect(page.locator('.outbox').getByRole('button', { name: 'Retry now' })).toBeVisible();
  });
});
