import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Location } from '../../shared/domain/location';
import { createFakeApi } from './fake-api';
import { inboxReviews, locations, review } from './fixtures';
import { detail, renderInbox, rowIds, rows } from './helpers';

const views = () => screen.getByRole('tablist', { name: 'Views' });
const viewButton = (name: string) => within(views()).getByRole('tab', { name: new RegExp(`^${name}`) });
const countOf = (name: string) => Number((viewButton(name).textContent ?? '').replace(/\D/g, ''));
const search = () => screen.getByRole('searchbox', { name: 'Search reviews' });

async function typeSearch(text: string) {
  fireEvent.change(search(), { target: { value: text } });
  await waitFor(() => expect(window.location.hash).toContain(`q=${encodeURIComponent(text).replace(/%20/g, '+')}`));
}

describe('inbox views and counts', () => {
  it('counts every view and switches between them; the view is in the address', async () => {
    const { fake } = await renderInbox();
    await fake.api.call('drafts.save', { reviewId: 'google:loc-1:five', text: 'Dank!' });
    act(() => fake.emit('drafts.changed', { reviewId: 'google:loc-1:five' }));
    await waitFor(() => expect(countOf('Drafts')).toBe(1));
    expect([countOf('Unanswered'), countOf('Outbox'), countOf('Answered'), countOf('All')]).toEqual([7, 0, 1, 8]);
    // The row with a draft says so.
    expect(rows().find((r) => r.dataset.reviewId === 'google:loc-1:five')?.textContent).toContain('Draft');

    fireEvent.click(viewButton('Answered'));
    await waitFor(() => expect(rowIds()).toEqual(['google:loc-1:answered']));
    expect(window.location.hash).toBe('#/inbox?view=answered');
    expect(screen.getByRole('listbox', { name: 'Answered reviews' })).toBeTruthy();
    fireEvent.click(viewButton('Drafts'));
    await waitFor(() => expect(rowIds()).toEqual(['google:loc-1:five']));
  });

  it('orders by the chosen sort: newest, oldest, highest', async () => {
    await renderInbox();
    const order = screen.getByRole('combobox', { name: 'Order' });
    fireEvent.change(order, { target: { value: 'newest' } });
    await waitFor(() => expect(rowIds()[0]).toBe('google:loc-1:one-new'));
    expect(rowIds()).toEqual(['one-new', 'five', 'xss', 'three', 'two', 'one-old', 'unrated'].map((id) => `google:${id === 'one-old' ? 'loc-2' : 'loc-1'}:${id}`));
    expect(window.location.hash).toBe('#/inbox?sort=newest');
    fireEvent.change(order, { target: { value: 'oldest' } });
    await waitFor(() => expect(rowIds()[0]).toBe('google:loc-1:unrated'));
    fireEvent.change(order, { target: { value: 'highest' } });
    await waitFor(() => expect(rowIds().slice(0, 2)).toEqual(['google:loc-1:five', 'google:loc-1:xss']));
  });

  it('starts from filters in the address (a dashboard link) and clears them with one click', async () => {
    window.history.replaceState(null, '', '#/inbox?location=loc-2&rating=1');
    await renderInbox();
    expect(rowIds()).toEqual(['google:loc-2:one-old']);
    expect(screen.getByRole('button', { name: 'Location Bakkerij Zoet — Gent' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '1 star: 1 review' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Clear 2 filters' }));
    await waitFor(() => expect(rows()).toHaveLength(7));
    expect(window.location.hash).toBe('#/inbox');
  });

  it('follows the address when it changes from outside (back, links)', async () => {
    await renderInbox();
    act(() => {
      window.history.pushState(null, '', '#/inbox?rating=5');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await waitFor(() => expect(rowIds()).toEqual(['google:loc-1:five']));
  });

  it('filters by language, date range and overdue, with counts', async () => {
    await renderInbox();
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'en' } });
    await waitFor(() => expect(rowIds()).toEqual(['google:loc-2:one-old']));
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: '' } });
    // Dates are typed in the UI language's order (US English here: month first), applied on leaving the field or Enter.
    const from = screen.getByLabelText('From date');
    expect(from.getAttribute('placeholder')).toBe('mm/dd/yyyy');
    fireEvent.change(from, { target: { value: '02/30/2026' } });
    fireEvent.blur(from);
    expect(screen.getByRole('alert').textContent).toBe('Write the date as mm/dd/yyyy.');
    expect(from.getAttribute('aria-invalid')).toBe('true');
    expect((from as HTMLInputElement).value).toBe('02/30/2026');
    fireEvent.change(from, { target: { value: '2/15/2026' } });
    fireEvent.blur(from);
    const to = screen.getByLabelText('To date');
    fireEvent.change(to, { target: { value: '02-25-2026' } });
    fireEvent.keyDown(to, { key: 'Enter' });
    await waitFor(() => expect(rowIds()).toEqual(['google:loc-1:two', 'google:loc-1:three', 'google:loc-1:xss']));
    expect(window.location.hash).toBe('#/inbox?from=2026-02-15&to=2026-02-25');
    expect((from as HTMLInputElement).value).toBe('02/15/2026');
    expect(screen.queryByRole('alert')).toBeNull();
    // Every fixture review is months old: all overdue against Google's 24 hours.
    const overdue = screen.getByRole('button', { name: /^Overdue only/ });
    expect(overdue.textContent).toContain('3');
    fireEvent.click(overdue);
    await waitFor(() => expect(overdue.getAttribute('aria-pressed')).toBe('true'));
    expect(rows()).toHaveLength(3);
    expect(rows()[0]?.textContent).toContain('Overdue');
  });

  it('finds a location in a long list by typing', async () => {
    const many: Location[] = Array.from({ length: 250 }, (_, i) => ({
      id: `loc-${i + 1}`, source: 'google', name: i === 1 ? 'Bakkerij Zoet — Gent' : `Filiaal ${i + 1} Zwolle`, storeCode: null, address: null, mapsUrl: null, newReviewUrl: null,
    }));
    await renderInbox(createFakeApi({ reviews: inboxReviews, locations: many }));
    fireEvent.click(screen.getByRole('button', { name: 'Location All locations' }));
    const panel = screen.getByRole('group', { name: 'Location' });
    expect(within(panel).getAllByRole('checkbox')).toHaveLength(60);
    expect(panel.textContent).toContain('Showing 60 of 250');
    fireEvent.change(within(panel).getByRole('searchbox', { name: 'Find a location' }), { target: { value: 'gént' } });
    fireEvent.click(within(panel).getByRole('checkbox', { name: 'Bakkerij Zoet — Gent' }));
    await waitFor(() => expect(rowIds()).toEqual(['google:loc-2:one-old']));
    expect(window.location.hash).toBe('#/inbox?location=loc-2');
  });
});

describe('search', () => {
  it('is diacritics-insensitive and highlights matches as text, also in hostile markup', async () => {
    const hostile = '<img src=x onerror=alert(1)> Café <script>alert(2)</script>';
    const fake = createFakeApi({
      locations,
      reviews: [...inboxReviews, review('evil', { rating: 1, createdAt: '2025-01-01T00:00:00.000Z', text: hostile, author: '<b>cafe</b> owner' })],
    });
    await renderInbox(fake);
    await typeSearch('cafe');
    await waitFor(() => expect(rowIds()).toEqual(['google:loc-1:evil']));
    const row = rows()[0] as HTMLElement;
    const marks = [...row.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['cafe', 'Café']);
    expect(row.querySelector('.row__text')?.textContent).toBe(hostile);
    expect(row.querySelector('.row__author')?.textContent).toBe('<b>cafe</b> owner');
    expect(document.querySelector('img, script, b')).toBeNull();
    // The review view highlights the same words.
    expect([...detail().querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['cafe', 'Café']);

    // Markup characters as the search itself.
    await typeSearch('<script>');
    await waitFor(() => expect(rows()[0]?.querySelector('mark')?.textContent).toBe('<script>'));
    expect(document.querySelector('script')).toBeNull();
  });

  it('says so when nothing matches, and clears with Escape', async () => {
    await renderInbox();
    await typeSearch('zzzq');
    expect(await screen.findByText('No unanswered reviews match these filters.')).toBeTruthy();
    fireEvent.keyDown(search(), { key: 'Escape' });
    await waitFor(() => expect(rows()).toHaveLength(7));
  });
});

describe('bulk "mark done" and keys', () => {
  it('checks reviews with x, marks them done with e, and they leave Unanswered', async () => {
    const { fake } = await renderInbox();
    const list = screen.getByRole('listbox');
    list.focus();
    fireEvent.keyDown(list, { key: 'x' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: ' ' });
    expect(screen.getByRole('region', { name: 'Bulk actions' }).textContent).toContain('2 checked');
    fireEvent.keyDown(list, { key: 'e' });
    await waitFor(() => expect(rows()).toHaveLength(5));
    expect(fake.calls.filter((c) => c.name === 'reviews.markDone').map((c) => c.input)).toEqual([{ ids: ['google:loc-2:one-old', 'google:loc-1:one-new'], done: true }]);
    expect(countOf('Answered')).toBe(3);
    expect(screen.getByText('2 reviews marked done.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Bulk actions' })).toBeNull();

    // Done reviews are under Answered, and one click puts one back.
    fireEvent.click(viewButton('Answered'));
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(rows()[0] as HTMLElement);
    // The detail pane follows the new list's selection a render later (a new article for the new review).
    fireEvent.click(await waitFor(() => within(detail()).getByRole('button', { name: 'Back to Unanswered' })));
    await waitFor(() => expect(countOf('Unanswered')).toBe(6));
  });

  it('opens the composer with Enter or r, searches with /, and lists the keys with ?', async () => {
    await renderInbox();
    const list = screen.getByRole('listbox');
    list.focus();
    fireEvent.keyDown(list, { key: 'Enter' });
    expect(await within(detail()).findByLabelText('Your reply')).toBeTruthy();
    fireEvent.keyDown(document.body, { key: 'j' });
    expect(within(detail()).queryByLabelText('Your reply')).toBeNull();
    fireEvent.keyDown(document.body, { key: 'r' });
    expect(await within(detail()).findByLabelText('Your reply')).toBeTruthy();
    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(search());
    fireEvent.keyDown(document.body, { key: '?' });
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog.textContent).toContain('Answer the review');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
