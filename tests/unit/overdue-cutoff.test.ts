import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../shared/demo/random';
import { defaultSettings, type Settings } from '../../shared/domain/settings';
import { isOverdue, overdueCutoff, overdueJudge, replyPolicy, type ReplyPolicy } from '../../shared/reviews/reply-targets';
import type { BusinessHours } from '../../shared/time/business-hours';

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const ZONES = ['Europe/Amsterdam', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC', 'Pacific/Chatham'];
/** Around DST changes in Europe, the US and Australia, and ordinary days. */
const MOMENTS = ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2026-03-08T07:00:00Z', '2026-11-01T06:00:00Z', '2026-04-05T16:00:00Z', '2026-10-04T16:00:00Z', '2026-01-16T15:00:00Z', '2026-07-04T12:00:00Z'].map(at);

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function randomHours(rng: Rng): BusinessHours {
  const days = Array.from({ length: 7 }, () => {
    if (rng.chance(0.3)) return null;
    const open = rng.int(0, 20 * 4) * 15;
    return { open: clock(open), close: clock(Math.min(open + rng.int(1, 16 * 4) * 15, 23 * 60 + 59)) };
  });
  return { enabled: rng.chance(0.85), timeZone: rng.pick(ZONES), days };
}

function randomPolicy(rng: Rng): ReplyPolicy {
  const settings: Pick<Settings, 'replyTargetHours' | 'businessHours'> = {
    replyTargetHours: { google: rng.pick([1, 4, 24, 36.5, 72]), play: rng.pick([2, 48, 100]) },
    businessHours: randomHours(rng),
  };
  return replyPolicy(settings);
}

describe('overdue cutoff', () => {
  it('is exactly the boundary isOverdue draws, with random business hours, zones, targets and DST changes', () => {
    const rng = createRng(Number(process.env.KALM_PROPERTY_SEED ?? 20261125));
    for (let round = 0; round < 250; round++) {
      const policy = randomPolicy(rng);
      const now = rng.pick(MOMENTS) + rng.int(-72, 72) * H + rng.int(0, H);
      const source = rng.pick(['google', 'play', 'csv']);
      const cutoff = overdueCutoff(source, now, policy);
      const judge = overdueJudge(now, policy);
      const probe = (created: number) => {
        const review = { source, createdAt: new Date(created).toISOString(), status: 'unanswered' as const };
        const expected = isOverdue(review, now, policy.targets, policy.hours);
        expect(created < cutoff, `round ${round}: created ${review.createdAt}, now ${new Date(now).toISOString()}, ${JSON.stringify(policy.hours.hours)}`).toBe(expected);
        expect(judge(review)).toBe(expected);
      };
      if (Number.isFinite(cutoff)) for (const d of [-1000, -1, 0, 1, 1000]) probe(cutoff + d);
      for (let i = 0; i < 8; i++) probe(now - rng.int(0, 24 * 14) * H - rng.int(0, H));
    }
  });

  it('counts plain hours when business hours are off, and business hours when on', () => {
    const base = defaultSettings();
    const friday = at('2026-01-16T15:00:00Z'); // Friday 16:00 in Amsterdam (CET)
    const plain = replyPolicy({ ...base, replyTargetHours: { google: 2 } });
    expect(overdueCutoff('google', friday + 3 * H, plain)).toBe(friday + H);
    const open = replyPolicy({ ...base, replyTargetHours: { google: 2 }, businessHours: { ...base.businessHours, enabled: true } });
    // Monday 10:00 CET (09:00Z): a review from Friday 16:00 reached its 2 business hours exactly now, so it is not yet overdue…
    expect(overdueCutoff('google', at('2026-01-19T09:00:00Z'), open)).toBe(friday);
    // …and a second later it is.
    expect(overdueJudge(at('2026-01-19T09:00:01Z'), open)({ source: 'google', createdAt: new Date(friday).toISOString(), status: 'unanswered' })).toBe(true);
    // Over the weekend nothing new becomes overdue: the cutoff stays at Friday 15:00 CET.
    expect(overdueCutoff('google', at('2026-01-17T12:00:00Z'), open)).toBe(at('2026-01-16T14:00:00Z') + 1);
  });

  it('never calls answered, done or deleted reviews overdue, and gives up on targets that never end', () => {
    const base = defaultSettings();
    const judge = overdueJudge(at('2030-01-01T00:00:00Z'), replyPolicy(base));
    for (const status of ['answered', 'done', 'deleted'] as const) expect(judge({ source: 'google', createdAt: '2020-01-01T00:00:00Z', status })).toBe(false);
    const closed = replyPolicy({ ...base, businessHours: { ...base.businessHours, enabled: true, days: [null, null, null, null, null, null, { open: '09:00', close: '09:01' }] } });
    expect(overdueCutoff('google', at('2026-06-01T00:00:00Z'), closed)).toBeLessThan(at('2026-01-01T00:00:00Z'));
  });
});
