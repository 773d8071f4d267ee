import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/App';
import { createFakeApi, type FakeApi } from './fake-api';
import { expectedOrder, inboxReviews, locations } from './fixtures';
import { detail, must, renderInbox } from './helpers';

const firstId = must(expectedOrder[0], 'the first review id');

/** Opens the composer for the selected (first, 1★) review, cool-down off, and waits until its draft has loaded. */
async function openEditor() {
  const rendered = await renderInbox(createFakeApi({ reviews: inboxReviews, locations, settings: { coolDown: { enabled: false, seconds: 60 } } }));
  fireEvent.click(within(detail()).getByRole('button', { name: 'Answer' }));
  const box = await within(detail()).findByLabelText<HTMLTextAreaElement>('Your reply');
  await waitFor(() => expect(box.disabled).toBe(false));
  return { ...rendered, box };
}

const callsOf = (fake: FakeApi, name: string) => fake.calls.filter((c) => c.name === name).map((c) => c.input);

describe('reply editor (in the composer)', () => {
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

  it('refuses to queue a reply over the limit and says by how much; amber near it, red over it', async () => {
    const { box } = await openEditor();
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    for (const name of ['I stuck to the facts.', 'Someone who knows the subject checked it.', 'As the customer, I would be happy with this reply.']) fireEvent.click(within(detail()).getByRole('checkbox', { name }));
    const queue = within(detail()).getByRole('button', { name: 'Queue reply' });
    expect(queue).toHaveProperty('disabled', true); // empty
    const size = () => must(detail().querySelector<HTMLElement>('.size'), 'the size meter');
    fireEvent.change(box, { target: { value: 'Hi John, ' + 'a'.repeat(4091) } });
    expect(size().textContent).toContain('4100 / 4096 bytes');
    expect(size().dataset.level).toBe('over');
    expect(detail().querySelector('.lint__item[data-rule="limit"]')?.textContent).toContain('over Google\'s limit by 4');
    expect(queue).toHaveProperty('disabled', true);
    fireEvent.change(box, { target: { value: 'Hi John, ' + 'a'.repeat(3800) } });
    expect(size().dataset.level).toBe('near');
    expect(queue).toHaveProperty('disabled', false);
    fireEvent.change(box, { target: { value: 'Hi John, thanks.' } });
    expect(size().dataset.level).toBe('ok');
  });

  it('ctrl+enter opens the checklist; after the three ticks it queues, closes the editor and confirms calmly', async () => {
    const { fake, box } = await openEditor();
    fireEvent.change(box, { target: { value: 'Sorry about the soup.' } });
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    const queue = within(detail()).getByRole('button', { name: 'Queue reply' });
    expect(queue).toHaveProperty('disabled', true);
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    expect(callsOf(fake, 'outbox.send')).toEqual([]);
    for (const name of ['I stuck to the facts.', 'Someone who knows the subject checked it.', 'As the customer, I would be happy with this reply.']) fireEvent.click(within(detail()).getByRole('checkbox', { name }));
    expect(queue).toHaveProperty('disabled', false);
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(callsOf(fake, 'outbox.send')).toEqual([{ reviewId: firstId, text: 'Sorry about the soup.' }]));
    await waitFor(() => expect(within(detail()).queryByLabelText('Your reply')).toBeNull());
    expect(within(detail()).getByText('Queued — it is sent when you publish.')).toBeTruthy();
  });

  it('shows a failed queue as an error and keeps the text', async () => {
    const { fake, box } = await openEditor();
    fireEvent.change(box, { target: { value: 'Thanks!' } });
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    for (const name of ['I stuck to the facts.', 'Someone who knows the subject checked it.', 'As the customer, I would be happy with this reply.']) fireEvent.click(within(detail()).getByRole('checkbox', { name }));
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
