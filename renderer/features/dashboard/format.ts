/** Numbers for the dashboard in the UI language, through Intl only. */

/** An average rating with 2 decimals: 4.35 / 4,35. */
export const fmtAverage = (v: number | null, locale: string): string =>
  v === null ? '—' : new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);

/** A change with its sign: +0.12 / −0,05. */
export const fmtChange = (v: number, locale: string, digits = 2): string =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(v);

/** A share 0–1 as a percentage: 59%. */
export const fmtShare = (v: number | null, locale: string): string =>
  v === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(v);

export const fmtCount = (v: number, locale: string): string => new Intl.NumberFormat(locale).format(v);

/** Hours as "45 min", "12 h" or "3.5 days", with Intl's unit names. */
export function fmtHours(h: number | null, locale: string): string {
  if (h === null) return '—';
  const unit = (value: number, u: 'minute' | 'hour' | 'day', digits: number) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: digits }).format(value);
  if (h < 1) return unit(Math.round(h * 60), 'minute', 0);
  if (h < 48) return unit(h, 'hour', h < 10 ? 1 : 0);
  return unit(h / 24, 'day', 1);
}

/** An axis tick in hours, short as each language writes it: "12h" / "12 u". */
export const fmtAxisHours = (h: number, locale: string): string =>
  new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'narrow', maximumFractionDigits: 1 }).format(h);

/** "2026-10" → "Oct 2026" / "okt 2026". */
export function fmtMonth(month: string, locale: string, style: 'short' | 'long' = 'short'): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(locale, { month: style, year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** Where an average sits against the 4.2–4.6 band that converts best (WEBCARE.md). */
export type Band = 'below' | 'trusted' | 'perfect' | 'none';
export const TRUSTED_BAND = { low: 4.2, high: 4.6 } as const;
export const bandOf = (average: number | null): Band =>
  average === null ? 'none' : average < TRUSTED_BAND.low ? 'below' : average <= TRUSTED_BAND.high ? 'trusted' : 'perfect';
