/** The dashboard's period picker, turned into the contract's bounds in the owner's own calendar. */

export type PeriodKind = '30d' | '90d' | '12m' | 'all' | 'custom';
export const PERIOD_KINDS: readonly PeriodKind[] = ['30d', '90d', '12m', 'all', 'custom'];

export interface PeriodChoice {
  kind: PeriodKind;
  /** With 'custom': local calendar dates, YYYY-MM-DD; `to` is included. */
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

/** A local calendar date "2026-03-14" → that day's local midnight; null when it is not a date. */
export function localDay(date: string, plusDays = 0): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [y, mo, day] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const check = new Date(y, mo, day);
  if (check.getFullYear() !== y || check.getMonth() !== mo || check.getDate() !== day) return null;
  return new Date(y, mo, day + plusDays);
}

/** YYYY-MM-DD of a local date. */
export const isoDay = (d: Date): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/**
 * The bounds for a choice at `now`: presets run up to now (no `to`, so the
 * core's clock closes them); a custom range covers whole local days. Null when
 * a custom range is incomplete or backwards.
 */
export function periodBounds(c: PeriodChoice, now: number): { from?: string; to?: string } | null {
  switch (c.kind) {
    case 'all':
      return {};
    case '30d':
      return { from: new Date(now - 30 * DAY_MS).toISOString() };
    case '90d':
      return { from: new Date(now - 90 * DAY_MS).toISOString() };
    case '12m': {
      const d = new Date(now);
      d.setFullYear(d.getFullYear() - 1);
      return { from: d.toISOString() };
    }
    case 'custom': {
      const from = localDay(c.from), to = localDay(c.to, 1);
      if (from === null || to === null || from.getTime() >= to.getTime()) return null;
      return { from: from.toISOString(), to: to.toISOString() };
    }
  }
}

/** The owner's time zone, for monthly buckets. */
export const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** A calendar month "2026-10" → its first local day and the first of the next month, as bounds. */
export function monthBounds(month: string): { from: string; to: string } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return null;
  const y = Number(m[1]), mo = Number(m[2]) - 1;
  if (mo < 0 || mo > 11) return null;
  return { from: new Date(y, mo, 1).toISOString(), to: new Date(y, mo + 1, 1).toISOString() };
}
