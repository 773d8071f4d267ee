import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeApi } from './fake-api';
import { expectedOrder, inboxReviews, locations, review } from './fixtures';
import { active, detail, renderInbox, rowAt, rowIds, rows, selectedRow } from './helpers';

describe('inbox list', () => {
  it('shows only unanswered reviews, lowest rating first, then oldest first', async () => {
    await renderInbox();
    expect(rowIds()).toEqual(expectedOrder);
    expect(screen.getByRole('listbox', { name: 'Unanswered reviews' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: /^Unanswered\s*7$/ }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('heading', { name: 'Inbox' })).toBeTruthy();
    expect(screen.getByText('7 unanswered')).toBeTruthy();
  });

  it('renders stars, author, location, anonymous and rating-only rows', async () => {
    await renderInbox();
    const first = rowAt(0);
    expect(within(first).getByRole('img', { name: '1 of 5 stars' })).toBeTruthy();
    expect(first.textContent).toContain('John Smith');
    expect(first.textContent).toContain('Bakkerij Zoet — Gent');
    expect(rowAt(2).textContent).toContain('Rating only — no text');
    const unrated = rowAt(-1);
    expect(unrated.textContent).toContain('No rating');
    expect(unrated.textContent).toContain('Anonymous');
  });

  it('filters by star chips with counts, and toggles back', async () => {
    await renderInbox();
    const one = screen.getByRole('button', { name: '1 star: 2 reviews' });
    expect(one.getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByRole('button', { name: '4 stars: 1 review' })).toBeTruthy();
    fireEvent.click(one);
    await waitFor(() => expect(rowIds()).toEqual(['google:loc-2:one-old', 'google:loc-1:one-new']));
    expect(one.getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: '5 stars: 1 review' }));
    await waitFor(() => expect(rows()).toHaveLength(3));

    fireEvent.click(one);
    fireEvent.click(screen.getByRole('button', { name: '5 stars: 1 review' }));
    await waitFor(() => expect(rows()).toHaveLength(7));
  });

  it('selects the first row, and shows a clicked row in the detail pane', async () => {
    await renderInbox();
    expect(selectedRow()?.dataset.reviewId).toBe(expectedOrder[0]);
    expect(within(detail()).getByRole('heading', { level: 2 }).textContent).toBe('John Smith');

    fireEvent.click(rowAt(1));
    expect(selectedRow()?.dataset.reviewId).toBe('google:loc-1:one-new');
    const pane = detail();
    expect(within(pane).getByRole('heading', { level: 2 }).textContent).toBe('Piet Jansen');
    expect(pane.textContent).toContain('Koude soep en lang wachten.');
    expect(pane.textContent).toContain('Bakkerij Zoet — Utrecht');
    expect(pane.textContent).toMatch(/March 10, 2026|10 March 2026/);
  });

  it('moves the selection with j/k and the arrow keys; focus stays on the list, the selected row is its active descendant', async () => {
    await renderInbox();
    const list = screen.getByRole('listbox');
    fireEvent.keyDown(document.body, { key: 'j' });
    expect(selectedRow()?.dataset.reviewId).toBe(expectedOrder[1]);
    expect(document.activeElement).toBe(list);
    expect(list.getAttribute('aria-activedescendant')).toBe(selectedRow()?.id);
    fireEvent.keyDown(active(), { key: 'ArrowDown' });
    expect(selectedRow()?.dataset.reviewId).toBe(expectedOrder[2]);
    fireEvent.keyDown(active(), { key: 'k' });
    fireEvent.keyDown(active(), { key: 'ArrowUp' });
    expect(selectedRow()?.dataset.reviewId).toBe(expectedOrder[0]);
    fireEvent.keyDown(active(), { key: 'End' });
    expect(selectedRow()?.dataset.reviewId).toBe(expectedOrder.at(-1));
    // One tab stop: the listbox; rows are not in the tab order.
    expect(list.tabIndex).toBe(0);
    expect(rows().filter((r) => r.tabIndex >= 0)).toHaveLength(0);
  });

  it('renders only the rows in view of a long list and loads the page a jump lands on', async () => {
    const many = Array.from({ length: 1000 }, (_, i) =>
      review(`r${String(i).padStart(4, '0')}`, { rating: 3, createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() }),
    );
    const { fake } = await renderInbox(createFakeApi({ reviews: many, locations }));
    expect(rows().length).toBeLessThan(40);
    expect(rowAt(0).getAttribute('aria-setsize')).toBe('1000');
    expect(screen.getByText('1,000 reviews')).toBeTruthy();
    const list = screen.getByRole('listbox');
    list.focus();
    fireEvent.keyDown(list, { key: 'End' });
    // jsdom does not scroll, so the row itself is checked in the browser (e2e); the detail shows the last review.
    await waitFor(() => expect(within(detail()).getByRole('heading', { level: 2 }).textContent).toBe('Author r0999'));
    // Pages of 50 are fetched as needed, never the whole list.
    // (The window title's unanswered count asks for a single row; the list asks for pages.)
    const queries = fake.calls
      .filter((c) => c.name === 'reviews.query')
      .map((c) => c.input as { offset: number; limit: number })
      .filter((q) => q.limit !== 1);
    expect(queries.every((q) => q.limit === 50)).toBe(true);
    expect(queries.map((q) => q.offset)).toContain(950);
  });

  it('re-queries when reviews change', async () => {
    const { fake } = await renderInbox();
    fake.reviews = [...inboxReviews, review('new-one', { rating: 1, createdAt: '2026-01-10T10:00:00.000Z', author: 'Nieuw' })];
    act(() => fake.emit('reviews.changed', { reason: 'sync', count: 1 }));
    await waitFor(() => expect(rowIds()[0]).toBe('google:loc-1:new-one'));
    expect(screen.getByText('8 unanswered')).toBeTruthy();
  });
});
