/**
 * Google's timestamps: RFC 3339, UTC `Z`, with 0, 3, 6 or 9 fractional digits. Compared as strings they
 * sort wrongly ("…10Z" > "…10.5Z"), so comparisons go through `timeKey`, which keeps every digit.
 */

const RFC3339 = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * A canonical, full-precision form that sorts as time does: `YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ` (UTC, 9 digits).
 * It is itself a valid RFC 3339 time. Throws on anything else.
 */
export function timeKey(time: string): string {
  const m = RFC3339.exec(time);
  if (!m) throw new Error(`Not an RFC 3339 time: ${time.slice(0, 40)}`);
  const [, date, clock, fraction = '', zone = 'Z'] = m;
  const nanos = fraction.padEnd(9, '0');
  if (zone === 'Z' || zone === 'z') return `${date}T${clock}.${nanos}Z`;
  const utc = new Date(`${date}T${clock}${zone}`);
  if (Number.isNaN(utc.getTime())) throw new Error(`Not an RFC 3339 time: ${time.slice(0, 40)}`);
  return `${utc.toISOString().slice(0, 19)}.${nanos}Z`;
}

/** -1, 0 or 1 as `a` is before, at or after `b` (full precision). */
export const compareTimes = (a: string, b: string): number => {
  const ka = timeKey(a), kb = timeKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

/** The later of two times (either may be null). */
export const laterTime = (a: string | null, b: string | null): string | null =>
  a === null ? b : b === null ? a : compareTimes(a, b) >= 0 ? a : b;

/** The store's form: ISO 8601 UTC with milliseconds (`2026-11-09T16:47:10.734Z`); finer digits are cut, not rounded. */
export function toIso(time: string): string {
  const key = timeKey(time);
  return `${key.slice(0, 23)}Z`;
}

/** A high-water mark meaning "listed completely, nothing in it": earlier than any review. */
export const EMPTY_HIGH_WATER = '1970-01-01T00:00:00.000000000Z';

/** `time` moved by whole seconds (negative: earlier), as a `timeKey`. */
export function shiftSeconds(time: string, seconds: number): string {
  const key = timeKey(time);
  const moved = new Date(Date.parse(`${key.slice(0, 19)}Z`) + seconds * 1000);
  return `${moved.toISOString().slice(0, 19)}${key.slice(19)}`;
}
