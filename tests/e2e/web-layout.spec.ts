import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { layoutProblems } from './layout-check';
import { expect, startHost, test, type RunningHost } from './web-host-fixture';

/**
 * Every screen whole at every width from the Electron minimum (880 px) up, in English and Dutch:
 * nothing wider than its container, no header text cut off, the view tabs and the composer's steps on
 * one line; and axe finds no serious or critical problem on any of them. Screenshots land in the test's
 * output folder (layout-<lang>-<width>-<screen>.png) for a person to look at.
 */

const WIDTHS = [880, 1280, 1920, 2560] as const;
const LANGS = ['en', 'nl'] as const;
const NAV = {
  en: { inbox: 'Inbox', dashboard: 'Dashboard', outbox: 'Outbox', settings: 'Settings', main: 'Main', answer: 'Answer' },
  nl: { inbox: 'Inbox', dashboard: 'Dashboard', outbox: 'Outbox', settings: 'Instellingen', main: 'Hoofdmenu', answer: 'Beantwoorden' },
} as const;

type Screen = 'inbox' | 'composer' | 'dashboard' | 'settings' | 'outbox';
const SCREENS: Screen[] = ['inbox', 'composer', 'dashboard', 'settings', 'outbox'];

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

async function open(page: Page, lang: (typeof LANGS)[number], screen: Screen): Promise<void> {
  const nav = page.getByRole('navigation', { name: NAV[lang].main });
  const view = screen === 'composer' ? 'inbox' : screen;
  await nav.getByRole('button', { name: NAV[lang][view], exact: true }).click({ timeout: 10_000 });
  if (screen === 'inbox') await page.getByRole('listbox').getByRole('option').first().click({ timeout: 10_000 });
  if (screen === 'composer' && !(await page.locator('.composer .steps').isVisible())) {
    await page.getByRole('listbox').getByRole('option').first().click({ timeout: 10_000 });
    await page.getByRole('article').getByRole('button', { name: NAV[lang].answer }).click({ timeout: 10_000 });
    await expect(page.locator('.composer .steps')).toBeVisible();
  }
  if (screen === 'dashboard') await expect(page.locator('.recharts-surface').first()).toBeVisible({ timeout: 20_000 });
  if (screen === 'settings') await expect(page.locator('.settings-section').first()).toBeVisible();
  if (screen === 'outbox') await expect(page.locator('.outbox')).toBeVisible();
}

let host: RunningHost;
test.describe.configure({ timeout: 300_000 });
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.stop();
});

for (const lang of LANGS) {
  test(`every screen is whole from 880 to 2560 px and axe-clean, in ${lang.toUpperCase()}`, async ({ page }, info) => {
    await page.setViewportSize({ width: 1280, height: 820 });
    await page.goto(host.url);
    await expect(page.getByRole('listbox').getByRole('option').first()).toBeVisible();
    const switchGroup = page.locator('.topbar .lang-switch');
    await switchGroup.getByRole('button', { name: lang.toUpperCase() }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);

    const found: string[] = [];
    for (const screen of SCREENS) {
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: width >= 2560 ? 1440 : width >= 1920 ? 1080 : 820 });
        await open(page, lang, screen);
        await page.waitForTimeout(150); // one layout pass after the resize
        await page.screenshot({ path: info.outputPath(`layout-${lang}-${width}-${screen}.png`) });
        for (const p of await layoutProblems(page)) found.push(`${lang} ${width}px ${screen}: ${p}`);
      }
      for (const v of await seriousViolations(page)) found.push(`${lang} ${screen} axe: ${v}`);
    }
    expect(found).toEqual([]);
  });
}
