import type { Settings } from '../domain/settings';
import { offsetAt, weekday, zonedInstant, type LocalDate } from './zoned';

export type BusinessHours = Settings['businessHours'];

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** How far ahead a target may reach before we give up (a target of 1440 business hours at one open hour a week). */
const MAX_DAYS = 366 * 30;

const minutesOf = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/**
 * Counts time in business hours: the opening hours of each weekday in the
 * business's time zone, with DST changes and weekends as the zone has them.
 * Day windows are cached, so counting for 100,000 reviews stays cheap.
 */
export class BusinessCalendar {
  /** Per local day (days since 1970-01-01 on the zone's calendar): its opening window as instants, or null. */
  private readonly windows = new Map<number, readonly [number, number] | null>();
  private readonly open: boolean;

  constructor(readonly hours: BusinessHours) {
    this.open = hours.enabled && hours.days.some((d) => d !== null && minutesOf(d.close) > minutesOf(d.open));
  }

  /** Does time count only in business hours (enabled, with at least one open day)? */
  get active(): boolean {
    return this.open;
  }

  /** The opening window [start, end) of a local date as instants; null when closed. */
  window(date: LocalDate): readonly [number, number] | null {
    return this.windowOfDay(Math.floor(Date.UTC(date.year, date.month - 1, date.day) / DAY_MS));
  }

  /** The window of a local day number (cached: counting for 100,000 reviews looks up the same few hundred days). */
  private windowOfDay(dayNumber: number): readonly [number, number] | null {
    let w = this.windows.get(dayNumber);
    if (w === undefined) {
      const utc = new Date(dayNumber * DAY_MS);
      const date = { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() };
      const day = this.hours.days[weekday(date)] ?? null;
      const from = day ? minutesOf(day.open) : 0, to = day ? minutesOf(day.close) : 0;
      if (!day || to <= from) w = null;
      else {
        const start = zonedInstant(date, from, this.hours.timeZone), end = zonedInstant(date, to, this.hours.timeZone);
        w = end > start ? [start, end] : null;
      }
      if (this.windows.size > 50_000) this.windows.clear();
      this.windows.set(dayNumber, w);
    }
    return w;
  }

  /** The zone's offset at the start and end of each UTC day; equal = no change that day (two Intl calls per day, not per review). */
  private readonly dayOffsets = new Map<number, readonly [number, number]>();

  private offsetOf(ms: number): number {
    const day = Math.floor(ms / DAY_MS);
    let pair = this.dayOffsets.get(day);
    if (pair === undefined) {
      if (this.dayOffsets.size > 50_000) this.dayOffsets.clear();
      pair = [offsetAt(day * DAY_MS, this.hours.timeZone), offsetAt((day + 1) * DAY_MS - 1000, this.hours.timeZone)];
      this.dayOffsets.set(day, pair);
    }
    return pair[0] === pair[1] ? pair[0] : offsetAt(ms, this.hours.timeZone);
  }

  /** The local day number (days since 1970-01-01 on the zone's calendar) of an instant. */
  private dayOf(ms: number): number {
    return Math.floor((ms + this.offsetOf(ms)) / DAY_MS);
  }

  /** The instant `hours` business hours after `start` (plain hours when business hours are off). */
  addHours(start: number, hours: number): number {
    if (!this.open) return start + hours * HOUR_MS;
    let left = hours * HOUR_MS;
    const first = this.dayOf(start);
    for (let day = first; day < first + MAX_DAYS; day++) {
      const w = this.windowOfDay(day);
      if (!w) continue;
      const from = Math.max(w[0], start);
      if (from >= w[1]) continue;
      if (left <= w[1] - from) return from + left;
      left -= w[1] - from;
    }
    return Infinity;
  }

  /** Business milliseconds between two instants (0 when `to` is not after `from`). */
  between(from: number, to: number): number {
    if (to <= from) return 0;
    if (!this.open) return to - from;
    let total = 0;
    const first = this.dayOf(from);
    for (let day = first; day < first + MAX_DAYS; day++) {
      // A local date starts at most 14 h before its UTC midnight: one past `to` by two days ends the count.
      if (day * DAY_MS - 2 * DAY_MS > to) break;
      const w = this.windowOfDay(day);
      if (w) total += Math.max(0, Math.min(w[1], to) - Math.max(w[0], from));
    }
    return total;
  }
}

/** A calendar per settings value, reused while the settings stay the same object. */
const calendars = new WeakMap<BusinessHours, BusinessCalendar>();
export function businessCalendar(hours: BusinessHours): BusinessCalendar {
  let c = calendars.get(hours);
  if (!c) calendars.set(hours, (c = new BusinessCalendar(hours)));
  return c;
}
