import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createCallCache } from '../../renderer/hooks/call-cache';
import { createFakeApi } from './fake-api';
import { inboxReviews, locations } from './fixtures';
import { renderInbox, rowAt } from './helpers';

describe('the call cache of the review view', () => {
  it('keeps an answer until its event, and drops an answer an event overtook', () => {
    const fake = createFakeApi({ reviews: inboxReviews, locations });
    const cache = createCallCache(fake.api);
    const token = cache.begin('settings.changed');
    cache.write('settings.get {}', 'settings.changed', token, { me: 'anna' });
    expect(cache.read('settings.get {}')).toEqual({ data: { me: 'anna' } });
    fake.emit('settings.changed', {});
    expect(cache.read('settings.get {}')).toBeUndefined();

    // Fetched before the event, answered after it: not kept.
    const early = cache.begin('labels.changed');
    fake.emit('labels.changed', {});
    cache.write('labels.list {}', 'labels.changed', early, { labels: [] });
    expect(cache.read('labels.list {}')).toBeUndefined();
    cache.stop();
  });

  it('does not fetch the same lists again for every review selected, but does after they change', async () => {
    const { fake } = await renderInbox(createFakeApi({ reviews: inboxReviews, locations }));
    const count = (name: string): number => fake.calls.filter((c) => c.name === name).length;
    await waitFor(() => expect(count('labels.list')).toBeGreaterThan(0));
    const before = { settings: count('settings.get'), labels: count('labels.list'), workspace: count('workspace.get') };
    for (const i of [1, 2, 3]) {
      fireEvent.click(rowAt(i));
      await waitFor(() => expect(screen.getByRole('article').textContent).toContain(rowAt(i).querySelector('.row__author')?.textContent ?? '?'));
    }
    expect({ settings: count('settings.get'), labels: count('labels.list'), workspace: count('workspace.get') }).toEqual(before);

    fake.emit('labels.changed', {});
    await waitFor(() => expect(count('labels.list')).toBeGreaterThan(before.labels));
  });
});
