import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './web-host-fixture';

const shots = 'test-results/composer';

test('answer a 1★ Dutch review calmly through every step with the keyboard', async ({ page, host }) => {
  await page.goto(host.url);
  const list = page.getByRole('listbox', { name: 'Unanswered reviews' });
  await expect(list.getByRole('option').first()).toBeVisible();

  // Shorten the cool-down through Settings → Reply tone (the default is 60 s).
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  const seconds = page.getByLabel('Pause in seconds');
  await seconds.fill('3');
  await seconds.press('Enter');
  await expect(seconds).toHaveValue('3');
  await page.getByLabel('Signed by').fill('Sanne');
  await page.getByLabel('Signed by').press('Enter');
  await page.waitForTimeout(300);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Inbox' }).click();

  // The first Dutch 1★ review (the list puts the lowest ratings first).
  const options = list.getByRole('option');
  let reviewId: string | null = null;
  for (let i = 0; i < 20 && reviewId === null; i++) {
    await options.nth(i).click();
    const detail = page.locator('article.detail');
    if ((await detail.getByRole('img', { name: '1 of 5 stars' }).count()) === 0) continue;
    await detail.getByRole('button', { name: 'Answer' }).click();
    if ((await page.getByRole('radio', { name: 'Nederlands' }).getAttribute('aria-checked')) === 'true') reviewId = await options.nth(i).getAttribute('data-review-id');
    else await page.getByRole('button', { name: 'Discard draft' }).count();
  }
  expect(reviewId, 'a Dutch 1★ review in the demo').not.toBeNull();

  // Stay calm: the review stays visible, the editor is locked for the pause, with a one-line reason.
  const editor = page.getByRole('textbox', { name: 'Your reply' });
  await expect(page.getByText('A short pause before you write')).toBeVisible();
  await expect(editor).toBeDisabled();
  await expect(page.getByRole('timer')).toContainText(/The editor opens in \d seconds?/);
  await page.screenshot({ path: `${shots}-1-cool-down.png` });
  await expect(editor).toBeEnabled({ timeout: 8000 });
  await expect(page.getByText('Ready when you are.')).toBeVisible();

  // Thank → empathise → own → offer → sign: Alt+1 inserts a suggestion and stays on the step; Alt+→ moves on.
  await editor.focus();
  await editor.press('Alt+ArrowRight');
  await expect(page.getByRole('button', { name: /Thank/ })).toHaveAttribute('aria-current', 'step');
  await expect(page.getByRole('button', { name: /^Insert suggestion/ })).toHaveCount(3);
  for (const step of ['Empathise', 'Own it', 'Offer', 'Sign', 'Check']) {
    await editor.press('Alt+1');
    await editor.press('Alt+ArrowRight');
    await expect(page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: step })).toHaveAttribute('aria-current', 'step');
  }
  await expect(editor).toHaveValue(/^(Beste|Goedendag|Hallo)[^\n]*\n\n[\s\S]+Sanne$/);
  await expect(editor).toBeFocused();
  await expect(page.getByText('Calm check: nothing to change.')).toBeVisible();

  // A defensive, shouting sentence is highlighted live and blocks queueing; removing it clears the marks.
  await editor.press('Control+Home');
  await editor.press('End');
  const angry = ' Dat klopt niet!!';
  await editor.pressSequentially(angry);
  // The arguing sentence is marked as a whole (its calm rewrite replaces it); the "!!" is listed too.
  await expect(page.locator('.lint-mark[data-rule="defensive"]')).toContainText('Dat klopt niet!!');
  await expect(page.locator('.lint__item[data-rule="shouting"]')).toContainText('!!');
  await expect(page.locator('.lint__item[data-rule="defensive"]')).toContainText('Sounds defensive');
  await page.screenshot({ path: `${shots}-2-lint.png`, fullPage: true });
  for (let i = 0; i < angry.length; i++) await editor.press('Backspace');
  await expect(page.locator('.lint-mark')).toHaveCount(0);
  await expect(page.getByText('Calm check: nothing to change.')).toBeVisible();

  // The byte counter counts UTF-8 (é is two bytes).
  const size = page.locator('.size');
  const before = Number((await size.textContent())?.match(/^(\d+)/)?.[1]);
  await editor.press('End');
  await editor.pressSequentially(' é');
  await expect(size).toContainText(`${before + 3} / 4096 bytes`);
  await editor.press('Backspace');
  await editor.press('Backspace');
  await expect(size).toContainText(`${before} / 4096 bytes`);
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();

  // Ctrl+Enter opens the one-minute checklist; the three ticks unlock queueing; the preview shows the reply under the review.
  await editor.press('Control+Enter');
  const queue = page.getByRole('button', { name: 'Queue reply' });
  await expect(queue).toBeDisabled();
  await expect(page.getByRole('checkbox', { name: 'I stuck to the facts.' })).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(queue).toBeEnabled();
  const preview = page.getByRole('region', { name: 'How it will appear under the review' });
  await expect(preview).toContainText('Sanne');
  await page.screenshot({ path: `${shots}-3-check.png`, fullPage: true });
  const axe = await new AxeBuilder({ page }).include('.composer').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.keyboard.press('Control+Enter');

  // Queued: the review leaves the unanswered list and the next one is up.
  await expect(list.locator(`[data-review-id="${reviewId}"]`)).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Outbox' }).click();
  await expect(page.locator('.outbox__item').first()).toContainText(/Beste|Goedendag|Hallo/);
});

test('a 5★ review gets the short flow in Dutch, with what they liked and the templates', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'NL', exact: true }).click();
  const list = page.getByRole('listbox', { name: 'Onbeantwoorde reviews' });
  await expect(list.getByRole('option').first()).toBeVisible();
  await page.getByRole('button', { name: /^5 sterren:/ }).click();
  await list.getByRole('option').first().click();
  await page.getByRole('button', { name: 'Beantwoorden' }).click();
  const editor = page.getByRole('textbox', { name: 'Je reactie' });
  await expect(editor).toBeEnabled();
  const steps = page.getByRole('navigation', { name: 'Stappen' }).getByRole('button');
  await expect(steps).toHaveText(['1Bedanken', '2Wat ze goed vonden', '3Opnieuw uitnodigen', '4Ondertekenen', '5Controle']);
  await editor.focus();
  await editor.press('Alt+1');
  await editor.press('Alt+ArrowRight');
  await editor.press('Alt+1');
  await expect(editor).toHaveValue(/\n\n\S/);
  await page.screenshot({ path: `${shots}-4-praise-nl.png` });
  await page.getByRole('button', { name: 'Sjablonen' }).click();
  await expect(page.getByRole('region', { name: 'Sjablonen' }).getByText('Bedankt voor lof')).toBeVisible();
  await page.getByRole('region', { name: 'Sjablonen' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}-5-templates-nl.png` });
});
