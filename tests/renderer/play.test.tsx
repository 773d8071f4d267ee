import { generateKeyPairSync } from 'node:crypto';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/App';
import { createFakeApi, type FakeApi } from './fake-api';
import { inboxReviews, locations, review } from './fixtures';
import { detail, must, renderInbox } from './helpers';

const PKG = 'nl.zonnebloem.bestel';
const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const KEY = JSON.stringify({ type: 'service_account', project_id: 'zonnebloem', private_key_id: 'k1', private_key: pem, client_email: 'kalm@zonnebloem.iam.gserviceaccount.com', token_uri: 'https://oauth2.googleapis.com/token' });
const callsOf = (fake: FakeApi, name: string) => fake.calls.filter((c) => c.name === name).map((c) => c.input);

const openPlayCard = async () => {
  fireEvent.click(await screen.findByRole('button', { name: 'Sources' }));
  const heading = await screen.findByRole('heading', { name: 'Google Play', level: 2 });
  return must(heading.closest('section'), 'the Google Play card');
};

describe('Sources → Google Play: a service-account key', () => {
  it('refuses a wrong file with the reason, takes a pasted key, follows another app without a browser sign-in, syncs in the UI language', async () => {
    const fake = createFakeApi();
    render(<App api={fake.api} />);
    const card = await openPlayCard();
    // No OAuth client: the Google sign-in is off, the key is the way in.
    expect((within(card).getByRole('button', { name: 'Follow this app' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(card).getByLabelText('App package name'), { target: { value: PKG } });

    const file = new File([JSON.stringify({ installed: { client_id: 'x.apps.googleusercontent.com' } })], 'client_secret.json', { type: 'application/json' });
    fireEvent.change(must(card.querySelector<HTMLInputElement>('input[type="file"]'), 'the key file input'), { target: { files: [file] } });
    expect(await within(card).findByText('client_secret.json')).toBeTruthy();
    const use = within(card).getByRole('button', { name: 'Use this key' });
    await waitFor(() => expect((use as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(use);
    expect((await within(card).findByRole('alert')).textContent).toContain('this is an OAuth client file');
    expect((await fake.api.call('play.status', {})).serviceAccount).toBeNull();

    // A fresh card (the chosen file is forgotten on reload); paste the real key.
    fireEvent.click(screen.getByRole('button', { name: 'Inbox' }));
    const again = await openPlayCard();
    fireEvent.change(within(again).getByLabelText('App package name'), { target: { value: PKG } });
    fireEvent.change(within(again).getByLabelText('…or paste the key'), { target: { value: KEY } });
    fireEvent.click(within(again).getByRole('button', { name: 'Use this key' }));
    expect((await within(again).findByText(/Connected as kalm@zonnebloem/)).textContent).toContain('Sync Play');
    expect(callsOf(fake, 'play.connectKey').at(-1)).toEqual({ packageName: PKG, key: KEY });
    expect(await within(again).findByText('kalm@zonnebloem.iam.gserviceaccount.com')).toBeTruthy();
    expect((within(again).getByLabelText('…or paste the key') as HTMLTextAreaElement).value).toBe('');

    fireEvent.change(within(again).getByLabelText('App package name'), { target: { value: 'nl.zonnebloem.kassa' } });
    fireEvent.click(within(again).getByRole('button', { name: 'Follow this app' }));
    await waitFor(() => expect(callsOf(fake, 'play.addApp')).toEqual([{ packageName: 'nl.zonnebloem.kassa' }]));
    expect(callsOf(fake, 'play.connect')).toEqual([]);

    fireEvent.click(await within(again).findByRole('button', { name: 'Sync Play now' }));
    await waitFor(() => expect(callsOf(fake, 'play.sync')).toEqual([{ translationLanguage: 'en' }]));

    fireEvent.click(within(again).getByRole('button', { name: 'Forget the key' }));
    await waitFor(() => expect(within(again).queryByText('kalm@zonnebloem.iam.gserviceaccount.com')).toBeNull());
  });
});

describe('a posted Google Play reply', () => {
  it('has no Delete button; it says Play cannot remove a reply and offers Edit', async () => {
    const play = { ...review('gp:1', { locationId: PKG, status: 'answered', reply: { text: 'Dank je!', updatedAt: '2026-11-20T10:00:00.000Z', state: 'published' } }), id: `play:${PKG}:gp:1`, source: 'play' };
    const fake = createFakeApi({
      reviews: [play, ...inboxReviews], locations: [...locations, { id: PKG, source: 'play', name: PKG, storeCode: null, address: null, mapsUrl: null, newReviewUrl: null }],
      sources: [{ id: 'play', kind: 'google-play', name: 'Google Play', state: 'connected', lastSyncAt: null }],
    });
    await renderInbox(fake);
    fireEvent.click(screen.getByRole('tab', { name: /All/ }));
    fireEvent.click(await waitFor(() => must(document.querySelector<HTMLElement>(`[data-review-id="${play.id}"]`), 'the Play review')));
    const section = await within(detail()).findByRole('region', { name: /Your reply/ });
    expect(await within(section).findByText('Google Play has no way to remove a reply; edit it to change what it says.')).toBeTruthy();
    expect(within(section).queryByRole('button', { name: 'Delete reply' })).toBeNull();
    expect(within(section).getByRole('button', { name: 'Edit reply' })).toBeTruthy();
  });

  it('stops following an app (its line says so, Sync Play goes away) and follows it again', async () => {
    const fake = createFakeApi();
    render(<App api={fake.api} />);
    await fake.api.call('play.connectKey', { packageName: PKG, key: KEY });
    const card = await openPlayCard();
    fireEvent.click(await within(card).findByRole('button', { name: `Stop following ${PKG}` }));
    await waitFor(() => expect(callsOf(fake, 'play.unfollowApp')).toEqual([{ packageName: PKG }]));
    expect(await within(card).findByText(/not followed: not synced/)).toBeTruthy();
    expect(within(card).queryByRole('button', { name: 'Sync Play now' })).toBeNull();
    expect(within(card).getByText('No app yet')).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: `Follow ${PKG} again` }));
    expect(await within(card).findByRole('button', { name: 'Sync Play now' })).toBeTruthy();
    expect(callsOf(fake, 'play.addApp')).toEqual([{ packageName: PKG }]);
  });
});
