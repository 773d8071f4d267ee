import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/App';
import { ManualPublish } from '../../renderer/features/sources/ManualPublish';
import { ApiContext } from '../../renderer/api-context';
import { createFakeApi } from './fake-api';
import { review } from './fixtures';

const CSV = 'Datum;Naam;Cijfer;Review\n14-03-2025;Henk;9;Top\n15-03-2025;Fatima;12;Te hoog\n16-03-2025;Anna;4;Matig\n';

describe('Sources: import a file', () => {
  it('uploads the file, shows the mapping with a preview and the bad rows, and imports the good ones', async () => {
    const fake = createFakeApi();
    render(<App api={fake.api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Sources' }));
    const card = await screen.findByRole('region', { name: 'Import reviews from a file' });
    const file = new File([CSV], 'kiyoh-export.csv', { type: 'text/csv' });
    fireEvent.change(within(card).getByLabelText('Choose a file…'), { target: { files: [file] } });

    await within(card).findByText('2 of 3 rows can be imported (CSV, UTF-8).');
    expect((within(card).getByLabelText('Format') as HTMLSelectElement).value).toBe('kiyoh');
    expect((within(card).getByLabelText('Rating *') as HTMLSelectElement).value).toBe('Cijfer');
    expect(within(card).getByText('Row 3: the rating 12 is outside 1–10.')).toBeTruthy();
    expect(within(card).getByText('(9)')).toBeTruthy();
    expect(fake.calls.filter((c) => c.name === 'import.chunk')).toHaveLength(1);

    fireEvent.click(within(card).getByRole('button', { name: 'Import 2 reviews' }));
    await within(card).findByText(/Imported 2 reviews into Kiyoh: 2 new, 0 updated\. 1 row was skipped\./);
    expect(fake.reviews.map((r) => [r.author, r.rating])).toEqual([['Henk', 5], ['Anna', 2]]);
  });

  it('a file without a preset uses the generic mapping; changing the rating scale re-checks the file', async () => {
    const fake = createFakeApi();
    render(<App api={fake.api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Sources' }));
    const card = await screen.findByRole('region', { name: 'Import reviews from a file' });
    fireEvent.change(within(card).getByLabelText('Choose a file…'), { target: { files: [new File([CSV], 'export.csv')] } });
    await within(card).findByText(/rows can be imported/);
    fireEvent.change(within(card).getByLabelText('Ratings are'), { target: { value: 'score-10' } });
    await within(card).findByText('2 of 3 rows can be imported (CSV, UTF-8).');
    expect(fake.calls.filter((c) => c.name === 'import.preview').at(-1)?.input).toMatchObject({ options: { scale: 'score-10' } });
  });
});

describe('ManualPublish (copy-and-open)', () => {
  const imported = review('tp-1', { source: 'trustpilot', locationId: 'trustpilot', id: 'trustpilot:trustpilot:tp-1', url: 'https://www.trustpilot.com/reviews/tp-1' });
  const sources = [{ id: 'trustpilot', kind: 'file-import' as const, name: 'Trustpilot', state: 'connected' as const, lastSyncAt: null }];

  it('copies the saved draft, opens only the http(s) link, and "I posted it" answers the review', async () => {
    const fake = createFakeApi({ reviews: [imported], sources });
    await fake.api.call('drafts.save', { reviewId: imported.id, text: 'Dank je wel!' });
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    render(<ApiContext.Provider value={fake.api}><ManualPublish review={imported} /></ApiContext.Provider>);
    fireEvent.click(await screen.findByRole('button', { name: 'Copy reply and open the review page' }));
    await screen.findByText(/Your reply is copied/);
    expect(writeText).toHaveBeenCalledWith('Dank je wel!');
    expect(open).toHaveBeenCalledWith('https://www.trustpilot.com/reviews/tp-1', '_blank', 'noopener,noreferrer');
    fireEvent.click(screen.getByRole('button', { name: 'I posted it' }));
    await waitFor(() => expect(fake.reviews[0]).toMatchObject({ status: 'answered', reply: { text: 'Dank je wel!' } }));
    open.mockRestore();
  });

  it('never opens a javascript: link, and shows nothing for sources Kalm publishes itself', async () => {
    const hostile = { ...imported, url: 'javascript:alert(1)' };
    const fake = createFakeApi({ reviews: [hostile], sources });
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    render(<ApiContext.Provider value={fake.api}><ManualPublish review={hostile} /></ApiContext.Provider>);
    expect(await screen.findByText(/no web link in the import/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Copy reply' }));
    await screen.findByText(/Write your reply first/);
    expect(open).not.toHaveBeenCalled();
    open.mockRestore();

    const google = review('g-1');
    const { container } = render(<ApiContext.Provider value={createFakeApi({ reviews: [google] }).api}><ManualPublish review={google} /></ApiContext.Provider>);
    await new Promise((r) => setTimeout(r, 20));
    expect(container.textContent).toBe('');
  });
});
