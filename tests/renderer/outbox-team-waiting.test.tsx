import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/App';
import { LANGUAGE_KEY } from '../../renderer/i18n';
import { waitingNote, type OutboxWaitingFor } from '../../shared/domain/outbox';
import { createFakeApi } from './fake-api';
import { expectedOrder, inboxReviews, locations } from './fixtures';
import { must } from './helpers';

const nth = (i: number): string => must(expectedOrder[i], `review ${i}`);
const [first, second, third] = [nth(0), nth(1), nth(2)];
const offline: OutboxWaitingFor = { kind: 'team-offline' };
const anna: OutboxWaitingFor = { kind: 'team-member', member: 'anna' };

/** Three queued replies: two wait for the team (as the team publisher writes them), one for Google (no structured reason). */
async function teamOutbox(language: 'en' | 'nl') {
  localStorage.setItem(LANGUAGE_KEY, language);
  const fake = createFakeApi({ reviews: inboxReviews, locations, settings: { language } });
  const waits: [string, Partial<(typeof fake.outbox)[number]>][] = [
    [first, { lastError: waitingNote(offline), waitingFor: offline }],
    [second, { lastError: waitingNote(anna), waitingFor: anna }],
    [third, { lastError: 'Google is not answering right now.' }],
  ];
  for (const [reviewId, patch] of waits) {
    await fake.api.call('outbox.send', { reviewId, text: 'Dank je wel voor je review.' });
    Object.assign(must(fake.outbox.find((i) => i.reviewId === reviewId), reviewId), { nextAttemptAt: '2026-11-24T12:01:00.000Z', ...patch });
  }
  render(<App api={fake.api} />);
  await waitFor(() => expect(document.documentElement.lang).toBe(language));
  fireEvent.click(await screen.findByRole('button', { name: 'Outbox' }));
  const list = await screen.findByRole('list', { name: language === 'nl' ? 'Reacties in de wachtrij' : 'Queued replies' });
  const row = (reviewId: string) => {
    const id = must(fake.outbox.find((i) => i.reviewId === reviewId), reviewId).id;
    return must(list.querySelector(`[data-outbox-id="${id}"]`), id).textContent ?? '';
  };
  return { row };
}

describe('outbox: a reply waiting for the team says why in the owner\'s language', () => {
  it('Dutch: the team server offline and another member publishing are Dutch sentences; a source\'s own reason stays as given', async () => {
    const { row } = await teamOutbox('nl');
    expect(row(first)).toContain('Wacht: de teamserver is offline. Kalm verstuurt deze reactie zodra de teamserver bevestigt dat niemand anders hem verstuurt.');
    expect(row(second)).toContain('Wacht: anna plaatst deze reactie al.');
    expect(row(first)).not.toContain('Queued (team server offline)');
    expect(row(second)).not.toContain('is publishing');
    expect(row(third)).toContain('Wacht: Google is not answering right now.');
  });

  it('English: the same reasons in English', async () => {
    const { row } = await teamOutbox('en');
    expect(row(first)).toContain('Waiting: the team server is offline. Kalm sends this reply once the team server confirms no one else is sending it.');
    expect(row(second)).toContain('Waiting: anna is publishing this reply.');
    expect(within(document.body).getAllByText(/^Waiting:/)).toHaveLength(3);
  });
});
