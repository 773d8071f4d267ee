import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/App';
import type { OutboxConflictView } from '../../shared/outbox/outbox-view';
import { createFakeApi } from './fake-api';
import { locations, review } from './fixtures';
import { detail, must, renderInbox, rows } from './helpers';

const PKG = 'nl.zonnebloem.bestel';
const playApp = { id: PKG, source: 'play', name: PKG, storeCode: null, address: null, mapsUrl: `https://play.google.com/store/apps/details?id=${PKG}`, newReviewUrl: null };
const playSource = { id: 'play', kind: 'google-play' as const, name: 'Google Play', state: 'connected' as const, lastSyncAt: null };
const playReview = review('p1', { id: `play:${PKG}:p1`, source: 'play', locationId: PKG, rating: 1, text: 'De app crasht bij het afrekenen.' });

describe('a Google Play review is named as Play, not as Google', () => {
  it('shows the Play mark in the list and links to the app on Google Play', async () => {
    const fake = createFakeApi({ reviews: [playReview], locations: [...locations, playApp], sources: [playSource] });
    await renderInbox(fake);
    const row = must(rows().find((r) => r.dataset.reviewId === playReview.id), 'the Play row');
    const mark = must(row.querySelector('.source-mark'), 'the source mark');
    expect(mark.classList.contains('source-mark--play')).toBe(true);
    expect(mark.getAttribute('aria-label')).toBe('Google Play');
    fireEvent.click(row);
    const links = within(detail()).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toContain('Open in Google Play');
    expect(links.map((a) => a.textContent)).not.toContain('Open in Maps');
  });

  it('a conflict on a Play review speaks of Google Play', async () => {
    const fake = createFakeApi({ reviews: [playReview], locations: [...locations, playApp], sources: [playSource] });
    await fake.api.call('outbox.send', { reviewId: playReview.id, text: 'Wat vervelend, we zoeken het uit.' });
    const conflict: OutboxConflictView = {
      kind: 'changed', message: 'changed', oldText: 'De app crasht.', newText: 'De app crasht bij het afrekenen.', oldRating: 2, newRating: 1,
      otherReply: null, detectedAt: '2026-11-24T12:00:00.000Z',
    };
    Object.assign(must(fake.outbox[0], 'the queued item'), { state: 'conflict', conflict });
    render(<App api={fake.api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Outbox' }));
    const list = await screen.findByRole('list', { name: 'Queued replies' });
    const row = within(list).getByRole('listitem');
    expect(row.textContent).toContain('Now on Google Play');
  });
});
