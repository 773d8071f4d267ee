import { describe, expect, it } from 'vitest';
import type { Location } from '../../shared/domain/location';
import type { Source } from '../../shared/domain/source';
import { computeFigures, summarize } from '../../shared/reviews/stats';
import { StatsSummary } from '../../shared/reviews/stats-schema';
import { makeReview } from './helpers';

const reply = (updatedAt: string) => ({ text: 'Dank je!', updatedAt, state: 'published' as const });

const NOW = Date.parse('2026-06-01T00:00:00Z');

const location = (id: string, source = 'google'): Location => ({ id, source, name: id.toUpperCase(), storeCode: null, address: null, mapsUrl: null, newReviewUrl: null });

describe('computeFigures', () => {
  const reviews = [
    makeReview({ externalId: 'a', rating: 4, createdAt: '2026-01-05T00:00:00Z' }),
    makeReview({ externalId: 'b', rating: 1, createdAt: '2026-02-01T00:00:00Z', text: 'Koude croissants in het café.' }),
    makeReview({ externalId: 'c', rating: 1, createdAt: '2026-01-01T00:00:00Z', locationId: 'gent' }),
    makeReview({ externalId: 'd', rating: null, text: null, createdAt: '2025-12-01T00:00:00Z' }),
    makeReview({ externalId: 'e', rating: 2, createdAt: '2026-03-01T00:00:00Z', status: 'answered', reply: reply('2026-03-02T00:00:00Z') }),
    makeReview({ externalId: 'f', rating: 5, createdAt: '2026-01-02T00:00:00Z', source: 'play' }),
    makeReview({ externalId: 'g', rating: 3, status: 'deleted' }),
  ];

  it('averages rated reviews only, counts rating-only ones, skips deleted', () => {
    const f = computeFigures(reviews);
    expect(f.count).toBe(6);
    expect(f.rated).toBe(5);
    expect(f.average).toBe(2.6); // (4+1+1+2+5)/5
    expect(f.unanswered).toBe(5);
    expect(f.responseRate).toBe(0.17);
    expect(f.medianReplyHours).toBe(24);
    expect(f.withinTarget).toBe(1); // 24 h for Google is on target
    expect(f.distribution).toEqual({ 1: 2, 2: 1, 3: 0, 4: 1, 5: 1, none: 1 });
  });

  it('rounds the average to 2 decimals and is null with nothing rated or replied', () => {
    expect(computeFigures([1, 2, 2].map((r, i) => makeReview({ externalId: String(i), rating: r as 1 | 2 }))).average).toBe(1.67);
    expect(computeFigures([makeReview({ externalId: 'x', rating: null })]).average).toBeNull();
    expect(computeFigures([makeReview({ externalId: 'x' })]).medianReplyHours).toBeNull();
    expect(computeFigures([]).responseRate).toBeNull();
  });
});

describe('summarize', () => {
  // Hand-computed below. Reply times: a 10 h, d 48 h, e 24 h, h 0 h (its reply is stamped before the review).
  const reviews = [
    makeReview({ externalId: 'a', rating: 4, createdAt: '2026-01-05T00:00:00Z', status: 'answered', reply: reply('2026-01-05T10:00:00Z') }),
    makeReview({ externalId: 'b', rating: 1, createdAt: '2026-02-01T00:00:00Z' }),
    makeReview({ externalId: 'c', rating: 1, createdAt: '2026-01-01T00:00:00Z', locationId: 'gent' }),
    makeReview({ externalId: 'd', rating: null, text: null, createdAt: '2025-12-01T00:00:00Z', status: 'answered', reply: reply('2025-12-03T00:00:00Z') }),
    makeReview({ externalId: 'e', rating: 2, createdAt: '2026-03-01T00:00:00Z', status: 'answered', reply: reply('2026-03-02T00:00:00Z') }),
    makeReview({ externalId: 'f', rating: 5, createdAt: '2026-01-02T00:00:00Z', source: 'play', locationId: 'app' }),
    makeReview({ externalId: 'g', rating: 3, createdAt: '2025-11-01T00:00:00Z', status: 'deleted', reply: reply('2025-11-01T01:00:00Z') }),
    // 2026-05-01T01:30Z in UTC, so it counts for May; April stays empty.
    makeReview({ externalId: 'h', rating: 5, createdAt: '2026-04-30T23:30:00-02:00', locationId: 'gent', status: 'answered', reply: reply('2026-04-30T22:00:00Z') }),
  ];
  const locations = [location('utrecht'), location('gent'), location('app', 'play'), location('closed')];
  const sources: Source[] = [
    { id: 'play', kind: 'google-play', name: 'Google Play', state: 'connected', lastSyncAt: null },
    { id: 'google', kind: 'google-business', name: 'Google', state: 'connected', lastSyncAt: null },
  ];

  it('gives overall figures with the median reply time', () => {
    const s = StatsSummary.parse(summarize(reviews, locations, {}, sources, { now: NOW }));
    expect(s.overall).toEqual({
      average: 3, // (4+1+1+2+5+5)/6
      count: 7,
      rated: 6,
      unanswered: 3,
      responseRate: 0.57, // 4/7
      medianReplyHours: 17, // (10+24)/2 of 0, 10, 24, 48
      withinTarget: 0.75, // 0, 10 and 24 h are within Google's 24 h; 48 h is not
      overdue: 3, // b, c (Google, 24 h) and f (Play, 48 h) wait since months
      distribution: { 1: 2, 2: 1, 3: 0, 4: 1, 5: 2, none: 1 },
    });
    expect(s.medianReplyHours).toBe(17);
  });

  it('has no previous period, and the shared target, without a period', () => {
    const s = summarize(reviews, locations, { source: 'google' }, sources, { now: NOW });
    expect([s.previous, s.period, s.targetHours]).toEqual([null, { from: null, to: null, previousFrom: null, previousTo: null }, 24]);
    expect(summarize(reviews, locations, {}, sources, { now: NOW }).targetHours).toBeNull(); // Google 24 h and Play 48 h mix
  });

  it('has a row per location, in the order of the locations; one without reviews has count 0 and average null', () => {
    const s = summarize(reviews, locations, {}, sources);
    expect(s.locations.map((l) => [l.locationId, l.source, l.locationName, l.count, l.average, l.unanswered, l.responseRate, l.medianReplyHours])).toEqual([
      ['utrecht', 'google', 'UTRECHT', 4, 2.33, 1, 0.75, 24],
      ['gent', 'google', 'GENT', 2, 3, 1, 0.5, 0],
      ['app', 'play', 'APP', 1, 5, 1, 0, null],
      ['closed', 'google', 'CLOSED', 0, null, 0, null, null],
    ]);
  });

  it('has a row per source, known sources first in their order', () => {
    const s = summarize([...reviews, makeReview({ externalId: 'z', source: 'csv', rating: 3 })], locations, {}, sources);
    expect(s.sources.map((r) => [r.source, r.sourceName, r.count, r.average, r.unanswered, r.responseRate, r.medianReplyHours])).toEqual([
      ['play', 'Google Play', 1, 5, 1, 0, null],
      ['google', 'Google', 6, 2.6, 2, 0.67, 17],
      ['csv', 'csv', 1, 3, 1, 0, null],
    ]);
  });

  it('trends per UTC month by createdAt, without gaps, rating-only reviews counted but not averaged', () => {
    expect(summarize(reviews, locations, {}, sources).trend).toEqual([
      { month: '2025-12', average: null, count: 1, medianReplyHours: 48 },
      { month: '2026-01', average: 3.33, count: 3, medianReplyHours: 10 },
      { month: '2026-02', average: 1, count: 1, medianReplyHours: null },
      { month: '2026-03', average: 2, count: 1, medianReplyHours: 24 },
      { month: '2026-04', average: null, count: 0, medianReplyHours: null },
      { month: '2026-05', average: 5, count: 1, medianReplyHours: 0 },
    ]);
  });

  it('narrows everything to a source or a location', () => {
    const play = summarize(reviews, locations, { source: 'play' }, sources);
    expect([play.overall.count, play.locations.map((l) => l.locationId), play.sources.map((r) => r.source), play.trend]).toEqual([
      1,
      ['app'],
      ['play'],
      [{ month: '2026-01', average: 5, count: 1, medianReplyHours: null }],
    ]);
    const gent = summarize(reviews, locations, { locationId: 'gent' });
    expect([gent.overall.count, gent.overall.average, gent.medianReplyHours, gent.trend.length]).toEqual([2, 3, 0, 5]);
    expect(summarize([], locations, {})).toEqual({
      overall: computeFigures([]),
      previous: null,
      period: { from: null, to: null, previousFrom: null, previousTo: null },
      targetHours: null,
      businessHours: false,
      locations: locations.map((l) => ({ locationId: l.id, locationName: l.name, source: l.source, ...computeFigures([]), previousAverage: null })),
      sources: [],
      medianReplyHours: null,
      trend: [],
      topics: [],
    });
  });
});
