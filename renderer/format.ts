/** Dates and numbers for the current UI language, through Intl only: the renderer's one formatter module. */

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

/** "2026-10" → "Oct 2026" / "okt 2026" (a month of the dashboard). */
export function formatMonth(month: string, lang: string, style: 'short' | 'long' = 'short'): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return cached(`month ${style} ${lang}`, () => new Intl.DateTimeFormat(lang, { month: style, year: 'numeric', timeZone: 'UTC' })).format(new Date(Date.UTC(y, m - 1, 1)));
}

// ----- Numbers -----

/** What a figure that is not there (no rated review, no reply yet) shows. */
const NONE = '—';

const decimals = (lang: string, digits: number, sign: 'auto' | 'exceptZero' = 'auto'): Intl.NumberFormat =>
  cached(`dec ${digits} ${sign} ${lang}`, () => new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: sign }));

/** An average rating with `digits` decimals (one in the inbox, two on the dashboard): 4.3 / 4,35; "—" for none. */
export const formatAverage = (value: number | null, lang: string, digits = 1): string => (value === null ? NONE : decimals(lang, digits).format(value));

/** A change with its sign: +0.12 / −0,05 (`digits` decimals). */
export const formatChange = (value: number, lang: string, digits = 2): string => decimals(lang, digits, 'exceptZero').format(value);

/** A whole count with the language's grouping: 12,345 / 12.345. */
export const formatCount = (value: number, lang: string): string => cached(`count ${lang}`, () => new Intl.NumberFormat(lang)).format(value);

/** A number with at most `digits` decimals (sizes, amounts): 3.5 / 3,5. */
export const formatNumber = (value: number, lang: string, digits: number): string =>
  cached(`num ${digits} ${lang}`, () => new Intl.NumberFormat(lang, { maximumFractionDigits: digits })).format(value);

/** A share 0–1 as a percentage: 59%; "—" for none. */
export const formatShare = (value: number | null, lang: string): string =>
  value === null ? NONE : cached(`pct ${lang}`, () => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 })).format(value);

type TimeUnit = 'minute' | 'hour' | 'day';
const unitFormat = (lang: string, unit: TimeUnit, display: 'short' | 'narrow', digits: number): Intl.NumberFormat =>
  cached(`unit ${unit} ${display} ${digits} ${lang}`, () => new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: display, maximumFractionDigits: digits }));

/** Hours as "45 min", "12 h" or "3.5 days", with Intl's unit names; "—" for none. */
export function formatHours(hours: number | null, lang: string): string {
  if (hours === null) return NONE;
  if (hours < 1) return unitFormat(lang, 'minute', 'short', 0).format(Math.round(hours * 60));
  if (hours < 48) return unitFormat(lang, 'hour', 'short', hours < 10 ? 1 : 0).format(hours);
  return unitFormat(lang, 'day', 'short', 1).format(hours / 24);
}

/** An axis tick in hours, short as each language writes it: "12h" / "12 u". */
export const formatAxisHours = (hours: number, lang: string): string => unitFormat(lang, 'hour', 'narrow', 1).format(hours);
