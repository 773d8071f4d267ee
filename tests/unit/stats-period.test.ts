import { describe, expect, it } from 'vitest';
import type { Location } from '../../shared/domain/location';
import { generateDemoWorkspace } from '../../shared/demo/generate';
import { Settings } from '../../shared/domain/settings';
import { isOverdue, replyPolicy } from '../../shared/reviews/reply-targets';
import { summarize } from '../../shared/reviews/stats';
import { StatsQuery, StatsSummary } from '../../shared/reviews/stats-schema';
import { dayStart, monthBucketer, monthLabel, offsetAt, periodBound, zonedInstant } from '../../shared/time/zoned';
import { makeReview } from './helpers';

const reply = (updatedAt: string) => ({ text: 'Dank je wel!', updatedAt, state: 'published' as const });
const loc = (id: string): Location => ({ id, source: 'google', name: id, storeCode: null, address: null, mapsUrl: null, newReviewUrl: null });
const at = (iso: string) => Date.parse(iso);
const NOW = at('2026-06-01T00:00:00Z');

describe('stats for a period', () => {
  it('gives empty figures for an empty store, with the previous period named', () => {
    const s = StatsSummary.parse(summarize([], [], { from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z' }, [], { now: NOW }));
    const empty = { average: null, count: 0, rated: 0, unanswered: 0, responseRate: null, medianReplyHours: null, withinTarget: null, overdue: 0, distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, none: 0 } };
    expect(s.overall).toEqual(empty);
    expect(s.previous).toEqual(empty);
    // 28 days back from 1 February.
    expect(s.period).toEqual({ from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z', previousFrom: '2026-01-04T00:00:00.000Z', previousTo: '2026-02-01T00:00:00.000Z' });
    expect([s.locations, s.sources, s.trend, s.topics, s.targetHours]).toEqual([[], [], [], [], null]);
  });

  it('counts rating-only reviews but averages nothing when no review has stars', () => {
    const reviews = ['2026-02-02', '2026-02-10', '2026-03-05'].map((d, i) => makeReview({ externalId: `r${i}`, rating: null, text: null, createdAt: `${d}T12:00:00Z` }));
    const s = summarize(reviews, [loc('utrecht')], {}, [], { now: NOW });
    expect([s.overall.average, s.overall.count, s.overall.rated, s.overall.distribution.none]).toEqual([null, 3, 0, 3]);
    expect(s.trend).toEqual([
      { month: '2026-02', average: null, count: 2, medianReplyHours: null },
      { month: '2026-03', average: null, count: 1, medianReplyHours: null },
    ]);
    expect(s.locations[0]?.average).toBeNull();
  });

  it('leaves reviews answered before the period out of it, and compares with the previous period', () => {
    const reviews = [
      // Previous period (4 Jan – 1 Feb): created and answered then.
      makeReview({ externalId: 'old', rating: 2, createdAt: '2026-01-10T09:00:00Z', status: 'answered', reply: reply('2026-01-11T09:00:00Z') }),
      makeReview({ externalId: 'old2', rating: 4, locationId: 'gent', createdAt: '2026-01-20T09:00:00Z' }),
      // Before the previous period: in neither.
      makeReview({ externalId: 'older', rating: 1, createdAt: '2025-12-01T09:00:00Z', status: 'answered', reply: reply('2025-12-01T10:00:00Z') }),
      // In the period.
      makeReview({ externalId: 'new', rating: 5, createdAt: '2026-02-05T09:00:00Z' }),
      makeReview({ externalId: 'new2', rating: 4, createdAt: '2026-02-06T09:00:00Z', status: 'answered', reply: reply('2026-02-06T15:00:00Z') }),
      // Its reply is stamped before the period and before the review (an import): replied, 0 hours.
      makeReview({ externalId: 'skew', rating: 3, locationId: 'gent', createdAt: '2026-02-07T09:00:00Z', status: 'answered', reply: reply('2026-01-30T09:00:00Z') }),
      // At `to` exactly: outside (exclusive).
      makeReview({ externalId: 'edge', rating: 1, createdAt: '2026-03-01T00:00:00Z' }),
    ];
    const s = summarize(reviews, [loc('utrecht'), loc('gent')], { from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z' }, [], { now: NOW });
    expect(s.overall).toMatchObject({ count: 3, average: 4, unanswered: 1, responseRate: 0.67, medianReplyHours: 3, withinTarget: 1, overdue: 1 });
    expect(s.previous).toMatchObject({ count: 2, average: 3, unanswered: 1, responseRate: 0.5, medianReplyHours: 24, withinTarget: 1, overdue: 1 });
    expect(s.locations.map((l) => [l.locationId, l.average, l.previousAverage])).toEqual([
      ['utrecht', 4.5, 2],
      ['gent', 3, 4],
    ]);
    expect(s.sources.map((r) => [r.source, r.average, r.previousAverage, r.targetHours])).toEqual([['google', 4, 3, 24]]);
  });

  it('compares an open period (no "to") with as many days before it, up to now', () => {
    const reviews = [
      makeReview({ externalId: 'a', rating: 5, createdAt: '2026-05-25T00:00:00Z' }),
      makeReview({ externalId: 'b', rating: 3, createdAt: '2026-05-12T00:00:00Z' }),
      makeReview({ externalId: 'c', rating: 1, createdAt: '2026-05-01T00:00:00Z' }),
    ];
    const s = summarize(reviews, [loc('utrecht')], { from: '2026-05-17T00:00:00Z' }, [], { now: NOW });
    expect(s.period.previousFrom).toBe('2026-05-02T00:00:00.000Z');
    expect([s.overall.average, s.previous?.average, s.previous?.count]).toEqual([5, 3, 1]);
  });

  it('counts overdue reviews against each source\'s target at "now"', () => {
    const h = (hours: number) => new Date(NOW - hours * 3_600_000).toISOString();
    const reviews = [
      makeReview({ externalId: 'g23', createdAt: h(23) }), // Google 24 h: not yet
      makeReview({ externalId: 'g25', createdAt: h(25) }), // overdue
      makeReview({ externalId: 'd30', createdAt: h(30), status: 'drafted' }), // a draft is not a reply: overdue
      makeReview({ externalId: 'p30', createdAt: h(30), source: 'play', locationId: 'app' }), // Play 48 h: not yet
      makeReview({ externalId: 'p50', createdAt: h(50), source: 'play', locationId: 'app' }), // overdue
      makeReview({ externalId: 'a99', createdAt: h(99), status: 'answered', reply: reply(h(1)) }), // answered late: not overdue, not within target
      makeReview({ externalId: 'x99', createdAt: h(99), status: 'deleted' }), // deleted: not counted at all
    ];
    const s = summarize(reviews, [], {}, [], { now: NOW });
    expect([s.overall.overdue, s.overall.count, s.overall.withinTarget, s.overall.medianReplyHours]).toEqual([3, 6, 0, 98]);
    expect(s.sources.map((r) => [r.source, r.overdue, r.targetHours])).toEqual([['google', 2, 24], ['play', 1, 48]]);
    expect(summarize(reviews, [], {}, [], { now: NOW, policy: replyPolicy({ replyTargetHours: { google: 1, play: 1 }, businessHours: Settings.parse({}).businessHours }) }).overall.overdue).toBe(5);
  });

  it('counts overdue exactly as isOverdue does, on the demo', () => {
    const demo = generateDemoWorkspace({ now: new Date(NOW - 86_400_000 * 3) });
    const s = summarize(demo.reviews, demo.locations, {}, demo.sources, { now: NOW });
    const expected = demo.reviews.filter((r) => isOverdue(r, NOW)).length;
    expect(expected).toBeGreaterThan(10);
    expect(s.overall.overdue).toBe(expected);
    expect(s.locations.reduce((n, l) => n + l.overdue, 0)).toBe(expected);
  });

  it("judges overdue and within target with the owner's business hours", () => {
    const base = Settings.parse({});
    const policy = replyPolicy({ replyTargetHours: { google: 4 }, businessHours: { ...base.businessHours, enabled: true } });
    // Friday 15:00 Amsterdam (14:00Z); Monday 10:00 (09:00Z) is 3 business hours later, Monday 12:00 (11:00Z) 5.
    const friday = '2026-01-16T14:00:00.000Z';
    const reviews = [
      makeReview({ externalId: 'fast', createdAt: friday, status: 'answered', reply: reply('2026-01-19T09:00:00Z') }), // 67 h on the clock, 3 business hours
      makeReview({ externalId: 'slow', createdAt: friday, status: 'answered', reply: reply('2026-01-19T11:00:00Z') }), // 5 business hours
      makeReview({ externalId: 'open', createdAt: friday }),
    ];
    const monday = (time: string) => at(`2026-01-19T${time}Z`);
    const s = summarize(reviews, [], {}, [], { now: monday('09:30:00'), policy });
    expect([s.businessHours, s.overall.withinTarget, s.overall.overdue]).toEqual([true, 0.5, 0]);
    expect(summarize(reviews, [], {}, [], { now: monday('10:00:01'), policy }).overall.overdue).toBe(1);
    const plain = summarize(reviews, [], {}, [], { now: monday('09:30:00'), policy: replyPolicy({ ...base, replyTargetHours: { google: 4 } }) });
    expect([plain.businessHours, plain.overall.withinTarget, plain.overall.overdue]).toEqual([false, 0, 1]);
    // The demo: the summary's overdue count equals isOverdue with the same policy.
    const demo = generateDemoWorkspace({ now: new Date(NOW - 86_400_000 * 3) });
    const expected = demo.reviews.filter((r) => r.status !== 'deleted' && isOverdue(r, NOW, policy.targets, policy.hours)).length;
    expect(summarize(demo.reviews, demo.locations, {}, demo.sources, { now: NOW, policy }).overall.overdue).toBe(expected);
  });

  it('lists labels by use with their average', () => {
    const reviews = [
      makeReview({ externalId: 'a', rating: 1, labels: ['wachttijd', 'service'] }),
      makeReview({ externalId: 'b', rating: 2, labels: ['wachttijd'] }),
      makeReview({ externalId: 'c', rating: null, labels: ['wachttijd'] }),
      makeReview({ externalId: 'd', rating: 5, labels: ['brood'] }),
      makeReview({ externalId: 'e', rating: 4, labels: ['service'] }),
    ];
    expect(summarize(reviews, [], {}, [], { now: NOW }).topics).toEqual([
      { label: 'wachttijd', labelId: 'wachttijd', count: 3, average: 1.5 },
      { label: 'service', labelId: 'service', count: 2, average: 2.5 },
      { label: 'brood', labelId: 'brood', count: 1, average: 5 },
    ]);
    // With the label names known the topics show names; the ids stay in labelId.
    const names: Record<string, string> = { wachttijd: 'Wachttijd', service: 'Service', brood: 'Brood' };
    expect(summarize(reviews, [], {}, [], { now: NOW, labelName: (id) => names[id] ?? id }).topics.map((t) => [t.label, t.labelId])).toEqual([
      ['Wachttijd', 'wachttijd'], ['Service', 'service'], ['Brood', 'brood'],
    ]);
  });

  it('rejects a bad period or time zone', () => {
    expect(StatsQuery.safeParse({ from: '2026-03-01T00:00:00Z', to: '2026-02-01T00:00:00Z' }).success).toBe(false);
    expect(StatsQuery.safeParse({ timeZone: 'Mars/Olympus_Mons' }).success).toBe(false);
    expect(StatsQuery.safeParse({ from: 'yesterday' }).success).toBe(false);
    expect(StatsQuery.safeParse({ timeZone: 'Europe/Amsterdam', from: '2026-03-01T00:00:00+01:00' }).success).toBe(true);
  });
});

describe('months and days in a time zone', () => {
  it('puts a review in the owner\'s month around midnight and DST changes', () => {
    const reviews = [
      makeReview({ externalId: 'mar', rating: 1, createdAt: '2026-03-31T21:30:00Z' }), // 23:30 CEST, 31 March
      makeReview({ externalId: 'apr', rating: 5, createdAt: '2026-03-31T22:30:00Z' }), // 00:30 CEST, 1 April
      makeReview({ externalId: 'oct', rating: 2, createdAt: '2026-10-31T22:30:00Z' }), // 23:30 CET (summer time ended 25 October)
      makeReview({ externalId: 'nov', rating: 4, createdAt: '2026-10-31T23:00:00Z' }), // 00:00 CET, 1 November
    ];
    const months = (timeZone?: string) => summarize(reviews, [], timeZone ? { timeZone } : {}, [], { now: NOW }).trend.filter((t) => t.count > 0).map((t) => [t.month, t.average]);
    expect(months('Europe/Amsterdam')).toEqual([['2026-03', 1], ['2026-04', 5], ['2026-10', 2], ['2026-11', 4]]);
    expect(months()).toEqual([['2026-03', 3], ['2026-10', 3]]); // all four in UTC March / October
    // West of UTC: 04:30Z on 1 March is 23:30 on 28 February in New York (EST, -5).
    const ny = summarize([makeReview({ externalId: 'ny', createdAt: '2026-03-01T04:30:00Z' })], [], { timeZone: 'America/New_York' }, [], { now: NOW });
    expect(ny.trend.map((t) => t.month)).toEqual(['2026-02']);
  });

  it('finds offsets, month starts and day starts', () => {
    expect(offsetAt(at('2026-01-15T12:00:00Z'), 'Europe/Amsterdam')).toBe(3_600_000);
    expect(offsetAt(at('2026-07-15T12:00:00Z'), 'Europe/Amsterdam')).toBe(7_200_000);
    expect(new Date(zonedInstant({ year: 2026, month: 4, day: 1 }, 0, 'Europe/Amsterdam')).toISOString()).toBe('2026-03-31T22:00:00.000Z');
    expect(new Date(zonedInstant({ year: 2026, month: 11, day: 1 }, 0, 'Europe/Amsterdam')).toISOString()).toBe('2026-10-31T23:00:00.000Z');
    // 02:30 on 29 March does not exist in Amsterdam; the instant after the gap is 03:00 CEST.
    expect(new Date(zonedInstant({ year: 2026, month: 3, day: 29 }, 120, 'Europe/Amsterdam')).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(new Date(dayStart('2026-03-29', 'Europe/Amsterdam') ?? 0).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(new Date(dayStart('2026-03-30', 'Europe/Amsterdam') ?? 0).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(dayStart('2026-02-30', 'UTC')).toBeNull();
    expect(dayStart('30-02-2026', 'UTC')).toBeNull();
    // A "to" date includes its whole day: the bound is the next day's start, across a DST change and a year end.
    expect(periodBound('2026-03-28', 'Europe/Amsterdam', true)).toBe('2026-03-28T23:00:00.000Z');
    expect(periodBound('2026-10-25', 'Europe/Amsterdam', true)).toBe('2026-10-25T23:00:00.000Z');
    expect(periodBound('2026-12-31', 'UTC', true)).toBe('2027-01-01T00:00:00.000Z');
    expect(periodBound('2026-03-29T02:30:00+02:00', 'Europe/Amsterdam')).toBe('2026-03-29T00:30:00.000Z');
    expect(periodBound('2026-02-30', 'UTC')).toBeNull();
    const bucket = monthBucketer('Asia/Kolkata'); // +5:30
    expect(monthLabel(bucket(at('2026-01-31T18:29:59Z')))).toBe('2026-01');
    expect(monthLabel(bucket(at('2026-01-31T18:30:00Z')))).toBe('2026-02');
  });
});
