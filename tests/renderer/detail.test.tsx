import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeApi } from './fake-api';
import { inboxReviews, locations, review, XSS } from './fixtures';
import { detail, must, renderInbox, rows } from './helpers';

const open = (id: string): void => {
  const row = rows().find((r) => r.dataset.reviewId === `google:loc-1:${id}`);
  if (!row) throw new Error(`no row ${id}`);
  fireEvent.click(row);
};

describe('review detail', () => {
  it('renders untrusted review text and names as literal text, never as HTML', async () => {
    const { container } = await renderInbox();
    open('xss');
    expect(detail().textContent).toContain(XSS);
    expect(detail().textContent).toContain('<b>Mallory</b>');
    const row = must(rows().find((r) => r.dataset.reviewId === 'google:loc-1:xss'), 'xss row');
    expect(row.textContent).toContain(XSS);
    expect(container.querySelector('img')).toBeNull();
    expect(document.querySelector('img, b')).toBeNull();
  });

  it('shows the original first and the translation on request', async () => {
    await renderInbox();
    open('three');
    const pane = detail();
    expect(pane.textContent).toContain('Das Essen war okay, aber teuer.');
    expect(pane.textContent).not.toContain('The food was okay, but expensive.');
    const toggle = within(pane).getByRole('button', { name: 'Show translation' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.textContent).toBe('Hide translation');
    expect(pane.textContent).toContain('Translated by Google');
    expect(pane.textContent).toContain('The food was okay, but expensive.');
    // Original stays first.
    const text = pane.textContent ?? '';
    expect(text.indexOf('Das Essen')).toBeLessThan(text.indexOf('The food'));

    fireEvent.click(toggle);
    expect(pane.textContent).not.toContain('The food was okay, but expensive.');
  });

  it('has no translation toggle for reviews without a translation', async () => {
    await renderInbox();
    open('five');
    expect(within(detail()).queryByRole('button', { name: 'Show translation' })).toBeNull();
  });

  it('opens the reply editor when Answer is pressed', async () => {
    await renderInbox();
    fireEvent.click(within(detail()).getByRole('button', { name: 'Answer' }));
    expect(await within(detail()).findByLabelText('Your reply')).toBeTruthy();
    expect(within(detail()).queryByRole('button', { name: 'Answer' })).toBeNull();
  });

  it('shows "Rating only" for reviews without text', async () => {
    await renderInbox();
    open('two');
    expect(detail().textContent).toContain('Rating only — no text');
  });

  it('links to the review and the map only with http(s), and marks a review edited after the reply', async () => {
    const reply = { text: 'Bedankt!', updatedAt: '2026-03-02T10:00:00.000Z', state: 'published' as const };
    const fake = createFakeApi({
      locations: [{ ...locations[0]!, mapsUrl: 'https://maps.google.com/?cid=1' }, { ...locations[1]!, mapsUrl: 'javascript:alert(1)' }],
      reviews: [
        ...inboxReviews,
        review('safe', { rating: 1, createdAt: '2025-01-01T00:00:00.000Z', url: 'https://search.google.com/local/reviews?x=1' }),
        review('unsafe', { rating: 1, createdAt: '2025-01-02T00:00:00.000Z', locationId: 'loc-2', url: 'javascript:alert(2)' }),
        review('edited', { rating: 2, createdAt: '2026-03-01T10:00:00.000Z', updatedAt: '2026-03-05T10:00:00.000Z', status: 'conflict', reply }),
      ],
    });
    await renderInbox(fake);
    open('safe');
    const links = within(detail()).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')])).toEqual([
      ['Open on Google', 'https://search.google.com/local/reviews?x=1', '_blank', 'noopener noreferrer'],
      ['Open in Maps', 'https://maps.google.com/?cid=1', '_blank', 'noopener noreferrer'],
    ]);
    const unsafe = must(rows().find((r) => r.dataset.reviewId === 'google:loc-2:unsafe'), 'unsafe row');
    fireEvent.click(unsafe);
    expect(within(detail()).queryAllByRole('link')).toEqual([]);

    fireEvent.click(within(screen.getByRole('tablist', { name: 'Views' })).getByRole('tab', { name: /^Outbox/ }));
    const edited = await screen.findByText('Edited after reply', { selector: '.row .sbadge' });
    expect(edited.closest('[role="option"]')?.textContent).toContain('Conflict');
    // The detail pane follows the new list's selection a render later.
    await waitFor(() => expect(detail().textContent).toContain('Bedankt!'));
  });
});

describe('review date', () => {
  it('a date-only import shows the day only, never a time (and the row no hours)', async () => {
    const dayOnly = review('day', {
      rating: 4, createdAt: '2026-03-14T00:00:00.000Z', updatedAt: '2026-03-14T00:00:00.000Z', text: 'Goed geholpen.', author: 'Dagmar',
      origin: { rating: '4', scale: 'stars-5', title: null, device: null, appVersion: null, dateOnly: true },
    });
    await renderInbox(createFakeApi({ reviews: [...inboxReviews, dayOnly], locations }));
    open('day');
    const time = must(detail().querySelector('time'), 'date');
    expect(time.textContent).toBe('March 14, 2026');
    expect(time.getAttribute('datetime')).toBe('2026-03-14');
    const row = must(rows().find((r) => r.dataset.reviewId === 'google:loc-1:day'), 'row');
    expect(row.querySelector('time')?.getAttribute('datetime')).toBe('2026-03-14');
    expect(row.querySelector('time')?.textContent).not.toMatch(/hour|minute|uur|minuut/);
    // A review with a time still shows it.
    open('five');
    expect(detail().querySelector('time')?.textContent).toMatch(/2026.*\d{1,2}:\d{2}/);
  });
});
