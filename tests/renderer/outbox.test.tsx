import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/App';
import type { OutboxConflictView } from '../../shared/outbox/outbox-view';
import { createFakeApi, type FakeApi } from './fake-api';
import { expectedOrder, inboxReviews, locations, review } from './fixtures';
import { detail, must, renderInbox } from './helpers';

const firstId = must(expectedOrder[0], 'the first review id');
const callsOf = (fake: FakeApi, name: string) => fake.calls.filter((c) => c.name === name).map((c) => c.input);

async function openOutbox(fake: FakeApi) {
  render(<App api={fake.api} />);
  fireEvent.click(await screen.findByRole('button', { name: 'Outbox' }));
  return screen.findByRole('list', { name: 'Queued replies' });
}

const conflictOf = (kind: OutboxConflictView['kind'], patch: Partial<OutboxConflictView> = {}): OutboxConflictView => ({
  kind, message: `conflict ${kind}`, oldText: 'Het brood was oud.', newText: 'Het brood was oud en de koffie koud!', oldRating: 2, newRating: 1,
  otherReply: null, detectedAt: '2026-11-24T12:00:00.000Z', ...patch,
});

async function withItem(patch: Partial<FakeApi['outbox'][number]>) {
  const fake = createFakeApi({ reviews: inboxReviews, locations });
  await fake.api.call('outbox.send', { reviewId: firstId, text: 'Dank voor uw eerlijke review.' });
  Object.assign(must(fake.outbox[0], 'the queued item'), patch);
  return fake;
}

describe('outbox view: states and actions', () => {
  it('shows a failed item with its reason and next try, and retries it', async () => {
    const fake = await withItem({ state: 'failed', lastError: 'Google is not answering right now.', nextAttemptAt: '2026-11-24T12:30:00.000Z' });
    const list = await openOutbox(fake);
    const row = within(list).getByRole('listitem');
    expect(row.textContent).toContain('Not sent: Google is not answering right now.');
    // Which review: author and location, and how it starts.
    const first = must(inboxReviews.find((r) => r.id === firstId), 'the first review');
    expect(row.textContent).toContain(first.author);
    expect(row.textContent).toContain(first.text ?? '');
    expect(row.querySelector('time')?.getAttribute('dateTime')).toBe('2026-11-24T12:30:00.000Z');
    fireEvent.click(within(row).getByRole('button', { name: 'Retry now' }));
    await waitFor(() => expect(callsOf(fake, 'outbox.retry')).toEqual([{ id: `${firstId}#1` }]));
  });

  it('shows a queued item waiting for the connection with the reason', async () => {
    const fake = await withItem({ lastError: 'No connection to Google; Kalm will send this reply when the connection is back.', nextAttemptAt: '2026-11-24T12:01:00.000Z' });
    const list = await openOutbox(fake);
    expect(within(list).getByText(/Waiting: No connection to Google/)).toBeTruthy();
    expect(within(list).getByText('Queued')).toBeTruthy();
  });

  it('Edit takes the reply back into the draft and opens it in the editor with the review', async () => {
    const fake = await withItem({});
    const list = await openOutbox(fake);
    fireEvent.click(within(list).getByRole('button', { name: 'Edit' }));
    const box = await screen.findByLabelText<HTMLTextAreaElement>('Your reply');
    await waitFor(() => expect(box.value).toBe('Dank voor uw eerlijke review.'));
    expect(callsOf(fake, 'outbox.edit')).toEqual([{ id: `${firstId}#1` }]);
    expect(fake.outbox).toHaveLength(0);
    expect(screen.getByRole('heading', { name: 'Edit the reply' })).toBeTruthy();
    // Queue it again (Ctrl+Enter, the one-minute checklist, Ctrl+Enter): back to the list, with the item queued.
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    for (const c of await screen.findAllByRole('checkbox')) fireEvent.click(c);
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    expect(await screen.findByRole('list', { name: 'Queued replies' })).toBeTruthy();
    expect(fake.outbox).toHaveLength(1);
  });

  it('conflict "changed": old and new text side by side; send anyway, edit or discard', async () => {
    const fake = await withItem({ state: 'conflict', conflict: conflictOf('changed') });
    const list = await openOutbox(fake);
    const row = within(list).getByRole('listitem');
    expect(row.textContent).toContain('The reviewer changed the review');
    expect(within(row).getByText('Het brood was oud.')).toBeTruthy();
    expect(within(row).getByText('Het brood was oud en de koffie koud!')).toBeTruthy();
    expect(row.textContent).toContain('2 stars');
    expect(within(row).queryByRole('button', { name: 'Cancel' })).toBeNull();
    fireEvent.click(within(row).getByRole('button', { name: 'Send anyway' }));
    await waitFor(() => expect(callsOf(fake, 'outbox.resolve')).toEqual([{ id: `${firstId}#1`, choice: 'send_anyway' }]));
  });

  it('conflict "answered elsewhere" shows the other reply; discard removes the item', async () => {
    const fake = await withItem({ state: 'conflict', conflict: conflictOf('answered_elsewhere', { otherReply: 'Bedankt! — de eigenaar' }) });
    const list = await openOutbox(fake);
    const row = within(list).getByRole('listitem');
    expect(within(row).getByText('Bedankt! — de eigenaar')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Discard reply' }));
    await waitFor(() => expect(callsOf(fake, 'outbox.resolve')).toEqual([{ id: `${firstId}#1`, choice: 'discard' }]));
    expect(await screen.findByText(/The outbox is empty/)).toBeTruthy();
  });

  it('conflict "deleted" offers only discard', async () => {
    const fake = await withItem({ state: 'conflict', conflict: conflictOf('deleted', { newText: null, newRating: null }) });
    const list = await openOutbox(fake);
    const row = within(list).getByRole('listitem');
    expect(row.textContent).toContain('The review was deleted on Google');
    expect(within(row).queryByRole('button', { name: 'Send anyway' })).toBeNull();
    expect(within(row).queryByRole('button', { name: 'Edit reply' })).toBeNull();
    expect(within(row).getByRole('button', { name: 'Discard reply' })).toBeTruthy();
  });

  it('conflict "changed" → Edit reply: the text goes back to the draft', async () => {
    const fake = await withItem({ state: 'conflict', conflict: conflictOf('changed') });
    const list = await openOutbox(fake);
    fireEvent.click(within(list).getByRole('button', { name: 'Edit reply' }));
    const box = await screen.findByLabelText<HTMLTextAreaElement>('Your reply');
    await waitFor(() => expect(box.value).toBe('Dank voor uw eerlijke review.'));
  });
});

describe('toasts', () => {
  it('announce queued, then sent, then a failure with its reason (from outbox.changed)', async () => {
    const fake = createFakeApi({ reviews: inboxReviews, locations });
    render(<App api={fake.api} />);
    const region = await screen.findByRole('log', { name: 'Notifications' });
    await waitFor(() => expect(callsOf(fake, 'outbox.list').length).toBeGreaterThan(0));
    await act(async () => {
      await fake.api.call('outbox.send', { reviewId: firstId, text: 'Dank u!' });
      fake.emit('outbox.changed', {});
    });
    expect(await within(region).findByText(/Reply queued/)).toBeTruthy();
    await act(async () => {
      await fake.api.call('outbox.publish', {});
      fake.emit('outbox.changed', {});
    });
    expect(await within(region).findByText('Reply sent.')).toBeTruthy();
    const second = must(expectedOrder[1], 'the second review id');
    await act(async () => {
      await fake.api.call('outbox.send', { reviewId: second, text: 'Tot ziens!' });
      fake.emit('outbox.changed', {});
    });
    await within(region).findAllByText(/Reply queued/);
    await act(async () => {
      Object.assign(must(fake.outbox[1], 'the second item'), { state: 'failed', lastError: 'Google refused it (HTTP 400).' });
      fake.emit('outbox.changed', {});
    });
    const failed = await within(region).findByText('Reply not sent: Google refused it (HTTP 400).');
    fireEvent.click(within(must(failed.parentElement, 'the toast')).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(within(region).queryByText(/Reply not sent/)).toBeNull());
    // A conflict the owner deals with elsewhere leaves by itself.
    await act(async () => {
      Object.assign(must(fake.outbox[1], 'the second item'), { state: 'conflict', conflict: conflictOf('deleted') });
      fake.emit('outbox.changed', {});
    });
    expect(await within(region).findByText(/needs your decision/)).toBeTruthy();
    await act(async () => {
      fake.outbox.splice(1, 1);
      fake.emit('outbox.changed', {});
    });
    await waitFor(() => expect(within(region).queryByText(/needs your decision/)).toBeNull());
  });
});

describe('connection back', () => {
  it('tries replies that wait for the connection at once when the browser goes online; failed ones keep their backoff', async () => {
    const fake = await withItem({ lastError: 'No connection to Google.', nextAttemptAt: '2026-11-24T12:05:00.000Z' });
    await fake.api.call('outbox.send', { reviewId: must(expectedOrder[1], 'second'), text: 'Tweede' });
    Object.assign(must(fake.outbox[1], 'the second item'), { state: 'failed', lastError: 'HTTP 400', nextAttemptAt: '2026-11-24T13:00:00.000Z' });
    render(<App api={fake.api} />);
    await screen.findByRole('log', { name: 'Notifications' });
    act(() => void window.dispatchEvent(new Event('online')));
    await waitFor(() => expect(callsOf(fake, 'outbox.retry')).toEqual([{ id: `${firstId}#1` }]));
  });
});

describe('posted reply', () => {
  const answered = () => {
    const r = review('answered-1', {
      status: 'unanswered',
      reply: { text: 'Dank u wel voor uw bezoek!', updatedAt: '2026-11-20T10:00:00.000Z', state: 'rejected' },
    });
    return createFakeApi({ reviews: [r, ...inboxReviews], locations });
  };

  it('shows the state (rejected: back in the inbox), Edit reply fills the editor, Delete asks first', async () => {
    const fake = answered();
    await renderInbox(fake);
    const id = 'google:loc-1:answered-1';
    fireEvent.click(must(document.querySelector<HTMLElement>(`[data-review-id="${id}"]`), 'the rejected review\'s row'));
    const section = await within(detail()).findByRole('region', { name: /Your reply/ });
    expect(section.textContent).toContain('Rejected by the source');
    expect(section.textContent).toContain('The source rejected this reply');

    fireEvent.click(within(section).getByRole('button', { name: 'Delete reply' }));
    expect(within(section).getByText(/Delete this reply on Google\?/)).toBeTruthy();
    fireEvent.click(within(section).getByRole('button', { name: 'Keep it' }));
    expect(callsOf(fake, 'outbox.unreply')).toEqual([]);
    fireEvent.click(within(section).getByRole('button', { name: 'Delete reply' }));
    fireEvent.click(within(section).getByRole('button', { name: 'Yes, delete it' }));
    await waitFor(() => expect(callsOf(fake, 'outbox.unreply')).toEqual([{ reviewId: id }]));

    expect(await within(section).findByText('The removal is in the outbox.')).toBeTruthy();
    fireEvent.click(await within(section).findByRole('button', { name: 'Edit reply' }));
    const box = await within(detail()).findByLabelText<HTMLTextAreaElement>('Your reply');
    await waitFor(() => expect(box.value).toBe('Dank u wel voor uw bezoek!'));
  });
});

describe('outbox: replies posted by hand (copy-and-open, imported reviews)', () => {
  const tp = review('tp-1', { source: 'trustpilot', locationId: 'trustpilot', id: 'trustpilot:trustpilot:tp-1', url: 'https://www.trustpilot.com/reviews/tp-1', text: 'Bezorging duurde lang.' });
  const sources = [{ id: 'trustpilot', kind: 'file-import' as const, name: 'Trustpilot', state: 'connected' as const, lastSyncAt: null }];

  it('never says "queued" or "sending": copy, open the review page (http only) and "I posted it" answer the review', async () => {
    const fake = createFakeApi({ reviews: [tp], sources });
    await fake.api.call('outbox.send', { reviewId: tp.id, text: 'Dank voor je review, Anna.' });
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const list = await openOutbox(fake);
    const row = within(list).getByRole('listitem');
    expect(row.textContent).toContain('To post on Trustpilot');
    expect(row.textContent).not.toMatch(/Queued|Sending|Waiting/);
    expect(within(row).queryByRole('button', { name: 'Retry now' })).toBeNull();
    // Nothing for Kalm to publish.
    expect(screen.getByRole('button', { name: 'Publish now' }).hasAttribute('disabled')).toBe(true);

    fireEvent.click(within(row).getByRole('button', { name: 'Copy reply' }));
    await within(row).findByText(/Copied\. Paste it/);
    expect(writeText).toHaveBeenCalledWith('Dank voor je review, Anna.');
    const link = within(row).getByRole('link', { name: 'Open the review on Trustpilot' });
    expect(link.getAttribute('href')).toBe('https://www.trustpilot.com/reviews/tp-1');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');

    fireEvent.click(within(row).getByRole('button', { name: 'I posted it' }));
    await waitFor(() => expect(fake.reviews[0]).toMatchObject({ status: 'answered', reply: { text: 'Dank voor je review, Anna.' } }));
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Queued replies' })).toBeNull());
    expect(callsOf(fake, 'outbox.markPosted')).toEqual([{ reviewId: tp.id, text: 'Dank voor je review, Anna.' }]);
  });

  it('offers no link for a javascript: URL, and shows the reply to copy by hand when the clipboard fails', async () => {
    const hostile = { ...tp, url: 'javascript:alert(1)' };
    const fake = createFakeApi({ reviews: [hostile], sources });
    await fake.api.call('outbox.send', { reviewId: hostile.id, text: '<b>Dank</b>' });
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) }, configurable: true });
    const row = within(await openOutbox(fake)).getByRole('listitem');
    expect(within(row).queryByRole('link')).toBeNull();
    expect(row.textContent).toContain('The import had no web link');
    fireEvent.click(within(row).getByRole('button', { name: 'Copy reply' }));
    const box = await within(row).findByLabelText<HTMLTextAreaElement>('The reply to post');
    expect(box.value).toBe('<b>Dank</b>');
    expect(row.querySelector('b')).toBeNull();
  });
});
