/** Dates and numbers for the current UI language, through Intl only. */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

/** Intl formatters are costly to create (a fraction of a millisecond each): one per locale and options, reused. */
const formatters = new Map<string, Intl.RelativeTimeFormat | Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<F extends Intl.RelativeTimeFormat | Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
  let f = formatters.get(key) as F | undefined;
  if (f === undefined) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}
const relativeFormat = (lang: string, numeric: 'auto' | 'always'): Intl.RelativeTimeFormat =>
  cached(`rel ${numeric} ${lang}`, () => new Intl.RelativeTimeFormat(lang, { numeric }));

const steps: ReadonlyArray<readonly [number, Intl.RelativeTimeFormatUnit]> = [
  [YEAR, 'year'],
  [MONTH, 'month'],
  [WEEK, 'week'],
  [DAY, 'day'],
  [HOUR, 'hour'],
  [MINUTE, 'minute'],
];

/**
 * "3 days ago" / "3 dagen geleden"; "yesterday" / "gisteren" for one day.
 * Longer units stay numeric ("1 year ago", not the calendar-ish "last year").
 */
export function formatRelative(iso: string, now: number, lang: string): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const diff = then - now;
  const abs = Math.abs(diff);
  for (const [size, unit] of steps) {
    if (abs >= size) {
      return relativeFormat(lang, unit === 'day' ? 'auto' : 'always').format(Math.trunc(diff / size), unit);
    }
  }
  return relativeFormat(lang, 'auto').format(0, 'second');
}

/** "12 March 2026 at 09:30" / "12 maart 2026 om 09:30". */
export function formatFullDate(iso: string, lang: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return cached(`full ${lang}`, () => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' })).format(date);
}

/**
 * A day without a time ("12 March 2026" / "12 maart 2026"): an import that gave only a date. Stored as
 * midnight UTC, so it is shown in UTC (never the evening before, west of Greenwich).
 */
export function formatDay(iso: string, lang: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return cached(`day ${lang}`, () => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' })).format(date);
}

/** A review's own date: the day only when the source gave no time (`origin.dateOnly`), else day and time. */
export const formatReviewDate = (review: { createdAt: string; origin?: { dateOnly?: boolean | undefined } | null | undefined }, lang: string): string =>
  review.origin?.dateOnly === true ? formatDay(review.createdAt, lang) : formatFullDate(review.createdAt, lang);

/** "today", "3 days ago" for a review with a day only (never "5 hours ago" for a date without a time). */
export function formatRelativeDay(iso: string, now: number, lang: string): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const today = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate());
  const days = Math.round((then - today) / DAY);
  if (Math.abs(days) < 7) return relativeFormat(lang, 'auto').format(days, 'day');
  return formatRelative(iso, now, lang);
}

/** An average rating with one decimal: 4.3 / 4,3. */
export const formatAverage = (value: number, lang: string): string =>
  cached(`avg ${lang}`, () => new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 })).format(value);

export const formatCount = (value: number, lang: string): string => cached(`count ${lang}`, () => new Intl.NumberFormat(lang)).format(value);
