import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { KalmApi } from '../../shared/contract';
import { ApiContext } from '../../renderer/api-context';
import { App } from '../../renderer/App';
import { BulkLabel } from '../../renderer/features/labels/BulkLabel';
import { AssignedToMeFilter } from '../../renderer/features/handoff/AssignedToMeFilter';
import { createFakeApi } from './fake-api';
import { locations, review } from './fixtures';

const reviews = [
  review('a', { rating: 1, text: 'Het brood was oud.' }),
  review('b', { rating: 2, text: 'Koude koffie.' }),
  review('c', { rating: 5, text: 'Heerlijk brood!' }),
];
const settings = { departments: [{ id: 'keuken', name: 'Keuken', email: 'keuken@zon.example' }], team: [{ id: 'anna', name: 'Anna' }], me: 'anna' };

describe('labels and hand-off in the review view', () => {
  it('adds a label, assigns, keeps a note and forwards to a department', async () => {
    const fake = createFakeApi({ reviews, locations, settings });
    await fake.api.call('labels.save', { name: 'Brood', color: '#b45309' });
    render(<App api={fake.api} />);
    fireEvent.click((await screen.findAllByRole('option'))[0] as HTMLElement);
    const article = await screen.findByRole('article');
    fireEvent.click(await within(article).findByRole('button', { name: 'Labels…' }));
    fireEvent.click(await within(article).findByRole('checkbox', { name: 'Brood' }));
    await waitFor(() => expect(fake.reviews.find((r) => r.labels.length > 0)?.labels).toEqual(['label-1']));
    expect(within(article).getByRole('button', { name: 'Remove label Brood' })).toBeTruthy();

    fireEvent.change(await within(article).findByRole('combobox', { name: 'Assigned to' }), { target: { value: 'anna' } });
    await waitFor(() => expect(fake.reviews.some((r) => r.assignee === 'anna')).toBe(true));
    const note = within(article).getByRole('textbox', { name: 'Private note' });
    fireEvent.change(note, { target: { value: 'Bellen' } });
    fireEvent.blur(note);
    await waitFor(() => expect(fake.reviews.some((r) => r.note === 'Bellen')).toBe(true));

    // A note typed and left by moving to another review is saved too.
    fireEvent.change(note, { target: { value: 'Bellen, en mailen' } });
    fireEvent.click(within(screen.getByRole('listbox')).getAllByRole('option')[1] as HTMLElement);
    await waitFor(() => expect(fake.reviews.some((r) => r.note === 'Bellen, en mailen')).toBe(true));
    fireEvent.click(within(screen.getByRole('listbox')).getAllByRole('option')[0] as HTMLElement);
    await waitFor(() => expect(within(screen.getByRole('article')).getByRole('textbox', { name: 'Private note' })).toBeTruthy());
    const again = screen.getByRole('article');
    fireEvent.click(within(again).getByRole('button', { name: 'Forward' }));
    expect(await within(again).findByText('Forwarded to Keuken · open')).toBeTruthy();
    expect(within(again).getByRole('link', { name: 'Open the mail again' }).getAttribute('href')).toMatch(/^mailto:keuken@zon\.example\?/);
    fireEvent.click(within(again).getByRole('button', { name: 'Mark handled' }));
    expect(await within(again).findByText('Forwarded to Keuken · handled')).toBeTruthy();
  });
});

describe('bulk label and the "assigned to me" filter', () => {
  function Harness({ api }: { api: KalmApi }) {
    const [assignee, setAssignee] = useState<string | undefined>();
    return (
      <ApiContext value={api}>
        <BulkLabel reviews={reviews.slice(0, 2)} />
        <AssignedToMeFilter value={assignee} onChange={setAssignee} />
        <output>{assignee ?? 'all'}</output>
      </ApiContext>
    );
  }

  it('labels every selected review at once and toggles the filter', async () => {
    const fake = createFakeApi({ reviews, locations, settings });
    const { id } = await fake.api.call('labels.save', { name: 'Klacht', color: '#be123c' });
    render(<Harness api={fake.api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Label 2 reviews…' }));
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Klacht' }));
    expect(await screen.findByText('Label added to 2 reviews.')).toBeTruthy();
    expect(fake.reviews.filter((r) => r.labels.includes(id)).map((r) => r.externalId)).toEqual(['a', 'b']);
    const mine = await screen.findByRole('button', { name: 'Assigned to me' });
    fireEvent.click(mine);
    expect(screen.getByText('anna')).toBeTruthy();
    expect(mine.getAttribute('aria-pressed')).toBe('true');
  });
});

describe('bulk label in the inbox', () => {
  it('labels the reviews checked in the list from the bulk bar', async () => {
    const fake = createFakeApi({ reviews, locations, settings });
    const { id } = await fake.api.call('labels.save', { name: 'Klacht', color: '#be123c' });
    render(<App api={fake.api} />);
    const list = await screen.findByRole('listbox');
    const options = await within(list).findAllByRole('option');
    fireEvent.click(options[0] as HTMLElement, { shiftKey: true });
    fireEvent.click(options[1] as HTMLElement, { shiftKey: true });
    const bar = await screen.findByRole('region', { name: 'Bulk actions' });
    fireEvent.click(within(bar).getByRole('button', { name: 'Label 2 reviews…' }));
    fireEvent.click(await within(bar).findByRole('checkbox', { name: 'Klacht' }));
    expect(await within(bar).findByText('Label added to 2 reviews.')).toBeTruthy();
    expect(fake.reviews.filter((r) => r.labels.includes(id)).map((r) => r.externalId).sort()).toEqual(['a', 'b']);
  });
});

describe('Settings → Labels', () => {
  it('creates a label and previews a rule before saving it', async () => {
    const fake = createFakeApi({ reviews, locations, settings });
    render(<App api={fake.api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    const input = await screen.findByRole('textbox', { name: 'New label' });
    fireEvent.change(input, { target: { value: 'Brood' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add label' }));
    await screen.findByRole('textbox', { name: 'Name of Brood' });
    const addRule = screen.getByRole('button', { name: 'Add rule' });
    await waitFor(() => expect((addRule as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(addRule);
    const rule = await screen.findByRole('listitem', { name: 'Rule 1' });
    const words = within(rule).getByRole('textbox', { name: 'Text contains any of' });
    fireEvent.change(words, { target: { value: 'BROOD' } });
    fireEvent.blur(words);
    expect(await within(rule).findByText('Hits 2 reviews now (2 without this label yet)', {}, { timeout: 3000 })).toBeTruthy();
    fireEvent.change(within(rule).getByRole('combobox', { name: 'Rating to' }), { target: { value: '2' } });
    expect(await within(rule).findByText('Hits 1 review now (1 without this label yet)', {}, { timeout: 3000 })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save rules' }));
    expect(await screen.findByText('Rules saved.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Run rules now' }));
    expect(await screen.findByText('1 review labelled.')).toBeTruthy();
  });
});
