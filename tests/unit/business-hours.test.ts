import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/domain/settings';
import { dueAt, isOverdue, replyPolicy } from '../../shared/reviews/reply-targets';
import { BusinessCalendar, type BusinessHours } from '../../shared/time/business-hours';
import { offsetAt, zonedInstant } from '../../shared/time/zoned';

const at = (iso: string) => Date.parse(iso);
const H = 3_600_000;
const nineToFive = (timeZone: string): BusinessHours => ({ ...defaultSettings().businessHours, enabled: true, timeZone });

describe('time zones', () => {
  it('knows Amsterdam winter and summer offsets and converts local times both ways', () => {
    expect(offsetAt(at('2026-01-15T12:00:00Z'), 'Europe/Amsterdam')).toBe(1 * H);
    expect(offsetAt(at('2026-07-15T12:00:00Z'), 'Europe/Amsterdam')).toBe(2 * H);
    expect(zonedInstant({ year: 2026, month: 3, day: 30 }, 9 * 60, 'Europe/Amsterdam')).toBe(at('2026-03-30T07:00:00Z'));
    expect(zonedInstant({ year: 2026, month: 3, day: 27 }, 9 * 60, 'Europe/Amsterdam')).toBe(at('2026-03-27T08:00:00Z'));
    expect(zonedInstant({ year: 2026, month: 1, day: 5 }, 9 * 60, 'America/New_York')).toBe(at('2026-01-05T14:00:00Z'));
    // 02:30 does not exist on 29 March 2026 in Amsterdam: the clock jumps to 03:00.
    expect(zonedInstant({ year: 2026, month: 3, day: 29 }, 150, 'Europe/Amsterdam')).toBe(at('2026-03-29T01:30:00Z'));
  });
});

describe('business hours', () => {
  const ams = new BusinessCalendar(nineToFive('Europe/Amsterdam'));

  it('skips evenings and weekends', () => {
    // Friday 16:00 Amsterdam (CET) + 2 business hours = Monday 10:00.
    expect(ams.addHours(at('2026-01-16T15:00:00Z'), 2)).toBe(at('2026-01-19T09:00:00Z'));
    // Saturday counts nothing: it starts Monday 09:00.
    expect(ams.addHours(at('2026-01-17T12:00:00Z'), 1)).toBe(at('2026-01-19T09:00:00Z'));
    // 24 business hours = three working days.
    expect(ams.addHours(at('2026-01-19T08:00:00Z'), 24)).toBe(at('2026-01-21T16:00:00Z'));
    expect(ams.between(at('2026-01-16T15:00:00Z'), at('2026-01-19T09:00:00Z'))).toBe(2 * H);
    expect(ams.between(at('2026-01-17T00:00:00Z'), at('2026-01-18T23:00:00Z'))).toBe(0);
  });

  it('follows the spring and autumn DST changes (last Sunday of March and October)', () => {
    // Friday 27 March 16:00 CET (15:00Z) + 2 h → Monday 30 March 10:00 CEST = 08:00Z.
    expect(ams.addHours(at('2026-03-27T15:00:00Z'), 2)).toBe(at('2026-03-30T08:00:00Z'));
    // Friday 23 October 16:00 CEST (14:00Z) + 2 h → Monday 26 October 10:00 CET = 09:00Z.
    expect(ams.addHours(at('2026-10-23T14:00:00Z'), 2)).toBe(at('2026-10-26T09:00:00Z'));
    // A week around each change still holds exactly 5 × 8 business hours.
    expect(ams.between(at('2026-03-23T00:00:00Z'), at('2026-03-30T00:00:00Z'))).toBe(40 * H);
    expect(ams.between(at('2026-10-19T00:00:00Z'), at('2026-10-26T00:00:00Z'))).toBe(40 * H);
  });

  it('counts in the business time zone, not the machine one', () => {
    const ny = new BusinessCalendar(nineToFive('America/New_York'));
    // Monday 08:00Z is 03:00 in New York: the count starts at 09:00 EST = 14:00Z.
    expect(ny.addHours(at('2026-01-19T08:00:00Z'), 1)).toBe(at('2026-01-19T15:00:00Z'));
    const tokyo = new BusinessCalendar(nineToFive('Asia/Tokyo'));
    // Friday 23:00Z is Saturday 08:00 in Tokyo: Monday 09:00 JST = Monday 00:00Z.
    expect(tokyo.addHours(at('2026-01-16T23:00:00Z'), 0.5)).toBe(at('2026-01-19T00:30:00Z'));
  });

  it('counts plain hours when off or when no day is open', () => {
    const off = new BusinessCalendar(defaultSettings().businessHours);
    expect(off.active).toBe(false);
    expect(off.addHours(at('2026-01-17T12:00:00Z'), 24)).toBe(at('2026-01-18T12:00:00Z'));
    const closed = new BusinessCalendar({ ...nineToFive('Europe/Amsterdam'), days: [null, null, null, null, null, null, null] });
    expect(closed.addHours(at('2026-01-17T12:00:00Z'), 1)).toBe(at('2026-01-17T13:00:00Z'));
  });
});

describe('overdue with settings', () => {
  it('uses the targets per source and business hours from Settings', () => {
    const settings = { ...defaultSettings(), replyTargetHours: { google: 8, play: 48, import: 16 }, businessHours: nineToFive('Europe/Amsterdam') };
    const { targets, hours } = replyPolicy(settings);
    const friday = { source: 'google', createdAt: '2026-01-16T15:00:00.000Z', status: 'unanswered' as const };
    // 8 business hours from Friday 16:00: 1 h on Friday, 7 h on Monday → Monday 16:00 CET.
    expect(dueAt(friday, targets, hours)).toBe(at('2026-01-19T15:00:00Z'));
    expect(isOverdue(friday, at('2026-01-19T14:59:00Z'), targets, hours)).toBe(false);
    expect(isOverdue(friday, at('2026-01-19T15:01:00Z'), targets, hours)).toBe(true);
    expect(isOverdue(friday, at('2026-01-19T15:01:00Z'), targets)).toBe(true);
    // A source without a target of its own uses the import target.
    expect(dueAt({ ...friday, source: 'trustpilot' }, targets)).toBe(at('2026-01-17T07:00:00Z'));
    expect(dueAt(friday, undefined, settings.businessHours)).toBe(at('2026-01-21T15:00:00Z'));
  });
});
