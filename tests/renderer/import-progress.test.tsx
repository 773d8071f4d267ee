import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ImportProgressEvent, type KalmApi } from '../../shared/contract';
import { ApiContext } from '../../renderer/api-context';
import { ImportPanel } from '../../renderer/features/sources/ImportPanel';
import { i18n } from '../../renderer/i18n';
import { createFakeApi } from './fake-api';

const CSV = 'Review Id,Review Created (UTC),Review Stars,Review Content\nr1,2025-03-14 10:00:00,5,Top\n';

/** The fake api, with an import.commit that waits until the test lets it finish (a large file takes a while). */
function slowCommit() {
  const fake = createFakeApi();
  let finish: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (finish = resolve));
  const api: KalmApi = {
    on: fake.api.on,
    call: (async (name: Parameters<KalmApi['call']>[0], input: never) => {
      if (name === 'import.commit') await gate;
      return fake.api.call(name, input);
    }) as KalmApi['call'],
  };
  return { fake, api, finish: () => finish() };
}

async function startImport(api: KalmApi) {
  render(<ApiContext.Provider value={api}><ImportPanel /></ApiContext.Provider>);
  const card = screen.getByRole('region');
  fireEvent.change(within(card).getByLabelText(i18n.t('sources.import.choose')), { target: { files: [new File([CSV], 'trustpilot.csv')] } });
  const run = await within(card).findByRole('button', { name: i18n.t('sources.import.run', { count: 1 }) });
  fireEvent.click(run);
  return card;
}

describe('Import panel: progress of a large import', () => {
  it('shows a bar and rows / MB read from import.progress events of this upload only, then the result', async () => {
    const { fake, api, finish } = slowCommit();
    const card = await startImport(api);
    const uploadId = (fake.calls.find((c) => c.name === 'import.preview')?.input as { uploadId: string }).uploadId;
    // The payload the core sends, checked against the contract.
    act(() => fake.emit('import.progress', ImportProgressEvent.parse({ uploadId, pass: 'import', rows: 120_000, bytes: 52_428_800, totalBytes: 209_715_200 })));
    act(() => fake.emit('import.progress', { uploadId: 'someone-else', pass: 'import', rows: 1, bytes: 1, totalBytes: 2 }));
    const bar = within(card).getByRole('progressbar', { name: 'Import progress' });
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['52428800', '209715200']);
    expect(within(card).getByText('Importing: 120,000 rows read, 50 of 200 MB')).toBeTruthy();
    finish();
    await within(card).findByText(/Imported 1 review/);
    expect(within(card).queryByRole('progressbar')).toBeNull();
  });

  it('speaks Dutch: je-vorm, rijen and MB with Dutch numbers', async () => {
    await i18n.changeLanguage('nl');
    const { fake, api, finish } = slowCommit();
    const card = await startImport(api);
    const uploadId = (fake.calls.find((c) => c.name === 'import.preview')?.input as { uploadId: string }).uploadId;
    act(() => fake.emit('import.progress', { uploadId, pass: 'check', rows: 4_500, bytes: 1_572_864, totalBytes: 209_715_200 }));
    expect(within(card).getByRole('progressbar', { name: 'Voortgang van het importeren' })).toBeTruthy();
    expect(within(card).getByText('Bestand controleren: 4.500 rijen gelezen, 1,5 van 200 MB')).toBeTruthy();
    finish();
    await within(card).findByText(/1 review/);
  });
});

describe('ImportProgressEvent', () => {
  it('refuses a payload without whole, non-negative counts', () => {
    expect(ImportProgressEvent.safeParse({ uploadId: 'u', pass: 'import', rows: -1, bytes: 0, totalBytes: 0 }).success).toBe(false);
    expect(ImportProgressEvent.safeParse({ uploadId: 'u', pass: 'merge', rows: 1, bytes: 0, totalBytes: 0 }).success).toBe(false);
  });
});
