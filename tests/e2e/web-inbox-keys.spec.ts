import type { Page } from '@playwright/test';
import { tickChecklistByKeyboard, turnOffPause } from './reply-steps';
import { test, expect } from './web-host-fixture';

/** The focused element shows a focus ring (an outline), also on the selected row of a focused list. */
async function focusRingVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || el === document.body) return false;
    const ring = (e: Element) => {
      const s = getComputedStyle(e);
      return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
    };
    if (ring(el)) return true;
    const selected = el.getAttribute('role') === 'listbox' ? el.querySelector('[aria-selected="true"]') : null;
    return selected !== null && ring(selected);
  });
}

const viewCount = async (page: Page, name: string): Promise<number> => {
  const text = (await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: new RegExp(`^${name}`) }).textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
};

test('keyboard-only triage of the demo: move, check, mark done, answer, search, shortcuts; filters live in the address', async ({ page, host }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(host.url);
  // The composer's pause before a 1–2★ answer is off here (web-composer.spec.ts covers it).
  await turnOffPause(page);
  const list = page.getByRole('listbox', { name: 'Unanswered reviews' });
  await expect(list.getByRole('option').first()).toBeVisible();
  const unanswered = await viewCount(page, 'Unanswered');

  // ? lists the shortcuts; Escape closes the dialog.
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  expect(await focusRingVisible(page)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // j / k move; focus is on the list and visible.
  await page.keyboard.press('j');
  await expect(list).toBeFocused();
  await expect(list.locator('[aria-posinset="2"]')).toHaveAttribute('aria-selected', 'true');
  expect(await focusRingVisible(page)).toBe(true);
  await page.keyboard.press('k');
  await expect(list.locator('[aria-posinset="1"]')).toHaveAttribute('aria-selected', 'true');

  // x checks two reviews, e marks them done: they leave Unanswered and the selection moves on.
  const firstTwo = await list.getByRole('option').evaluateAll((rows) => rows.slice(0, 2).map((r) => r.getAttribute('data-review-id')));
  await page.keyboard.press('x');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('x');
  await expect(page.getByRole('region', { name: 'Bulk actions' })).toContainText('2 checked');
  await page.keyboard.press('e');
  await expect(page.getByRole('status').filter({ hasText: '2 reviews marked done.' })).toBeAttached();
  await expect.poll(() => viewCount(page, 'Unanswered')).toBe(unanswered - 2);
  for (const id of firstTwo) await expect(list.locator(`[data-review-id="${id}"]`)).toHaveCount(0);

  // Enter answers the selected review: the composer opens with the focus in it; Ctrl+Enter queues.
  const answeredBefore = await viewCount(page, 'Answered');
  await list.focus();
  const author = (await list.locator('[aria-selected="true"] .row__author').textContent()) ?? '';
  await page.keyboard.press('Enter');
  const box = page.getByRole('article').getByLabel('Your reply');
  await expect(box).toBeFocused();
  expect(await focusRingVisible(page)).toBe(true);
  await page.keyboard.type('Dank u wel voor uw eerlijke review. Wilt u ons bellen?');
  // Ctrl+Enter opens the one-minute checklist; three ticks by keyboard; Ctrl+Enter queues.
  await page.keyboard.press('Control+Enter');
  await tickChecklistByKeyboard(page);
  await page.keyboard.press('Control+Enter');
  // Queued, then published at once by the background publisher (a demo review is answered on this computer only).
  await expect.poll(() => viewCount(page, 'Answered')).toBe(answeredBefore + 1);
  await expect.poll(() => viewCount(page, 'Outbox')).toBe(0);
  await expect.poll(() => viewCount(page, 'Unanswered')).toBe(unanswered - 3);
  expect(author).not.toBe('');

  // / searches; the search lives in the address and survives a reload.
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search reviews' })).toBeFocused();
  await page.keyboard.type('croissant');
  await expect(page).toHaveURL(/#\/inbox\?q=croissant/);
  await expect(list.locator('mark').first()).toBeVisible();
  // The old list stays on screen (busy) until the search's list is there.
  await expect(list).toHaveAttribute('aria-busy', 'false');
  const found = Number(await list.getAttribute('data-total'));
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search reviews' })).toHaveValue('croissant');
  await expect(page.getByRole('listbox')).toHaveAttribute('data-total', String(found));

  // One click clears every filter.
  await page.getByRole('button', { name: 'Clear 1 filter' }).click();
  await expect(page).toHaveURL(/#\/inbox$/);
  await expect(page.getByRole('searchbox', { name: 'Search reviews' })).toHaveValue('');

  // The Answered view of the inbox shows the review just answered, with its reply; its address has view=answered.
  await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: /^Answered/ }).click();
  await expect(page).toHaveURL(/view=answered/);
  await expect(page.getByRole('listbox', { name: 'Answered reviews' }).getByRole('option').filter({ hasText: author })).not.toHaveCount(0);

  // Another view by address, and back with the browser.
  await page.evaluate(() => (location.hash = '#/sources'));
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sources' })).toHaveAttribute('aria-current', 'page');
  await page.goBack();
  await expect(page.getByRole('listbox', { name: 'Answered reviews' })).toBeVisible();
  expect(problems).toEqual([]);
});
