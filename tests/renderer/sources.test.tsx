import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/App';
import type { GoogleStatus } from '../../shared/sources/google-status';
import { createFakeApi } from './fake-api';

const connected: GoogleStatus = {
  configured: true,
  connected: true,
  needsReconnect: false,
  signingIn: false,
  lastSyncAt: null,
  lastError: null,
  locations: [
    { locationId: '111', name: 'Zonnebloem Utrecht', address: 'Oudegracht 112, Utrecht', accountName: 'accounts/1', accountDisplayName: 'Zonnebloem', selected: true, lastSyncAt: null },
    { locationId: '222', name: 'Zonnebloem Amersfoort', address: null, accountName: 'accounts/1', accountDisplayName: 'Zonnebloem', selected: false, lastSyncAt: null },
  ],
};

const openSources = async () => {
  fireEvent.click(await screen.findByRole('button', { name: 'Sources' }));
  return screen.findByRole('heading', { name: 'Google Business Profile' });
};

describe('Sources', () => {
  it('without an OAuth client explains what to set, cannot connect, and takes the client in a form', async () => {
    const fake = createFakeApi();
    render(<App api={fake.api} />);
    await openSources();
    expect(screen.getByText(/KALM_GOOGLE_CLIENT_ID/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Connect Google' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('OAuth client ID'), { target: { value: '1234-abc.apps.googleusercontent.com' } });
    fireEvent.change(screen.getByLabelText('Client secret'), { target: { value: 'GOCSPX-secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save client' }));
    await waitFor(() => expect(screen.queryByLabelText('OAuth client ID')).toBeNull());
    expect((screen.getByRole('button', { name: 'Connect Google' }) as HTMLButtonElement).disabled).toBe(false);
    expect(fake.calls.find((c) => c.name === 'google.setClient')?.input).toEqual({ clientId: '1234-abc.apps.googleusercontent.com', clientSecret: 'GOCSPX-secret' });
  });

  it('lists the locations with switches, saves a choice, and syncs with a result', async () => {
    const fake = createFakeApi({ google: connected });
    render(<App api={fake.api} />);
    await openSources();
    const group = screen.getByRole('group', { name: 'Locations to sync' });
    const boxes = within(group).getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes.map((b) => b.checked)).toEqual([true, false]);
    fireEvent.click(boxes[1]!);
    await screen.findByRole('group', { name: 'Locations to sync' });
    expect(fake.calls.find((c) => c.name === 'google.selectLocations')?.input).toEqual({ locationIds: ['111', '222'] });

    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    expect((await screen.findByRole('status')).textContent).toContain('Synced 1 location: 3 new');
  });

  it('shows a revoked connection with the reason and offers to reconnect', async () => {
    render(<App api={createFakeApi({ google: { ...connected, needsReconnect: true, lastError: 'Google no longer accepts Kalm’s access.' } }).api} />);
    await openSources();
    expect(screen.getByText('Reconnect needed')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('no longer accepts');
    expect(screen.getByRole('button', { name: 'Connect Google again' })).toBeTruthy();
  });
});
