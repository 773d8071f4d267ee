import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, startHost, test } from './web-host-fixture';

/** What a crash may cost: the text typed in the last second before the kill. */
const MAX_LOSS_MS = 1_000;

test('typing for 5 s and SIGKILLing the web host loses at most the last second of the draft', async ({ page }) => {
  test.setTimeout(120_000);
  const host = await startHost({
    // No cool-down pause, so the editor opens at once on any review.
    prepare: (dir) => writeFile(join(dir, 'settings.json'), JSON.stringify({ preferences: { coolDown: { enabled: false, seconds: 0 } } })),
  });
  const dataDir = host.dataDir;
  try {
    await page.goto(host.url);
    const list = page.getByRole('listbox', { name: 'Unanswered reviews' });
    const first = list.getByRole('option').first();
    await first.click();
    const reviewId = await first.getAttribute('data-review-id');
    await page.locator('article.detail').getByRole('button', { name: 'Answer' }).click();
    const editor = page.getByRole('textbox', { name: 'Your reply' });
    await expect(editor).toBeEnabled();
    await editor.click();

    // Type continuously (a key every ~40 ms, never a pause) for 5 s; remember when each length was reached.
    const typedAt: number[] = [];
    const words = 'Dank je wel voor je eerlijke review, dat hadden we beter moeten doen. ';
    const start = Date.now();
    for (let i = 0; Date.now() - start < 5_000; i++) {
      await page.keyboard.type(words[i % words.length] ?? ' ');
      typedAt.push(Date.now());
      await page.waitForTimeout(25);
    }
    const killedAt = Date.now();
    await host.kill();
    const typed = Array.from({ length: typedAt.length }, (_, i) => words[i % words.length] ?? ' ').join('');

    // The draft on disk: a prefix of what was typed, holding everything typed up to a second before the kill.
    const files = await readdir(join(dataDir, 'drafts'));
    const drafts = await Promise.all(files.map(async (f) => JSON.parse(await readFile(join(dataDir, 'drafts', f), 'utf8')) as { reviewId: string; text: string }));
    const saved = drafts.find((d) => d.reviewId === reviewId)?.text ?? '';
    expect(typed.startsWith(saved)).toBe(true);
    const mustHave = typedAt.filter((t) => t <= killedAt - MAX_LOSS_MS).length;
    expect(saved.length, `typed ${typed.length} characters, ${mustHave} of them more than 1 s before the kill`).toBeGreaterThanOrEqual(mustHave);

    // Restart on the same folder: the killed host's lock does not block, and the composer shows the draft.
    const again = await startHost({ dataDir });
    try {
      await page.goto(again.url);
      await page.locator(`[data-review-id="${reviewId ?? ''}"]`).first().click();
      await page.locator('article.detail').getByRole('button', { name: /Answer|Continue/ }).first().click();
      await expect(page.getByRole('textbox', { name: 'Your reply' })).toHaveValue(saved);
    } finally {
      await again.stop({ keepData: true });
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
