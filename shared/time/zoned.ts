/**
 * Wall-clock time in an IANA time zone with the platform's Intl (no library):
 * the offset of a zone at an instant, and the instant of a local date and time.
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
  const p = localParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant of a local date and time in the zone. A time that does not
 * exist (skipped by the spring DST change) resolves to the moment the
 * clock jumps past it (an hour later on the new clock); an ambiguous one
 * (the autumn change repeats an hour) to one of its two occurrences.
 */
export function zonedInstant(date: LocalDate, minutes: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + minutes * 60_000;
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
