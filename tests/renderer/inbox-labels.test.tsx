import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/App';
import { createFakeApi, type FakeApi } from './fake-api';
import { locations, review, XSS } from './fixtures';
import { rowIds, rows } from './helpers';

// Labels are stored by id; the fake numbers them label-1, label-2, … in the order they are made.
const reviews = [
  review('bread', { rating: 1, createdAt: '2026-01-01T10:00:00.000Z', text: 'Oud brood.', labels: ['label-1'] }),
  review('coffee', { rating: 1, createdAt: '2026-01-02T10:00:00.000Z', text: 'Koude koffie.', labels: ['label-2'], assignee: 'anna' }),
  review('both', { rating: 2, createdAt: '2026-01-03T10:00:00.000Z', text: 'Brood en koffie.', labels: ['label-1', 'label-2', 'label-3', 'label-4'], assignee: 'piet' }),
  review('none', { rating: 3, createdAt: '2026-01-04T10:00:00.000Z', text: 'Prima.', assignee: 'anna' }),
];
const team = [{ id: 'anna', name: 'Anna' }, { id: 'piet', name: 'Piet' }];

async function start(settings: { me: string | null }): Promise<FakeApi> {
  const fake = createFakeApi({ reviews, locations, settings: { team, ...settings } });
  await fake.api.call('labels.save', { name: 'Brood', color: '#b45309' });
  await fake.api.call('labels.save', { name: 'Koffie', color: '#1d4ed8' });
  await fake.api.call('labels.save', { name: XSS, color: '#be123c' });
  await fake.api.call('labels.save', { name: 'Service', color: '#0f766e' });
  render(<App api={fake.api} />);
  await within(await screen.findByRole('listbox')).findAllByRole('option');
  return fake;
}
const row = (externalId: string): HTMLElement => {
  const found = rows().find((r) => r.dataset.reviewId === `google:loc-1:${externalId}`);
  if (!found) throw new Error(`no row ${externalId}`);
  return found;
};
const lastQuery = (fake: FakeApi): unknown => fake.calls.filter((c) => c.name === 'reviews.query').at(-1)?.input;

afterEach(() => window.history.replaceState(null, '', '#/inbox'));

describe('labels on the inbox rows', () => {
  it('shows each review’s labels by name as text, at most three and a count of the rest', async () => {
    await start({ me: 'anna' });
    await waitFor(() => expect(within(row('bread')).getByText('Brood')).toBeTruthy());
    expect(within(row('coffee')).getByText('Koffie')).toBeTruthy();
    const both = row('both');
    expect([...both.querySelectorAll('.row-label:not(.row-label--more)')].map((c) => c.textContent)).toEqual(['Brood', 'Koffie', XSS]);
    expect(both.querySelector('.row-label--more')?.textContent).toBe('+1');
    expect(both.textContent).toContain('and Service');
    expect(both.querySelector('img')).toBeNull();
    expect(row('none').querySelector('.row__labels')).toBeNull();
  });
});

describe('the label filter (any of several labels)', () => {
  it('picks two labels with checkboxes, shows reviews with either, keeps them in the address and clears them', async () => {
    const fake = await start({ me: 'anna' });
    const button = await screen.findByRole('button', { name: 'Label All labels' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    const panel = screen.getByRole('group', { name: 'Labels to show' });
    // Counts come from the facets: Brood on 2 reviews, Koffie on 2, Service on 1.
    const brood = within(panel).getByRole('checkbox', { name: 'Brood (2)' });
    fireEvent.click(brood);
    await waitFor(() => expect(rowIds()).toEqual(['google:loc-1:bread', 'google:loc-1:both']));
    expect(window.location.hash).toBe('#/inbox?label=label-1');
    expect(button.textContent).toContain('Brood');

    fireEvent.click(within(panel).getByRole('checkbox', { name: 'Koffie (2)' }));
    await waitFor(() => expect(rowIds()).toEqual(['google:loc-1:bread', 'google:loc-1:coffee', 'google:loc-1:both']));
    expect(window.location.hash).toBe('#/inbox?label=label-1&label=label-2');
    expect(lastQuery(fake)).toMatchObject({ labels: ['label-1', 'label-2'] });
    expect(button.textContent).toContain('2 labels');
    expect((within(panel).getByRole('checkbox', { name: 'Brood (2)' }) as HTMLInputElement).checked).toBe(true);

    // Escape closes the list and gives the focus back to its button.
    fireEvent.keyDown(within(panel).getByRole('checkbox', { name: 'Brood (2)' }), { key: 'Escape' });
    expect(screen.queryByRole('group', { name: 'Labels to show' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Clear 1 filter' }));
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(window.location.hash).toBe('#/inbox');
  });
});

describe('"Assigned to me"', () => {
  it('shows only the reviews assigned to the team member set as me, and keeps it in the address', async () => {
    const fake = await start({ me: 'anna' });
    const chip = await screen.findByRole('button', { name: 'Assigned to me' });
    expect(chip.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(chip);
    await waitFor(() => expect(rowIds()).toEqual(['google:loc-1:coffee', 'google:loc-1:none']));
    expect(chip.getAttribute('aria-pressed')).toBe('true');
    expect(window.location.hash).toBe('#/inbox?mine=1');
    expect(lastQuery(fake)).toMatchObject({ assignee: 'anna' });
    fireEvent.click(chip);
    await waitFor(() => expect(rows()).toHaveLength(4));
  });

  it('opened from the address, it waits for Settings instead of showing everyone’s reviews first', async () => {
    window.history.replaceState(null, '', '#/inbox?mine=1');
    const fake = await start({ me: 'anna' });
    await waitFor(() => expect(rowIds()).toEqual(['google:loc-1:coffee', 'google:loc-1:none']));
    const queries = fake.calls.filter((c) => c.name === 'reviews.query' && (c.input as { limit?: number }).limit !== 1);
    expect(queries.map((c) => (c.input as { assignee?: string }).assignee)).toEqual(queries.map(() => 'anna'));
  });

  it('without a "me" in Settings it filters nothing and says where to choose one', async () => {
    window.history.replaceState(null, '', '#/inbox?mine=1');
    const fake = await start({ me: null });
    const chip = await screen.findByRole('button', { name: 'Assigned to me' });
    expect(rows()).toHaveLength(4);
    expect(fake.calls.filter((c) => c.name === 'reviews.query').every((c) => (c.input as { assignee?: string }).assignee === undefined)).toBe(true);
    fireEvent.click(chip);
    const note = screen.getByRole('note');
    expect(note.textContent).toContain('choose who you are under Settings');
    expect(within(note).getByRole('link', { name: 'Open Settings' }).getAttribute('href')).toBe('#/settings');
    expect(rows()).toHaveLength(4);
  });
});
