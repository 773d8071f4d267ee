import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { runKalm } from '../unit/run-kalm';
import { queueReply } from './reply-steps';
import { startHost } from './web-host-fixture';
import { v4Name, withConnectedInbox } from './connected-host';

/** Opens the first unanswered review, writes a reply and queues it with Ctrl+Enter; returns the review id. */
async function answerFirst(page: Page, text: string): Promise<string> {
  const list = page.getByRole('listbox', { name: 'Unanswered reviews' });
  const first = list.getByRole('option').first();
  const reviewId = (await first.getAttribute('data-review-id')) ?? '';
  await first.click();
  await page.getByRole('button', { name: 'Answer' }).click();
  const editor = page.getByRole('textbox', { name: 'Your reply' });
  await editor.fill(text);
  await queueReply(page, editor);
  return reviewId;
}

const outboxButton = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Outbox' });

test('a reply written with the connection to Google cut waits queued with the reason, and is sent once it is back', async ({ page }) => {
  test.setTimeout(90_000);
  await withConnectedInbox(page, async ({ emu, list }) => {
    emu.faults.down(true);

    const text = 'Dank u wel voor uw review! We zien u graag terug in de winkel. Groet, Sanne';
    const reviewId = await answerFirst(page, text);
    const toasts = page.getByRole('log', { name: 'Notifications' });
    await expect(toasts.getByText(/Reply queued/)).toBeVisible();
    await expect(list.locator(`[data-review-id="${reviewId}"]`)).toHaveCount(0);

    await outboxButton(page).click();
    const queued = page.getByRole('list', { name: 'Queued replies' }).getByRole('listitem');
    await expect(queued).toHaveCount(1);
    await expect(queued.getByText('Queued', { exact: true })).toBeVisible();
    await expect(queued.getByText(/Waiting: No connection to Google/)).toBeVisible({ timeout: 20_000 });
    await expect(queued.getByText(/Next try:/)).toBeVisible();
    await expect(toasts.getByText(/Reply waiting: No connection to Google/)).toBeVisible();
    expect(emu.data.replyOf(v4Name(emu, reviewId))).toBeUndefined();
    await page.screenshot({ path: 'test-results/e2e/outbox-waiting.png' });

    // The connection is back: "Retry now" (or the next automatic try) sends it, exactly once.
    emu.faults.down(false);
    await queued.getByRole('button', { name: 'Retry now' }).click();
    await expect(toasts.getByText('Reply sent.')).toBeVisible({ timeout: 20_000 });
    const sent = page.getByRole('list', { name: 'Sent' }).getByRole('listitem');
    await expect(sent.filter({ hasText: 'Dank u wel voor uw review!' })).toBeVisible();
    await expect(page.getByText(/The outbox is empty/)).toBeVisible();
    expect(emu.data.replyOf(v4Name(emu, reviewId))?.comment).toBe(text);
    expect(emu.requests.filter((r) => r.method === 'PUT' && r.path === `/v4/${v4Name(emu, reviewId)}/reply` && r.status === 200)).toHaveLength(1);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Inbox' }).click();
    await expect(list.getByRole('option').first()).toBeVisible();
    await expect(list.locator(`[data-review-id="${reviewId}"]`)).toHaveCount(0);
  });
});

test('conflicts through the UI: a changed review shows old and new text and is sent anyway; one answered elsewhere is edited', async ({ page }) => {
  test.setTimeout(90_000);
  await withConnectedInbox(page, async ({ emu, list }) => {
    // Hold publishing back until both reviews have changed on Google.
    emu.faults.down(true);
    const changedId = await answerFirst(page, 'Het spijt ons van het oude brood. Bel ons gerust.');
    await expect(list.locator(`[data-review-id="${changedId}"]`)).toHaveCount(0);
    const elsewhereId = await answerFirst(page, 'Dank u voor uw review!');
    await outboxButton(page).click();
    const items = page.getByRole('list', { name: 'Queued replies' }).getByRole('listitem');
    await expect(items).toHaveCount(2);
    await expect(items.getByText(/Waiting: No connection/)).toHaveCount(2, { timeout: 30_000 });

    emu.data.editReview(v4Name(emu, changedId), { comment: 'Nieuwe tekst: ook de koffie was koud.', starRating: 'ONE' });
    emu.data.setReply(v4Name(emu, elsewhereId), 'Bedankt! — geantwoord via Google zelf');
    emu.faults.down(false);
    // On demand: every waiting reply is tried now.
    await page.getByRole('button', { name: 'Publish now' }).click();

    const changed = items.filter({ has: page.locator('[data-conflict-kind="changed"]') });
    await expect(changed).toBeVisible({ timeout: 20_000 });
    await expect(changed.locator('blockquote', { hasText: 'Nieuwe tekst: ook de koffie was koud.' })).toBeVisible();
    await expect(changed.getByText('When you wrote your reply')).toBeVisible();
    const elsewhere = items.filter({ has: page.locator('[data-conflict-kind="answered_elsewhere"]') });
    await expect(elsewhere.getByText('Bedankt! — geantwoord via Google zelf')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('log', { name: 'Notifications' }).getByText(/needs your decision/).first()).toBeVisible();
    await page.screenshot({ path: 'test-results/e2e/outbox-conflicts.png', fullPage: true });
    const a11y = await new AxeBuilder({ page }).include('.outbox').include('.toasts').analyze();
    expect(a11y.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    // Nothing was overwritten while the owner decides.
    expect(emu.data.replyOf(v4Name(emu, elsewhereId))?.comment).toBe('Bedankt! — geantwoord via Google zelf');
    expect(emu.data.replyOf(v4Name(emu, changedId))).toBeUndefined();

    await changed.getByRole('button', { name: 'Send anyway' }).click();
    await expect.poll(() => emu.data.replyOf(v4Name(emu, changedId))?.comment, { timeout: 20_000 }).toBe('Het spijt ons van het oude brood. Bel ons gerust.');

    await elsewhere.getByRole('button', { name: 'Edit reply' }).click();
    const editor = page.getByRole('textbox', { name: 'Your reply' });
    await expect(editor).toHaveValue('Dank u voor uw review!');
    await page.screenshot({ path: 'test-results/e2e/outbox-edit.png' });
    await editor.fill('Dank u voor uw review! Fijn dat u al antwoord kreeg; wij vullen het graag aan.');
    await queueReply(page, editor);
    await expect.poll(() => emu.data.replyOf(v4Name(emu, elsewhereId))?.comment, { timeout: 20_000 })
      .toBe('Dank u voor uw review! Fijn dat u al antwoord kreeg; wij vullen het graag aan.');
    await expect(page.getByText(/The outbox is empty/)).toBeVisible();
    await page.screenshot({ path: 'test-results/e2e/outbox-sent.png' });
  });
});

test('a reply the source rejected: the review is back in the inbox, shown as rejected, and the reply can be deleted after a confirmation', async ({ page }) => {
  let rejectedId = '';
  const host = await startHost({
    prepare: async (dataDir) => {
      const demo = await runKalm(['demo'], { KALM_DATA_DIR: dataDir });
      if (demo.code !== 0) throw new Error(`kalm demo failed: ${demo.stderr}`);
      const dir = join(dataDir, 'reviews');
      // The first review of the inbox (lowest rating, oldest) gets a reply its source rejected.
      type Shard = { reviews: { id: string; rating: number | null; createdAt: string; status: string; reply: unknown }[] };
      const shards = await Promise.all((await readdir(dir)).filter((f) => !f.startsWith('.')).map(async (f) => ({ path: join(dir, f), json: JSON.parse(await readFile(join(dir, f), 'utf8')) as Shard })));
      const first = shards.flatMap((s) => s.json.reviews.filter((r) => r.status === 'unanswered' && r.rating === 1))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
      if (!first) throw new Error('the demo has no unanswered 1-star review');
      rejectedId = first.id;
      for (const s of shards) {
        const r = s.json.reviews.find((x) => x.id === rejectedId);
        if (!r) continue;
        Object.assign(r, { status: 'answered', reply: { text: 'Bel ons op 06-12345678 voor korting!', updatedAt: '2026-11-20T10:00:00.000Z', state: 'rejected' } });
        await writeFile(s.path, JSON.stringify(s.json));
      }
    },
  });
  try {
    await page.goto(host.url);
    const list = page.getByRole('listbox', { name: 'Unanswered reviews' });
    const row = list.locator(`[data-review-id="${rejectedId}"]`);
    await expect(row).toBeVisible();
    await row.click();
    const detail = page.getByRole('article');
    const posted = detail.getByRole('region', { name: /Your reply/ });
    await expect(posted.getByText('Rejected by the source')).toBeVisible();
    await expect(posted.getByText(/The source rejected this reply/)).toBeVisible();
    await page.screenshot({ path: 'test-results/e2e/posted-reply-rejected.png' });

    await posted.getByRole('button', { name: 'Delete reply' }).click();
    await expect(posted.getByText(/Delete this reply on Google\?/)).toBeVisible();
    await posted.getByRole('button', { name: 'Yes, delete it' }).click();
    const toasts = page.getByRole('log', { name: 'Notifications' });
    await expect(toasts.getByText('Removal of the reply queued.')).toBeVisible();
    await expect(toasts.getByText(/Reply removed \(demo/)).toBeVisible();
  } finally {
    await host.stop();
  }
});
