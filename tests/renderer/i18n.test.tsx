import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_KEY, pickLanguage } from '../../renderer/i18n';
import { formatRelative } from '../../renderer/format';
import { detail, renderInbox, rowAt } from './helpers';
import { createFakeApi } from './fake-api';
import { inboxReviews, locations } from './fixtures';

/** The language the UI last wrote to settings.json (through `settings.update`). */
const savedLanguage = (fake: ReturnType<typeof createFakeApi>): unknown =>
  fake.calls.filter((c) => c.name === 'settings.update').map((c) => (c.input as { language?: unknown }).language).at(-1);

describe('language', () => {
  it('defaults from the browser (nl* → nl, else en) unless one is stored', () => {
    expect(pickLanguage(null, 'nl-BE')).toBe('nl');
    expect(pickLanguage(null, 'nl')).toBe('nl');
    expect(pickLanguage(null, 'fr-BE')).toBe('en');
    expect(pickLanguage(null, undefined)).toBe('en');
    expect(pickLanguage('en', 'nl-NL')).toBe('en');
    expect(pickLanguage('de', 'nl-NL')).toBe('nl');
  });

  it('switches visible strings to Dutch and back, persists the choice, and sets <html lang>', async () => {
    await renderInbox();
    const group = screen.getByRole('group', { name: 'Language' });
    const nlButton = within(group).getByRole('button', { name: 'NL' });
    expect(nlButton.getAttribute('aria-pressed')).toBe('false');

    fireEvent.click(nlButton);
    await waitFor(() => expect(screen.getByRole('listbox', { name: 'Onbeantwoorde reviews' })).toBeTruthy());
    expect(screen.getByRole('group', { name: 'Taal' })).toBeTruthy();
    expect(nlButton.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('7 onbeantwoord')).toBeTruthy();
    expect(within(rowAt(0)).getByRole('img', { name: '1 van 5 sterren' })).toBeTruthy();
    expect(within(detail()).getByRole('button', { name: 'Beantwoorden' })).toBeTruthy();
    expect(detail().textContent).toContain('1 februari 2026');
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe('nl');
    expect(document.documentElement.lang).toBe('nl');
    expect(pickLanguage(localStorage.getItem(LANGUAGE_KEY), 'en-US')).toBe('nl');

    fireEvent.click(screen.getByRole('button', { name: 'EN' }));
    await waitFor(() => expect(screen.getByRole('listbox', { name: 'Unanswered reviews' })).toBeTruthy());
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('keeps the choice in settings.json, and a language stored there wins over this browser', async () => {
    const fake = createFakeApi({ reviews: inboxReviews, locations });
    await renderInbox(fake);
    // First start: the browser's language (English here) is written down with the settings.
    await waitFor(() => expect(savedLanguage(fake)).toBe('en'));
    fireEvent.click(screen.getByRole('button', { name: 'NL' }));
    await waitFor(() => expect(savedLanguage(fake)).toBe('nl'));
  });

  it('starts in the language from settings.json even when this browser remembers another', async () => {
    localStorage.setItem(LANGUAGE_KEY, 'en');
    const fake = createFakeApi({ reviews: inboxReviews, locations, settings: { language: 'nl' } });
    await renderInbox(fake);
    await waitFor(() => expect(screen.getByRole('group', { name: 'Taal' })).toBeTruthy());
    expect(document.documentElement.lang).toBe('nl');
    fireEvent.click(screen.getByRole('button', { name: 'EN' }));
    await waitFor(() => expect(savedLanguage(fake)).toBe('en'));
  });

  it('formats relative ages with Intl in the current language', () => {
    const now = Date.parse('2026-03-10T12:00:00.000Z');
    expect(formatRelative('2026-03-07T12:00:00.000Z', now, 'en')).toBe('3 days ago');
    expect(formatRelative('2026-03-07T12:00:00.000Z', now, 'nl')).toBe('3 dagen geleden');
    expect(formatRelative('2026-03-10T09:00:00.000Z', now, 'en')).toBe('3 hours ago');
    expect(formatRelative('2026-03-09T12:00:00.000Z', now, 'nl')).toBe('gisteren');
    expect(formatRelative('2025-03-01T12:00:00.000Z', now, 'en')).toBe('1 year ago');
  });
});
