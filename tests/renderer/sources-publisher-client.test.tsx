import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/App';
import type { GoogleStatus } from '../../shared/sources/google-status';
import { createFakeApi } from './fake-api';

/** What a published build (npm run dist with KALM_GOOGLE_CLIENT_ID) reports: the publisher's client is in use. */
const published: GoogleStatus = {
  configured: true, builtInClient: true, connected: false, needsReconnect: false, signingIn: false, lastSyncAt: null, lastError: null, locations: [],
};

const openSources = async () => {
  fireEvent.click(await screen.findByRole('button', { name: 'Sources' }));
  return screen.findByRole('heading', { name: 'Google Business Profile' });
};

const insideClosedDetails = (el: Element): boolean => {
  const details = el.closest('details');
  return details !== null && !details.open;
};

describe('Sources in a build with the publisher’s OAuth client', () => {
  it('shows just "Sign in with Google" for Business Profile and Play; the client fields wait under Advanced', async () => {
    const fake = createFakeApi({ google: published });
    const opened = vi.spyOn(window, 'open').mockImplementation(() => null);
    render(<App api={fake.api} />);
    await openSources();
    const google = screen.getByRole('heading', { name: 'Google Business Profile' }).closest('section') as HTMLElement;
    // The one thing to do: sign in. No "OAuth client ID" in sight, no environment variables explained.
    const signIn = within(google).getByRole('button', { name: 'Sign in with Google' });
    expect(within(google).queryByRole('button', { name: 'Connect Google' })).toBeNull();
    expect(screen.queryByText(/KALM_GOOGLE_CLIENT_ID/)).toBeNull();
    expect(insideClosedDetails(within(google).getByLabelText('OAuth client ID'))).toBe(true);
    // Play too: sign in with Google; the service-account key is the Advanced way.
    const play = screen.getByRole('heading', { name: 'Google Play' }).closest('section') as HTMLElement;
    expect(within(play).getByRole('button', { name: 'Sign in with Google' })).toBeTruthy();
    expect(within(play).getByText('Advanced: sign in with a service-account key').closest('details')?.open).toBe(false);

    fireEvent.click(signIn);
    await waitFor(() => expect(opened).toHaveBeenCalledWith(expect.stringContaining('client_id=publisher'), '_blank', 'noopener,noreferrer'));
    opened.mockRestore();
  });

  it('Advanced still takes the owner’s own client, which then replaces the publisher’s', async () => {
    const fake = createFakeApi({ google: published });
    render(<App api={fake.api} />);
    await openSources();
    const google = screen.getByRole('heading', { name: 'Google Business Profile' }).closest('section') as HTMLElement;
    const summary = within(google).getByText('Advanced: use your own Google OAuth client');
    fireEvent.click(summary);
    (summary.closest('details') as HTMLDetailsElement).open = true;
    expect(insideClosedDetails(within(google).getByLabelText('OAuth client ID'))).toBe(false);
    fireEvent.change(within(google).getByLabelText('OAuth client ID'), { target: { value: '5678-own.apps.googleusercontent.com' } });
    fireEvent.change(within(google).getByLabelText('Client secret'), { target: { value: 'GOCSPX-own' } });
    fireEvent.click(within(google).getByRole('button', { name: 'Save client' }));
    await waitFor(() => expect(fake.calls.find((c) => c.name === 'google.setClient')?.input).toEqual({ clientId: '5678-own.apps.googleusercontent.com', clientSecret: 'GOCSPX-own' }));
    // With the owner's client the usual "Connect Google" is back.
    expect(await within(google).findByRole('button', { name: 'Connect Google' })).toBeTruthy();
  });
});
