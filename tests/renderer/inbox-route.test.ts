import { describe, expect, it } from 'vitest';
import { activeFilterCount, clearedFilters, DEFAULT_FILTERS, formatRoute, parseRoute } from '../../renderer/lib/route';
import { toReviewQuery } from '../../renderer/features/inbox/filters';

describe('the route in the address', () => {
  it('reads every inbox filter from the hash and writes it back the same', () => {
    const hash = '#/inbox?view=drafts&rating=1,2&source=google&location=loc%2C1&location=gent&label=parking&label=kassa+%26+co&lang=nl&from=2026-01-01&to=2026-03-31&overdue=1&mine=1&q=caf%C3%A9+au+lait&sort=newest';
    const route = parseRoute(hash);
    expect(route).toEqual({
      view: 'inbox',
      inbox: { view: 'drafts', ratings: [1, 2], sources: ['google'], locations: ['loc,1', 'gent'], labels: ['parking', 'kassa & co'], lang: 'nl', from: '2026-01-01', to: '2026-03-31', overdue: true, mine: true, q: 'café au lait', sort: 'newest' },
    });
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it('takes a dashboard link with one location, and other views', () => {
    const id = 'accounts/1/locations/7 & co';
    expect(parseRoute('#/inbox?location=' + encodeURIComponent(id)).inbox.locations).toEqual([id]);
    expect(parseRoute('#/outbox').view).toBe('outbox');
    expect(parseRoute('#/dashboard?x=1').view).toBe('dashboard');
    expect(parseRoute('').view).toBe('inbox');
    expect(parseRoute('#token=abc').view).toBe('inbox');
    expect(formatRoute({ view: 'sources', inbox: DEFAULT_FILTERS })).toBe('#/sources');
    expect(formatRoute({ view: 'inbox', inbox: DEFAULT_FILTERS })).toBe('#/inbox');
  });

  it('drops what is not valid instead of failing', () => {
    const { inbox } = parseRoute('#/inbox?view=nope&rating=0,3,9,x,3&lang=nl_BE&from=2026-02-30&to=yesterday&overdue=yes&mine=true&sort=random');
    expect(inbox).toEqual({ ...DEFAULT_FILTERS, ratings: [3] });
    // A reversed range is put the right way round.
    expect(parseRoute('#/inbox?from=2026-03-01&to=2026-01-01').inbox).toMatchObject({ from: '2026-01-01', to: '2026-03-01' });
    expect(parseRoute(`#/inbox?q=${'x'.repeat(500)}`).inbox.q).toHaveLength(200);
  });

  it('counts active filters and clears them in one go, keeping view and order', () => {
    const f = parseRoute('#/inbox?view=all&sort=oldest&rating=1&q=koffie&overdue=1&mine=1&label=a&label=b').inbox;
    expect(activeFilterCount(f)).toBe(5);
    expect(clearedFilters(f)).toEqual({ ...DEFAULT_FILTERS, view: 'all', sort: 'oldest' });
  });

  it('becomes a core query with whole local days, both ends included', () => {
    const f = parseRoute('#/inbox?from=2026-01-01&to=2026-01-31&sort=lowest&q=%20koffie%20&lang=nl').inbox;
    const q = toReviewQuery(f, 50, 50);
    expect(q).toMatchObject({ view: 'unanswered', sort: 'priority', offset: 50, limit: 50, text: 'koffie', language: 'nl' });
    expect(q.from).toBe(new Date(2026, 0, 1).toISOString());
    expect(q.to).toBe(new Date(2026, 1, 1).toISOString());
  });

  it('keeps "assigned to me" and several labels in the address, and asks for "me" and any of the labels', () => {
    const f = parseRoute('#/inbox?label=klacht&label=parkeren&mine=1').inbox;
    expect(f).toMatchObject({ labels: ['klacht', 'parkeren'], mine: true });
    expect(formatRoute({ view: 'inbox', inbox: f })).toBe('#/inbox?label=klacht&label=parkeren&mine=1');
    expect(toReviewQuery(f, 0, 50, 'anna')).toMatchObject({ labels: ['klacht', 'parkeren'], assignee: 'anna' });
    // Without a "me" in Settings the chip narrows nothing (it says where to choose one).
    expect(toReviewQuery(f, 0, 50, null).assignee).toBeUndefined();
    expect(toReviewQuery({ ...f, mine: false }, 0, 50, 'anna').assignee).toBeUndefined();
    expect(formatRoute({ view: 'inbox', inbox: { ...f, mine: false, labels: [] } })).toBe('#/inbox');
  });
});
