import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import nlTeam from '../../shared/locales/team.nl.json';
import { LOCAL_STATUS, type TeamStatusView } from '../../shared/contract/team';
import { createFakeApi, type FakeApi } from './fake-api';
import { inboxReviews, locations } from './fixtures';
import { detail, renderInbox, rowAt } from './helpers';

const team = (peers: TeamStatusView['peers']): TeamStatusView => ({ ...LOCAL_STATUS, enabled: true, server: 'https://couch.example.nl', db: 'bakkerij', user: 'anna', state: 'synced', peers });
const inAMinute = () => new Date(Date.now() + 60_000).toISOString();
const fakeTeam = (): FakeApi => createFakeApi({ reviews: inboxReviews, locations, settings: { coolDown: { enabled: false, seconds: 60 } } });

beforeEach(() => localStorage.clear());

describe('team workspace: presence and other members’ drafts', () => {
  it('shows "<member> is answering this review" on the row and in the review view, and drops it when it expired', async () => {
    const fake = fakeTeam();
    await renderInbox(fake);
    const id = rowAt(0).dataset.reviewId ?? '';
    expect(screen.queryByTestId('team-presence')).toBeNull();
    fake.team.team = team([{ member: 'bram', reviewId: id, until: inAMinute() }, { member: 'cem', reviewId: null, until: inAMinute() }]);
    act(() => fake.emit('team.status', fake.team.team));
    await waitFor(() => expect(within(rowAt(0)).getByTestId('team-presence').textContent).toBe('bram is answering this review'), { timeout: 5000 });
    expect(within(detail()).getByTestId('team-presence').textContent).toBe('bram is answering this review');
    expect(screen.getAllByTestId('team-presence')).toHaveLength(2);

    // Expired presence (she closed the composer or went offline) is not shown.
    fake.team.team = team([{ member: 'bram', reviewId: id, until: new Date(Date.now() - 1000).toISOString() }]);
    act(() => fake.emit('team.status', fake.team.team));
    await waitFor(() => expect(screen.queryByTestId('team-presence')).toBeNull(), { timeout: 5000 });
  });

  it('the open composer tells the team who is answering, and clears it when closed', async () => {
    const fake = fakeTeam();
    await renderInbox(fake);
    const id = rowAt(0).dataset.reviewId ?? '';
    fireEvent.click(within(detail()).getByRole('button', { name: 'Answer' }));
    await within(detail()).findByLabelText('Your reply');
    await waitFor(() => expect(fake.team.presence).toBe(id));
    fireEvent.click(rowAt(1));
    await waitFor(() => expect(fake.team.presence).toBeNull());
    expect(fake.calls.filter((c) => c.name === 'team.presence').map((c) => c.input)).toEqual([{ reviewId: id }, { reviewId: null }]);
  });

  it.each([
    ['Keep mine', 'Mine: sorry for the wait.'],
    ['Use bram’s', 'Bram: we will call you.'],
    ['Merge both', 'Mine: sorry for the wait.\n\nBram: we will call you.'],
  ])('"bram also drafted a reply": both versions side by side; %s', async (button, expected) => {
    const fake = fakeTeam();
    await renderInbox(fake);
    const id = rowAt(0).dataset.reviewId ?? '';
    await fake.api.call('drafts.save', { reviewId: id, text: 'Mine: sorry for the wait.' });
    fake.team.otherDrafts = { [id]: [{ by: 'bram', text: 'Bram: we will call you.', updatedAt: '2026-03-01T10:00:00.000Z' }] };
    fireEvent.click(within(detail()).getByRole('button', { name: 'Answer' }));
    const box = await within(detail()).findByLabelText<HTMLTextAreaElement>('Your reply');
    const panel = await screen.findByTestId('other-drafts');
    expect(within(panel).getByText('bram also drafted a reply')).toBeTruthy();
    expect(within(panel).getByText('Your draft').nextElementSibling?.textContent).toBe('Mine: sorry for the wait.');
    expect(within(panel).getByText('bram’s draft'.replace('’', "'")).nextElementSibling?.textContent).toBe('Bram: we will call you.');
    fireEvent.click(within(panel).getByRole('button', { name: button.replace('’', "'") }));
    await waitFor(() => expect(box.value).toBe(expected));
    await waitFor(() => expect(screen.queryByTestId('other-drafts')).toBeNull());
    expect(fake.calls.some((c) => c.name === 'team.settleOtherDrafts')).toBe(true);
  });

  it('speaks Dutch with je/jouw (never u/uw), review and reactie', () => {
    const nl = nlTeam.team;
    expect(nl.otherDrafts.mine).toBe('Jouw concept');
    expect(nl.presence).toBe('{{member}} beantwoordt deze review');
    expect(nl.otherDraft).toBe('{{member}} heeft ook een reactie geschreven');
    for (const text of [nl.presence, nl.otherDraft, ...Object.values(nl.otherDrafts)]) expect(text).not.toMatch(/\b(u|uw)\b/i);
  });
});
