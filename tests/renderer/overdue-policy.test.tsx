import { act, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/domain/settings';
import { FigureCards } from '../../renderer/features/dashboard/FigureCards';
import { badgesOf, NO_WORK } from '../../renderer/features/inbox/badges';
import { summarize } from '../../shared/reviews/stats';
import { replyPolicy } from '../../shared/reviews/reply-targets';
import { createFakeApi } from './fake-api';
import { locations, review } from './fixtures';
import { renderInbox, rowAt } from './helpers';

const H = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * H).toISOString();
const overdueChip = () => screen.getByRole('button', { name: /^Overdue only/ });
const hasOverdueBadge = (index: number) => within(rowAt(index)).queryByText('Overdue') !== null;
/** Open one minute a day: a 2-hour target takes two months of days. */
const minuteADay = { ...defaultSettings().businessHours, enabled: true, days: Array.from({ length: 7 }, () => ({ open: '00:00', close: '00:01' })) };

describe('overdue from the Settings targets and business hours', () => {
  it('badges a review by the policy it is given, the same for many rows', () => {
    const r = review('a', { createdAt: '2026-01-16T14:00:00.000Z' }); // Friday 15:00 in Amsterdam
    const monday = Date.parse('2026-01-19T08:30:00Z'); // Monday 09:30: 2.5 business hours later, 66.5 on the clock
    const base = defaultSettings();
    expect(badgesOf(r, monday, NO_WORK)).toContain('overdue'); // Google 24 h in plain hours
    const business = replyPolicy({ ...base, replyTargetHours: { google: 3 }, businessHours: { ...base.businessHours, enabled: true } });
    expect(badgesOf(r, monday, NO_WORK, business)).not.toContain('overdue');
    expect(badgesOf(r, monday + H, NO_WORK, business)).toContain('overdue');
    expect(badgesOf({ ...r, status: 'done' }, monday + H, NO_WORK, business)).toContain('done');
    expect(badgesOf({ ...r, status: 'done' }, monday + H, NO_WORK, business)).not.toContain('overdue');
  });

  it('changes the inbox count and badges when the owner changes a target or business hours', async () => {
    const reviews = [review('old', { rating: 1, createdAt: ago(30) }), review('new', { rating: 2, createdAt: ago(5) })];
    const fake = createFakeApi({ reviews, locations });
    await renderInbox(fake);
    // Google's default 24 h: only the 30-hour-old review is overdue.
    expect(overdueChip().textContent).toContain('1');
    expect([hasOverdueBadge(0), hasOverdueBadge(1)]).toEqual([true, false]);

    await act(() => fake.api.call('settings.update', { replyTargetHours: { google: 2, play: 48, import: 72 } }));
    await waitFor(() => expect(overdueChip().textContent).toContain('2'));
    await waitFor(() => expect([hasOverdueBadge(0), hasOverdueBadge(1)]).toEqual([true, true]));

    await act(() => fake.api.call('settings.update', { businessHours: minuteADay }));
    await waitFor(() => expect(overdueChip().textContent).toMatch(/only\s*0$/));
    await waitFor(() => expect([hasOverdueBadge(0), hasOverdueBadge(1)]).toEqual([false, false]));
  });

  it('says on the dashboard when targets count business hours', () => {
    const base = defaultSettings();
    const reviews = [review('a', { createdAt: '2026-01-16T14:00:00.000Z', status: 'answered', reply: { text: 'Dank u', updatedAt: '2026-01-19T09:00:00.000Z', state: 'published' } })];
    const now = Date.parse('2026-01-20T12:00:00Z');
    const business = replyPolicy({ ...base, replyTargetHours: { google: 4 }, businessHours: { ...base.businessHours, enabled: true } });
    const { unmount } = render(<FigureCards stats={summarize(reviews, locations, { source: 'google' }, [], { now, policy: business })} />);
    expect(screen.getByText('100% of replies within the target, counted in business hours')).toBeTruthy();
    expect(screen.getByText(/Target 4 .* in business hours/)).toBeTruthy();
    expect(screen.getByText(/longer than the target, counted in business hours/)).toBeTruthy();
    unmount();
    render(<FigureCards stats={summarize(reviews, locations, { source: 'google' }, [], { now, policy: replyPolicy({ ...base, replyTargetHours: { google: 4 } }) })} />);
    expect(screen.getByText('0% of replies within the target')).toBeTruthy();
  });
});
