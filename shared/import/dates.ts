/**
 * Dates as review exports write them: ISO 8601 ("2025-03-14", "2025-03-14T09:30:00Z",
 * "2025-03-14 09:30:00"), numeric day-first or month-first ("14-03-2025", "03/14/2025 9:30 PM",
 * "14.03.2025"), with month names in Dutch or English ("14 maart 2025", "March 14, 2025",
 * "14 Mar 2025"), and Unix seconds. A date without a zone is read as UTC.
 */
const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, januari: 1, january: 1, feb: 2, februari: 2, february: 2, mrt: 3, maa: 3, maart: 3, mar: 3, march: 3,
  apr: 4, april: 4, mei: 5, may: 5, jun: 6, juni: 6, june: 6, jul: 7, juli: 7, july: 7, aug: 8, augustus: 8, august: 8,
  sep: 9, sept: 9, september: 9, okt: 10, oktober: 10, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

/** `dateOnly`: the file gave a day without a time (shown as a day, not a moment). */
export type DateResult = { ok: true; iso: string; dateOnly: boolean } | { ok: false; message: string };

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function build(y: number, mo: number, d: number, time: string | undefined, raw: string): DateResult {
  if (y < 100) y += 2000;
  let h = 0, mi = 0, s = 0;
  if (time) {
    const t = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?$/i.exec(time.trim());
    if (!t) return { ok: false, message: `the time "${time.trim()}" is not a time Kalm reads (use e.g. 14:30)` };
    h = Number(t[1]); mi = Number(t[2]); s = Number(t[3] ?? 0);
    const ampm = t[4]?.toLowerCase().replace(/\./g, '');
    if (ampm === 'pm' && h < 12) h += 12;
    if (ampm === 'am' && h === 12) h = 0;
  }
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  if (mo < 1 || mo > 12 || back.getUTCDate() !== d || back.getUTCMonth() !== mo - 1 || h > 23 || mi > 59 || s > 59) {
    return { ok: false, message: `"${raw.slice(0, 40)}" is not a real date (${pad(d)}-${pad(mo)}-${y} does not exist)` };
  }
  if (y < 1990 || y > 2100) return { ok: false, message: `the year ${y} is not plausible for a review` };
  return { ok: true, iso: back.toISOString(), dateOnly: time === undefined || time.trim() === '' };
}

/** Which of day/month comes first in "03/04/2025"-style dates, judged from a sample: 'dmy' when a first part is over 12. */
export function guessDateOrder(samples: readonly string[], fallback: 'dmy' | 'mdy'): 'dmy' | 'mdy' {
  for (const raw of samples) {
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}/.exec(raw.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) return 'dmy';
    if (Number(m[2]) > 12) return 'mdy';
  }
  return fallback;
}

export function parseReviewDate(raw: string, order: 'dmy' | 'mdy'): DateResult {
  const v = raw.trim();
  if (v === '') return { ok: false, message: 'the date is empty' };
  if (/^\d{9,10}$/.test(v)) return { ok: true, iso: new Date(Number(v) * 1000).toISOString(), dateOnly: false };
  const zoned = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$/i.exec(v);
  if (zoned) {
    // Checked as written (Date.parse would roll 2026-02-30 over into March), then read with its offset
    // ("-0500" and "+0000" without a colon, as Tripadvisor and Facebook write them, too).
    const local = build(Number(zoned[1]), Number(zoned[2]), Number(zoned[3]), `${zoned[4]}:${zoned[5]}:${zoned[6] ?? '00'}`, v);
    if (!local.ok) return local;
    const ms = Date.parse(v.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    if (!Number.isNaN(ms)) return { ok: true, iso: new Date(ms).toISOString(), dateOnly: false };
  }
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](.+))?$/.exec(v);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), m[4]?.replace(/(\.\d+)?Z?$/i, ''), v);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T,]+(.+))?$/.exec(v);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    return order === 'dmy' ? build(Number(m[3]), b, a, m[4], v) : build(Number(m[3]), a, b, m[4], v);
  }
  // "14 maart 2025", "14 Mar 2025 10:00", "March 14, 2025", "maandag 14 maart 2025"
  const words = v.toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ').split(' ');
  const monthAt = words.findIndex((w) => MONTHS[w.replace(/\.$/, '')] !== undefined);
  if (monthAt >= 0) {
    const month = MONTHS[(words[monthAt] ?? '').replace(/\.$/, '')] ?? 0;
    const before = words[monthAt - 1], after = words[monthAt + 1];
    const dayFirst = before !== undefined && /^\d{1,2}$/.test(before);
    const day = Number(dayFirst ? before : after);
    const yearAt = dayFirst ? monthAt + 1 : monthAt + 2;
    const year = Number(words[yearAt]);
    const time = words.slice(yearAt + 1).join(' ') || undefined;
    if (Number.isInteger(day) && Number.isInteger(year) && year > 1900) return build(year, month, day, time, v);
  }
  return { ok: false, message: `"${v.slice(0, 40)}" is not a date Kalm reads (use e.g. 2025-03-14 or 14-03-2025)` };
}
