import { rm } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { startHost, test, expect } from './web-host-fixture';

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();
const section = (page: Page, title: string) => page.locator('section.settings-section', { has: page.getByRole('heading', { name: title }) });

async function setUpTeamAndLabels(page: Page): Promise<void> {
  await nav(page, 'Settings');
  const team = section(page, 'Departments and team');
  await team.getByRole('textbox', { name: 'Department name' }).fill('Keuken');
  await team.getByRole('textbox', { name: 'E-mail address' }).fill('keuken@bakkerij.example');
  await team.getByRole('button', { name: 'Add department' }).click();
  await expect(team.getByText('keuken@bakkerij.example')).toBeVisible();
  await team.getByRole('textbox', { name: 'Team member’s name' }).fill('Anna');
  await team.getByRole('button', { name: 'Add member' }).click();
  await expect(team.getByRole('radio', { name: 'This is me' })).toBeChecked();

  const labels = section(page, 'Labels');
  await labels.getByRole('textbox', { name: 'New label' }).fill('Brood');
  await labels.getByRole('button', { name: 'Add label' }).click();
  await expect(labels.getByRole('textbox', { name: 'Name of Brood' })).toBeVisible();
}

test('rule preview counts the reviews a rule hits, and settings persist across a restart of the web host', async ({ page }) => {
  test.setTimeout(90_000);
  const host = await startHost();
  let second: Awaited<ReturnType<typeof startHost>> | null = null;
  try {
    await page.goto(host.url);
    await setUpTeamAndLabels(page);
    const labels = section(page, 'Labels');
    await labels.getByRole('button', { name: 'Add rule' }).click();
    const rule = labels.getByRole('listitem', { name: 'Rule 1' });
    await expect(rule.getByText('Fill in at least one condition.')).toBeVisible();
    await rule.getByRole('combobox', { name: 'Rating to' }).selectOption('1');
    await expect(rule.getByText(/^Hits \d+ reviews? now \(\d+ without this label yet\)$/)).toBeVisible();
    const ratingOnly = await rule.locator('.rule__preview').textContent();
    await rule.getByRole('textbox', { name: 'Text contains any of' }).fill('brood, bread');
    await rule.getByRole('textbox', { name: 'Text contains any of' }).press('Tab');
    await expect(rule.locator('.rule__preview')).not.toHaveText(ratingOnly ?? '');
    await labels.getByRole('button', { name: 'Save rules' }).click();
    await expect(labels.getByText('Rules saved.')).toBeVisible();
    await labels.getByRole('button', { name: 'Run rules now' }).click();
    await expect(labels.getByText(/^\d+ reviews? labelled\.$/)).toBeVisible();

    const targets = section(page, 'Reply-time targets and business hours');
    const google = targets.getByRole('spinbutton', { name: 'Google hours', exact: true });
    await google.fill('8');
    await google.press('Tab');
    await targets.getByRole('checkbox', { name: 'Count only business hours' }).click();
    await expect(targets.getByRole('checkbox', { name: 'Count only business hours' })).toBeChecked();
    await section(page, 'Alerts and background sync').getByRole('combobox', { name: 'Alert me about new reviews' }).selectOption('1');
    for (const [file, title] of [['targets', 'Reply-time targets and business hours'], ['team', 'Departments and team'], ['labels', 'Labels'], ['alerts', 'Alerts and background sync'], ['data', 'Data folder']]) {
      await section(page, title ?? '').screenshot({ path: `test-results/labels-team-settings-${file}.png` });
    }

    await host.stop({ keepData: true });
    second = await startHost({ dataDir: host.dataDir });
    await page.goto(second.url);
    await nav(page, 'Settings');
    await expect(section(page, 'Departments and team').getByText('keuken@bakkerij.example')).toBeVisible();
    await expect(section(page, 'Departments and team').getByText('Anna')).toBeVisible();
    await expect(section(page, 'Reply-time targets and business hours').getByRole('spinbutton', { name: 'Google hours', exact: true })).toHaveValue('8');
    await expect(section(page, 'Reply-time targets and business hours').getByRole('checkbox', { name: 'Count only business hours' })).toBeChecked();
    await expect(section(page, 'Alerts and background sync').getByRole('combobox', { name: 'Alert me about new reviews' })).toHaveValue('1');
    await expect(section(page, 'Labels').getByRole('textbox', { name: 'Name of Brood' })).toBeVisible();
    await expect(section(page, 'Labels').getByRole('listitem', { name: 'Rule 1' }).getByRole('textbox', { name: 'Text contains any of' })).toHaveValue('brood, bread');
  } finally {
    await second?.stop({ keepData: true });
    await host.stop({ keepData: true });
    await rm(host.dataDir, { recursive: true, force: true });
  }
});

test('label a review, assign it, keep a note, and forward it to a department by mail', async ({ page, host, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(host.url).origin });
  await page.goto(host.url);
  await setUpTeamAndLabels(page);
  await nav(page, 'Inbox');
  const list = page.getByRole('listbox', { name: 'Unanswered reviews' });
  await list.getByRole('option').first().click();
  const detail = page.locator('article.detail');
  const text = (await detail.locator('.detail__text').first().textContent()) ?? '';

  await detail.getByRole('button', { name: 'Labels…' }).click();
  await detail.getByRole('checkbox', { name: 'Brood' }).check();
  await expect(detail.locator('.label-chip', { hasText: 'Brood' })).toBeVisible();
  await detail.getByRole('combobox', { name: 'Assigned to' }).selectOption({ label: 'Anna (me)' });
  await detail.getByRole('textbox', { name: 'Private note' }).fill('Klant belde ook & wil terugbellen');
  await detail.getByRole('textbox', { name: 'Private note' }).press('Tab');

  await detail.getByRole('button', { name: 'Forward' }).click();
  await expect(detail.getByText('Forwarded to Keuken · open')).toBeVisible();
  const href = (await detail.getByRole('link', { name: 'Open the mail again' }).getAttribute('href')) ?? '';
  expect(href.startsWith('mailto:keuken@bakkerij.example?subject=')).toBe(true);
  expect(href).not.toMatch(/\s/);
  const mail = new URL(href);
  const body = mail.searchParams.get('body') ?? '';
  expect(body).toContain('Note: Klant belde ook & wil terugbellen');
  expect(body).toMatch(/Rating: ★+☆* \(\d\/5\)/);
  if (text.trim() !== '' && !/rating only/i.test(text)) expect(body.replace(/\r\n/g, '\n')).toContain(text.trim());
  await expect(detail.getByText('The text is also on the clipboard.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('Klant belde ook');
  await detail.getByRole('button', { name: 'Mark handled' }).click();
  await expect(detail.getByText('Forwarded to Keuken · handled')).toBeVisible();
  await page.screenshot({ path: 'test-results/labels-handoff-review.png' });

  // Everything is saved: after a reload the review still has its label, assignee and note.
  await page.reload();
  await list.getByRole('option').first().click();
  await expect(detail.locator('.label-chip', { hasText: 'Brood' })).toBeVisible();
  await expect(detail.getByRole('combobox', { name: 'Assigned to' })).toHaveValue('anna');
  await expect(detail.getByRole('textbox', { name: 'Private note' })).toHaveValue('Klant belde ook & wil terugbellen');
});
