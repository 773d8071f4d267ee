/**
 * Calendar days typed and shown in the UI language's own order (25-11-2026 in Dutch, 11/25/2026 in US
 * English), whatever language the browser itself runs in. Pure: Intl only, no DOM.
 */

export type DayPart = 'day' | 'month' | 'year';

export interface DayPattern {
  order: DayPart[];
  separator: string;
}

const patterns = new Map<string, DayPattern>();

/** The order of day, month and year and the separator for a locale, from Intl. */
export function dayPattern(locale: string): DayPattern {
  const known = patterns.get(locale);
  if (known) return known;
  const parts = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).formatToParts(Date.UTC(2026, 10, 25));
  const order = parts.map((p) => p.type).filter((t): t is DayPart => t === 'day' || t === 'month' || t === 'year');
  const separator = parts.find((p) => p.type === 'literal')?.value.trim() || '-';
  const pattern = order.length === 3 ? { order, separator } : { order: ['day', 'month', 'year'] as DayPart[], separator: '-' };
  patterns.set(locale, pattern);
  return pattern;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** YYYY-MM-DD as the locale writes it ("2026-11-25" → "25-11-2026"). */
export function formatDay(iso: string, locale: string): string {
  const [y = '', m = '', d = ''] = iso.split('-');
  const { order, separator } = dayPattern(locale);
  const value: Record<DayPart, string> = { day: d, month: m, year: y };
  return order.map((p) => value[p]).join(separator);
}

/** A typed day in the locale's order, any of - / . or spaces between, as YYYY-MM-DD; null when it is no real day. */
export function parseDay(text: string, locale: string): string | null {
  const numbers = text.trim().split(/[^0-9]+/).filter((s) => s !== '');
  if (numbers.length !== 3) return null;
  const { order } = dayPattern(locale);
  const value: Partial<Record<DayPart, string>> = {};
  order.forEach((part, i) => (value[part] = numbers[i]));
  const day = Number(value.day), month = Number(value.month);
  let year = Number(value.year);
  if ((value.year ?? '').length === 2) year += 2000;
  else if ((value.year ?? '').length !== 4) return null;
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The shape to type, in the UI's letters: "dd-mm-jjjj", "mm/dd/yyyy". */
export function dayPlaceholder(locale: string, letters: Record<DayPart, string>): string {
  const { order, separator } = dayPattern(locale);
  return order.map((p) => letters[p]).join(separator);
}
