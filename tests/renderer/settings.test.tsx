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
    // language set: the first-start write of the browser language is not part of this test.
    const fake = createFakeApi({ settings: { businessName: 'Zon', language: 'en' } });
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

  it('says next to the field what is wrong with a reply target, and shows Saved only once the core accepted it', async () => {
    const fake = createFakeApi({ settings: { language: 'en' } });
    render(<App api={fake.api} />);
    await openSettings();
    const google = await screen.findByLabelText(/^Google\s*hours$/);
    fireEvent.change(google, { target: { value: '2000' } });
    fireEvent.blur(google);
    expect(await screen.findByText('At most 1,440.')).toBeTruthy();
    expect(google.getAttribute('aria-invalid')).toBe('true');
    expect((google as HTMLInputElement).value).toBe('2000');
    expect(screen.queryByText('Saved')).toBeNull();
    expect(fake.calls.some((c) => c.name === 'settings.update')).toBe(false);
    fireEvent.change(google, { target: { value: '12' } });
    fireEvent.blur(google);
    expect(await screen.findByText('Saved')).toBeTruthy();
    expect(fake.calls.find((c) => c.name === 'settings.update')?.input).toMatchObject({ replyTargetHours: { google: 12 } });
    expect(google.getAttribute('aria-invalid')).toBe('false');
  });

  it('shows the core\'s message when the core refuses a value the form let through', async () => {
    const fake = createFakeApi({ settings: { language: 'en' } });
    render(<App api={fake.api} />);
    await openSettings();
    const google = await screen.findByLabelText(/^Google\s*hours$/);
    fake.failNext('settings.update', { code: 'locked', message: 'Kalm opened this data folder read-only, so it cannot save settings.' });
    fireEvent.change(google, { target: { value: '30' } });
    fireEvent.blur(google);
    expect(await screen.findByText(/read-only, so it cannot save settings/)).toBeTruthy();
    expect(screen.queryByText('Saved')).toBeNull();
  });
});
