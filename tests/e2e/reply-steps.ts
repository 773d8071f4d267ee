import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/**
 * Settings with the composer's cool-down off, written into a data folder
 * before the host starts: for tests about drafts and publishing, not about the
 * pause (web-composer.spec.ts covers that).
 */
export const writeNoPauseSettings = (dataDir: string): Promise<void> =>
  writeFile(join(dataDir, 'settings.json'), JSON.stringify({ preferences: { coolDown: { enabled: false, seconds: 60 } } }));

/** Ctrl+Enter opens the one-minute checklist and the preview; tick it; Ctrl+Enter again puts the reply in the outbox. */
export async function queueReply(page: Page, editor: Locator): Promise<void> {
  await editor.press('Control+Enter');
  const checklist = page.getByRole('group', { name: 'The one-minute checklist' });
  await checklist.waitFor();
  for (const box of await checklist.getByRole('checkbox').all()) await box.check();
  await page.keyboard.press('Control+Enter');
}

/** Settings → "Pause before answering" off, through the UI, then back to the inbox. */
export async function turnOffPause(page: Page): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('button', { name: 'Settings' }).click();
  const pause = page.getByRole('checkbox', { name: /Pause before answering/ });
  await pause.click();
  await page.getByLabel('Pause in seconds').waitFor();
  await nav.getByRole('button', { name: 'Inbox' }).click();
}

/** The one-minute checklist by keyboard only: the focus starts on its first tick. */
export async function tickChecklistByKeyboard(page: Page): Promise<void> {
  const boxes = [page.getByRole('checkbox', { name: 'I stuck to the facts.' }), page.getByRole('checkbox', { name: 'Someone who knows the subject checked it.' }), page.getByRole('checkbox', { name: 'As the customer, I would be happy with this reply.' })];
  // Ctrl+Enter puts the focus on the first tick; wait for it before typing, as a user sees it arrive.
  await expect(boxes[0]!).toBeFocused();
  for (const [i, box] of boxes.entries()) {
    if (i > 0) await page.keyboard.press('Tab');
    await expect(box).toBeFocused();
    await page.keyboard.press('Space');
    await expect(box).toBeChecked();
  }
}
