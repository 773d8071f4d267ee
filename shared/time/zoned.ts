/**
 * Wall-clock time in an IANA time zone ("Europe/Amsterdam") with the platform's Intl (no library): the
 * offset of a zone at an instant, the instant of a local date and time, and the owner's calendar months
 * and days (DST included). One argument order throughout: the instant or date first, the zone last.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Is this an IANA time zone the platform knows? */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export interface LocalDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

/** The local calendar date and time of an instant in the zone. */
export function localParts(ms: number, timeZone: string): LocalDate & { hour: number; minute: number; second: number } {
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of formatter(timeZone).formatToParts(ms)) {
    if (p.type in out) out[p.type as keyof typeof out] = Number(p.value);
  }
  return out;
}

/** Milliseconds the zone is ahead of UTC at this instant (Amsterdam: 1 h in winter, 2 h in summer). */
export function offsetAt(ms: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  const p = localParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant of a local date and time in the zone. A time that does not
 * exist (skipped by the spring DST change) resolves to the moment the
 * clock jumps past it (an hour later on the new clock); an ambiguous one
 * (the autumn change repeats an hour) to one of its two occurrences. Day and month may overflow
 * as in Date.UTC (day 32 of January is 1 February).
 */
export function zonedInstant(date: LocalDate, minutes: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + minutes * 60_000;
  if (timeZone === 'UTC') return wall;
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  if (first === second) return first;
  // Around a change the two guesses differ: take the earliest candidate that reads back as this wall time.
  const earlier = Math.min(first, second), later = Math.max(first, second);
  if (earlier + offsetAt(earlier, timeZone) === wall) return earlier;
  if (later + offsetAt(later, timeZone) === wall) return later;
  return wall - offsetAt(wall - 86_400_000, timeZone);
}

/** The local date `n` days after `date` (calendar arithmetic, no zone). */
export function addDays(date: LocalDate, n: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + n));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (date: LocalDate): number => new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();

/** Months as year * 12 + month index (0–11): "2026-03". */
export const monthLabel = (m: number): string => `${String(Math.floor(m / 12)).padStart(4, '0')}-${String((m % 12) + 1).padStart(2, '0')}`;

/** Year * 12 + month index in UTC; read off the text when it is already in UTC ("2026-03-01T…Z"), no Date needed. */
function utcMonth(ms: number, iso: string | undefined): number {
  if (iso !== undefined && iso.length >= 20 && iso.charCodeAt(iso.length - 1) === 90 /* Z */ && iso.charCodeAt(4) === 45 && iso.charCodeAt(7) === 45) {
    const year = Number(iso.slice(0, 4)), month = Number(iso.slice(5, 7));
    if (Number.isInteger(year) && month >= 1 && month <= 12) return year * 12 + month - 1;
  }
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/**
 * Which calendar month of the zone an instant falls in, as year * 12 + month index. Month starts are
 * computed once per month, so this stays fast for 100,000 reviews.
 */
export function monthBucketer(timeZone: string): (ms: number, iso?: string) => number {
  const starts = new Map<number, number>();
  const startOf = (m: number): number => {
    let s = starts.get(m);
    if (s === undefined) starts.set(m, (s = zonedInstant({ year: Math.floor(m / 12), month: (m % 12) + 1, day: 1 }, 0, timeZone)));
    return s;
  };
  return (ms, iso) => {
    const utc = utcMonth(ms, iso);
    if (timeZone === 'UTC') return utc;
    // Offsets are under 15 hours, so the local month is the UTC one or a neighbour.
    if (ms < startOf(utc)) return utc - 1;
    if (ms >= startOf(utc + 1)) return utc + 1;
    return utc;
  };
}

/** "2026-03-14" as a local date; null when it is not a real calendar date. */
function calendarDate(text: string): LocalDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
  if (check.getUTCFullYear() !== date.year || check.getUTCMonth() !== date.month - 1 || check.getUTCDate() !== date.day) return null;
  return date;
}

/** "2026-03-14" (a calendar date) → the instant that day starts in the zone; null when it is not a real date. */
export function dayStart(text: string, timeZone: string): number | null {
  const date = calendarDate(text);
  return date === null ? null : zonedInstant(date, 0, timeZone);
}

/**
 * A period bound typed by a person: a calendar date ("2026-03-14": the start of that day in the zone, or
 * with `endOfDay` the start of the next day, so a "to" date is included) or a full ISO timestamp with its
 * offset. Null when it is neither.
 */
export function periodBound(text: string, timeZone: string, endOfDay = false): string | null {
  const date = calendarDate(text);
  if (date !== null) return new Date(zonedInstant(endOfDay ? addDays(date, 1) : date, 0, timeZone)).toISOString();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) && !Number.isNaN(Date.parse(text))) return new Date(Date.parse(text)).toISOString();
  return null;
}
