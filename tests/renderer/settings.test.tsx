import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/App';
import { createFakeApi } from './fake-api';

const openSettings = async () => {
  fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
  return screen.findByRole('heading', { name: 'Settings', level: 1 });
};

describe('Settings', () => {
  it('saves a field when the user leaves it', async () => {
    const fake = createFakeApi({ settings: { businessName: 'Zon' } });
    render(<App api={fake.api} />);
    await openSettings();
    const name = await screen.findByLabelText('Business name');
    expect((name as HTMLInputElement).value).toBe('Zon');
    fireEvent.change(name, { target: { value: 'Bakkerij De Zon' } });
    fireEvent.blur(name);
    await waitFor(() => expect(fake.calls.some((c) => c.name === 'settings.update')).toBe(true));
    expect(fake.calls.find((c) => c.name === 'settings.update')?.input).toEqual({ businessName: 'Bakkerij De Zon' });
    const signer = screen.getByLabelText('Signed by');
    fireEvent.change(signer, { target: { value: '^AB' } });
    fireEvent.keyDown(signer, { key: 'Enter' });
    await waitFor(() => expect(fake.calls.filter((c) => c.name === 'settings.update')).toHaveLength(2));
  });

  it('search finds a section by a label inside it, ignoring accents and case', async () => {
    render(<App api={createFakeApi().api} />);
    await openSettings();
    const search = screen.getByRole('searchbox', { name: 'Search settings' });
    fireEvent.change(search, { target: { value: 'SIGNED' } });
    expect(screen.getByRole('heading', { name: 'Business and signature' })).toBeTruthy();
    fireEvent.change(search, { target: { value: 'zzz-nothing' } });
    expect(screen.queryByRole('heading', { name: 'Business and signature' })).toBeNull();
    expect(screen.getByText(/No setting matches/)).toBeTruthy();
  });
});
