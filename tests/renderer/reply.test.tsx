import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/App';
import { createFakeApi, type FakeApi } from './fake-api';
import { expectedOrder, inboxReviews, locations } from './fixtures';
import { detail, must, renderInbox } from './helpers';

const firstId = must(expectedOrder[0], 'the first review id');

/** Opens the editor for the selected (first) review and waits until its draft has loaded. */
async function openEditor() {
  const rendered = await renderInbox();
  fireEvent.click(within(detail()).getByRole('button', { name: 'Answer' }));
  const box = await within(detail()).findByLabelText<HTMLTextAreaElement>('Your reply');
  await waitFor(() => expect(box.disabled).toBe(false));
  return { ...rendered, box };
}

const callsOf = (fake: FakeApi, name: string) => fake.calls.filter((c) => c.name === name).map((c) => c.input);

describe('reply editor', () => {
  it('autosaves the typed text after a pause and says so', async () => {
    const { fake, box } = await openEditor();
    fireEvent.change(box, { target: { value: 'Thank you for telling us.' } });
    expect(callsOf(fake, 'drafts.save')).toEqual([]);
    await waitFor(() => expect(callsOf(fake, 'drafts.save')).toEqual([{ reviewId: firstId, text: 'Thank you for telling us.' }]));
    expect(await within(detail()).findByText('Saved')).toBeTruthy();
    expect(within(detail()).getByText('25 / 4096 bytes')).toBeTruthy();
  });

  it('loads the existing draft for the review', async () => {
    const { fake } = await renderInbox();
    await fake.api.call('drafts.save', { reviewId: firstId, text: 'Written earlier' });
    fireEvent.click(within(detail()).getByRole('button', { name: 'Answer' }));
    const box = await within(detail()).findByLabelText<HTMLTextAreaElement>('Your reply');
    await waitFor(() => expect(box.value).toBe('Written earlier'));
  });

  it('refuses to queue a reply over the limit and says by how much', async () => {
    const { box } = await openEditor();
    const queue = within(detail()).getByRole('button', { name: 'Queue reply' });
    expect(queue).toHaveProperty('disabled', true);
    fireEvent.change(box, { target: { value: 'a'.repeat(4100) } });
    expect(within(detail()).getByText('4100 / 4096 bytes')).toBeTruthy();
    expect(within(detail()).getByRole('alert').textContent).toContain('Shorten it by 4 bytes');
    expect(queue).toHaveProperty('disabled', true);
    fireEvent.change(box, { target: { value: 'a'.repeat(4096) } });
    expect(within(detail()).queryByRole('alert')).toBeNull();
    expect(queue).toHaveProperty('disabled', false);
  });

  it('queues with ctrl+enter, closes the editor and confirms calmly', async () => {
    const { fake, box } = await openEditor();
    fireEvent.change(box, { target: { value: 'Sorry about the soup.' } });
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(callsOf(fake, 'outbox.send')).toEqual([{ reviewId: firstId, text: 'Sorry about the soup.' }]));
    await waitFor(() => expect(within(detail()).queryByLabelText('Your reply')).toBeNull());
    expect(within(detail()).getByText('Queued — it is sent when you publish.')).toBeTruthy();
  });

  it('shows a failed queue as an error and keeps the text', async () => {
    const { fake, box } = await openEditor();
    fireEvent.change(box, { target: { value: 'Thanks!' } });
    fake.failNext('outbox.send', { code: 'storage', message: 'disk full' });
    fireEvent.click(within(detail()).getByRole('button', { name: 'Queue reply' }));
    expect((await within(detail()).findByRole('alert')).textContent).toContain('disk full');
    expect(box.value).toBe('Thanks!');
  });

  it('discards the draft and can undo it', async () => {
    const { fake, box } = await openEditor();
    fireEvent.change(box, { target: { value: 'Hmm.' } });
    fireEvent.click(within(detail()).getByRole('button', { name: 'Discard draft' }));
    await within(detail()).findByText('Draft discarded.');
    expect(callsOf(fake, 'drafts.discard')).toEqual([{ reviewId: firstId }]);
    expect(box.value).toBe('');
    fireEvent.click(within(detail()).getByRole('button', { name: 'Undo' }));
    expect(box.value).toBe('Hmm.');
    await waitFor(() => expect(callsOf(fake, 'drafts.save').at(-1)).toEqual({ reviewId: firstId, text: 'Hmm.' }));
  });
});

describe('outbox view', () => {
  it('lists queued replies, publishes them and cancels one', async () => {
    const fake = createFakeApi({ reviews: inboxReviews, locations });
    await fake.api.call('outbox.send', { reviewId: firstId, text: 'First reply' });
    const second = must(expectedOrder[1], 'the second review id');
    await fake.api.call('outbox.send', { reviewId: second, text: 'Second reply' });
    render(<App api={fake.api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Outbox' }));
    const list = await screen.findByRole('list', { name: 'Queued replies' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(list.textContent).toContain('First reply');
    expect(within(list).getAllByText('Queued')).toHaveLength(2);

    fireEvent.click(must(within(list).getAllByRole('button', { name: 'Cancel' })[1], 'a cancel button'));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    expect(callsOf(fake, 'outbox.cancel')).toEqual([{ id: `${second}#2` }]);

    fireEvent.click(screen.getByRole('button', { name: 'Publish now' }));
    expect(await screen.findByText('1 sent, 0 failed')).toBeTruthy();
    expect(callsOf(fake, 'outbox.publish')).toHaveLength(1);
    // Sent replies move to a list of their own.
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Sent' })).getByText('First reply')).toBeTruthy());
  });
});
