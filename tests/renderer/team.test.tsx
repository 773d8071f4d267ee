import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/App';
import { createFakeApi } from './fake-api';

describe('Settings → Team workspace and the header sync status', () => {
  it('a wrong password says so; joining shows the sync status in the header; leaving hides it', async () => {
    const fake = createFakeApi();
    render(<App api={fake.api} />);
    expect(screen.queryByTestId('team-status')).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    const section = await screen.findByTestId('team-settings');
    const s = within(section);
    fireEvent.change(s.getByLabelText('Team server (CouchDB 3)'), { target: { value: 'https://couch.example.nl' } });
    fireEvent.change(s.getByLabelText('Workspace name'), { target: { value: 'bakkerij' } });
    fireEvent.change(s.getByLabelText('Your user name'), { target: { value: 'anna' } });
    fireEvent.change(s.getByLabelText('Password'), { target: { value: 'wrong' } });
    fireEvent.click(s.getByRole('button', { name: 'Join team workspace' }));
    expect((await s.findByRole('alert')).textContent).toMatch(/did not accept the password of "anna"/);

    fireEvent.change(s.getByLabelText('Password'), { target: { value: 'right' } });
    fireEvent.click(s.getByRole('button', { name: 'Join team workspace' }));
    fake.emit('team.status', { enabled: true, server: 'https://couch.example.nl', db: 'bakkerij', user: 'anna', state: 'synced', pending: 0, lastReplicatedAt: null, offlineSince: null, error: null, peers: [] });
    await waitFor(() => expect(screen.getByTestId('team-status').textContent).toBe('Team: synced'));
    expect(fake.calls.filter((c) => c.name === 'team.join').at(-1)?.input).toEqual({ server: 'https://couch.example.nl', db: 'bakkerij', user: 'anna', password: 'right' });

    fireEvent.click(await screen.findByRole('button', { name: 'Leave team workspace' }));
    fake.emit('team.status', { enabled: false, server: '', db: '', user: '', state: 'local', pending: 0, lastReplicatedAt: null, offlineSince: null, error: null, peers: [] });
    await waitFor(() => expect(screen.queryByTestId('team-status')).toBeNull());
  });

  it('a certificate of a company CA: the message in the UI language, then the CA file joins and Settings says what is trusted and where the password is', async () => {
    const fake = createFakeApi();
    render(<App api={fake.api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'NL' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Instellingen' }));
    const s = within(await screen.findByTestId('team-settings'));
    fireEvent.change(s.getByLabelText('Teamserver (CouchDB 3)'), { target: { value: 'https://company-ca.example' } });
    fireEvent.change(s.getByLabelText('Naam van de werkruimte'), { target: { value: 'bakkerij' } });
    fireEvent.change(s.getByLabelText('Jouw gebruikersnaam'), { target: { value: 'anna' } });
    fireEvent.change(s.getByLabelText('Wachtwoord'), { target: { value: 'right' } });
    fireEvent.click(s.getByRole('button', { name: 'Aansluiten bij teamwerkruimte' }));
    expect((await s.findByRole('alert')).textContent).toMatch(/^Deze computer vertrouwt het certificaat van de teamserver niet/);
    expect(fake.calls.filter((c) => c.name === 'team.join').at(-1)?.input).not.toHaveProperty('caFile');

    fireEvent.change(s.getByLabelText('CA-certificaat van je bedrijf (optioneel)'), { target: { value: ' /etc/kalm/bakkerij-ca.pem ' } });
    fireEvent.click(s.getByRole('button', { name: 'Aansluiten bij teamwerkruimte' }));
    fake.emit('team.status', { ...(await fake.api.call('team.status', {})) });
    expect(await screen.findByText('Vertrouwt het CA-certificaat in /etc/kalm/bakkerij-ca.pem.')).toBeTruthy();
    expect(screen.getByText('Je wachtwoord is versleuteld met de sleutelhanger van deze computer.')).toBeTruthy();
    expect(fake.calls.filter((c) => c.name === 'team.join').at(-1)?.input).toMatchObject({ caFile: '/etc/kalm/bakkerij-ca.pem' });

    // The certificate expires later: the header says so in Dutch too (the core's English text is only the fallback).
    fake.team.team = { ...fake.team.team, state: 'error', error: 'The certificate of company-ca.example has expired (CERT_HAS_EXPIRED).', errorSubcode: 'tls-expired' };
    fake.emit('team.status', fake.team.team);
    await waitFor(() => expect(screen.getByTestId('team-status').textContent).toMatch(/Het certificaat van de teamserver is verlopen/));
  });
});
