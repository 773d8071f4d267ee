import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/App';
import { KalmError } from '../../shared/domain/errors';
import { createFakeApi } from './fake-api';
import { inboxReviews, locations, review } from './fixtures';
import { rows } from './helpers';

describe('inbox states', () => {
  it('shows skeleton rows while loading', async () => {
    const fake = createFakeApi({ reviews: inboxReviews, locations });
    render(<App api={fake.api} />);
    expect(screen.getByText('Loading reviews…')).toBeTruthy();
    await screen.findAllByRole('option');
    expect(screen.queryByText('Loading reviews…')).toBeNull();
  });

  it('offers the demo when there are no reviews at all, and loads it', async () => {
    const fake = createFakeApi({ locations, demo: inboxReviews });
    render(<App api={fake.api} />);
    expect(await screen.findByRole('heading', { name: 'No reviews yet' })).toBeTruthy();
    // The other two ways to start lead to Sources.
    expect(screen.getByRole('button', { name: 'Connect Google' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Import a file' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Load the demo' }));
    await screen.findByRole('listbox');
    expect(fake.calls.filter((c) => c.name === 'workspace.loadDemo')).toEqual([{ name: 'workspace.loadDemo', input: {} }]);
    expect(screen.getByText('Demo')).toBeTruthy();
  });

  it('is calm when every review is answered, with the overall average', async () => {
    const answered = { text: 'Thanks', updatedAt: '2026-03-02T10:00:00.000Z', state: 'published' as const };
    const fake = createFakeApi({
      locations,
      reviews: [
        review('a', { rating: 5, status: 'answered', reply: answered }),
        review('b', { rating: 4, status: 'answered', reply: answered }),
      ],
    });
    render(<App api={fake.api} />);
    expect(await screen.findByRole('heading', { name: 'All caught up' })).toBeTruthy();
    expect(await screen.findByText('Your overall average is 4.5 ★ from 2 ratings.')).toBeTruthy();
    const spread = screen.getByRole('list', { name: 'Ratings by stars' });
    expect(spread.textContent).toContain('5 stars1');
    expect(spread.textContent).toContain('4 stars1');
    // The views stay reachable: the answered ones are one click away.
    expect(screen.getByRole('tab', { name: /^Answered\s*2$/ })).toBeTruthy();
  });

  it('shows an error by code with the detail, and recovers on "Try again"', async () => {
    const fake = createFakeApi({ reviews: inboxReviews, locations });
    // As it arrives from the Electron preload: a plain object that lost its class.
    fake.failNext('reviews.query', { name: 'KalmError', code: 'forbidden', message: 'Token refused' });
    render(<App api={fake.api} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This page no longer has access.');
    expect(alert.textContent).toContain('Token refused');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('listbox');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps the list when a refresh fails, with a retry banner', async () => {
    const fake = createFakeApi({ reviews: inboxReviews, locations });
    render(<App api={fake.api} />);
    await screen.findAllByRole('option');
    fake.failNext('reviews.query', new KalmError('internal', 'disk on fire'));
    fireEvent.click(screen.getByRole('button', { name: '2 stars: 1 review' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('disk on fire');
    expect(rows().length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(rows()).toHaveLength(1);
  });
});
