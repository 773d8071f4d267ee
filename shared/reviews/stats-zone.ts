/**
 * Calendar arithmetic in an IANA time zone ("Europe/Amsterdam"), with Intl
 * only, so the dashboard's months and days are the owner's, DST included.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatter = (zone: string): Intl.DateTimeFormat => {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
};

/** True for a time zone name this runtime knows ("UTC", "Europe/Amsterdam"). */
export function isTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at instant `ms`, in ms (Amsterdam in summer: +2 h). */
export function zoneOffsetMs(zone: string, ms: number): number {
  if (zone === 'UTC') return 0;
  const p: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const local = Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return local - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The instant at which the zone's wall clock reads year-month-day hour:00
 * (month 1–12; day and month may overflow as in Date.UTC). A wall time skipped
 * by a DST change resolves to the instant after the gap.
 */
export function zonedInstant(zone: string, year: number, month: number, day = 1, hour = 0): number {
  const wall = Date.UTC(year, month - 1, day, hour);
  if (zone === 'UTC') return wall;
  const first = wall - zoneOffsetMs(zone, wall);
  const second = wall - zoneOffsetMs(zone, first);
  // In a spring-forward gap the two guesses disagree; the later one is after the gap.
  return Math.max(first, second);
}

/** Months as year * 12 + month index (0–11). */
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
 * Which calendar month of `zone` an instant falls in, as year * 12 + month
 * index. Month starts are computed once per month, so this stays fast for
 * 100,000 reviews.
 */
export function monthBucketer(zone: string): (ms: number, iso?: string) => number {
  const starts = new Map<number, number>();
  const startOf = (m: number): number => {
    let s = starts.get(m);
    if (s === undefined) starts.set(m, (s = zonedInstant(zone, Math.floor(m / 12), (m % 12) + 1, 1)));
    return s;
  };
  return (ms, iso) => {
    const utc = utcMonth(ms, iso);
    if (zone === 'UTC') return utc;
    // Offsets are under 15 hours, so the local month is the UTC one or a neighbour.
    if (ms < startOf(utc)) return utc - 1;
    if (ms >= startOf(utc + 1)) return utc + 1;
    return utc;
  };
}

/** "2026-03-14" (a calendar date) → the instant that day starts in `zone`; null when it is not a real date. */
export function dayStart(zone: string, date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return zonedInstant(zone, y, mo, d);
}


/**
 * A period bound typed by a person: a calendar date ("2026-03-14": the start
 * of that day in `zone`, or with `endOfDay` the start of the next day, so a
 * "to" date is included) or a full ISO timestamp with its offset. Null when it is neither.
 */
export function periodBound(text: string, zone: string, endOfDay = false): string | null {
  const day = dayStart(zone, text);
  if (day !== null) {
    const [y, m, d] = text.split('-').map(Number) as [number, number, number];
    return new Date(endOfDay ? zonedInstant(zone, y, m, d + 1) : day).toISOString();
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) && !Number.isNaN(Date.parse(text))) return new Date(Date.parse(text)).toISOString();
  return null;
}
