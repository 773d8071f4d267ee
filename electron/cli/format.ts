import type { Location } from '../../shared/domain/location';
import type { Review } from '../../shared/domain/review';
import type { StoreProblem } from '../../shared/domain/store-problem';
import type { StatsFigures, StatsSummary } from '../../shared/reviews/stats-schema';
import type { QuarantinedFile } from '../core/store/quarantine';

/** The rest of a row's figures, after the original fields (kept first and unchanged for scripts). */
const moreFigures = (f: StatsFigures) => ({
  rated: f.rated,
  responseRate: f.responseRate,
  medianReplyHours: f.medianReplyHours,
  withinTarget: f.withinTarget,
  overdue: f.overdue,
  distribution: f.distribution,
});

/** The stable `kalm stats --json` shape: the original fields first, the dashboard's figures after them. */
export const statsJson = (s: StatsSummary) => ({
  overall: { average: s.overall.average, count: s.overall.count, unanswered: s.overall.unanswered, ...moreFigures(s.overall), previousAverage: s.previous?.average ?? null },
  locations: s.locations.map((l) => ({
    locationId: l.locationId, locationName: l.locationName, average: l.average, count: l.count, unanswered: l.unanswered,
    source: l.source, ...moreFigures(l), previousAverage: l.previousAverage,
  })),
  sources: s.sources.map((r) => ({ source: r.source, sourceName: r.sourceName, average: r.average, count: r.count, unanswered: r.unanswered, ...moreFigures(r), targetHours: r.targetHours, previousAverage: r.previousAverage })),
  period: s.period,
  previous: s.previous,
  targetHours: s.targetHours,
  businessHours: s.businessHours,
  trend: s.trend,
  topics: s.topics,
});

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();
// eslint-disable-next-line no-control-regex -- stripping terminal control characters from untrusted review text is the point
const stripControl = (s: string): string => s.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
const cut = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const pad = (s: string, n: number): string => cut(s, n).padEnd(n);

export const stars = (rating: number | null): string => (rating === null ? '—    ' : '★'.repeat(rating) + '☆'.repeat(5 - rating));

/**
 * The review's words for one table line: a title set apart from the text ("Title — text"); imports store the
 * title as the text's first paragraph, which a flattened line would otherwise run into the text.
 */
export function titled(r: Pick<Review, 'origin' | 'text'>): string {
  const text = r.text ?? '';
  const title = r.origin?.title?.trim() ?? '';
  if (title === '') return text;
  const rest = text.startsWith(title) ? text.slice(title.length).replace(/^\s+/, '') : text;
  return rest === '' ? title : `${title} — ${rest}`;
}

/** A readable table; review text is untrusted, so control characters are stripped before it reaches the terminal. */
export function reviewsTable(reviews: Review[], locations: Location[], width = 120): string {
  if (reviews.length === 0) return 'No reviews match.';
  const names = new Map(locations.map((l) => [l.id, l.name]));
  const textWidth = Math.max(20, width - 5 - 2 - 10 - 2 - 16 - 2 - 18 - 2);
  const header = `${pad('Stars', 5)}  ${pad('Date', 10)}  ${pad('Location', 16)}  ${pad('Author', 18)}  Text`;
  const rows = reviews.map((r) => {
    const text = r.text === null ? '(rating only)' : oneLine(stripControl(titled(r)));
    const author = r.anonymous ? 'Anonymous' : stripControl(r.author);
    return `${stars(r.rating)}  ${r.createdAt.slice(0, 10)}  ${pad(stripControl(names.get(r.locationId) ?? r.locationId), 16)}  ${pad(author, 18)}  ${cut(text, textWidth)}`;
  });
  return [header, ...rows, '', `${reviews.length} review${reviews.length === 1 ? '' : 's'}`].join('\n');
}

const fmtAverage = (a: number | null) => (a === null ? '—' : a.toFixed(2));
const fmtShare = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);
const fmtHours = (h: number | null) => (h === null ? '—' : h < 48 ? `${h.toFixed(1)} h` : `${(h / 24).toFixed(1)} d`);

export function statsTable(s: StatsSummary): string {
  const line = (name: string, f: StatsFigures) =>
    `${pad(stripControl(name), 28)}  ${fmtAverage(f.average).padStart(7)}  ${String(f.count).padStart(7)}  ${String(f.unanswered).padStart(10)}  ${fmtShare(f.responseRate).padStart(8)}  ${fmtHours(f.medianReplyHours).padStart(12)}  ${String(f.overdue).padStart(7)}`;
  const out = [
    `${pad('Location', 28)}  ${'Average'.padStart(7)}  ${'Reviews'.padStart(7)}  ${'Unanswered'.padStart(10)}  ${'Answered'.padStart(8)}  ${'Median reply'.padStart(12)}  ${'Overdue'.padStart(7)}`,
    ...s.locations.map((l) => line(l.locationName, l)),
    line('All locations', s.overall),
  ];
  if (s.period.from !== null || s.period.to !== null) out.unshift(`Reviews created from ${s.period.from ?? 'the start'} to ${s.period.to ?? 'now'}`, '');
  if (s.previous) {
    const [now, before] = [s.overall.average, s.previous.average];
    const change = now !== null && before !== null ? ` (${now - before >= 0 ? '+' : ''}${(now - before).toFixed(2)})` : '';
    out.push('', `Previous period (${s.period.previousFrom ?? ''} to ${s.period.previousTo ?? ''}): average ${fmtAverage(before)}, ${s.previous.count} reviews${change ? `; change${change}` : ''}`);
  }
  if (s.targetHours !== null) out.push(`Reply target: ${s.targetHours} h${s.businessHours ? ' in business hours' : ''}; ${fmtShare(s.overall.withinTarget)} of replies within it.`);
  return out.join('\n');
}

// ----- kalm doctor -----

export interface LockStatus {
  /** Null when kalm.lock exists but cannot be read. */
  pid: number | null;
  hostname: string | null;
  startedAt: string | null;
  /** Whether that process still runs; null when it cannot be told (another computer, unreadable lock). */
  alive: boolean | null;
}

export interface DoctorReport {
  /** True when nothing needs the user: no unusable file and nothing in quarantine/. */
  ok: boolean;
  dataDir: string;
  exists: boolean;
  reviews: number;
  locations: number;
  /** Files Kalm cannot use as they are (found now, nothing was changed). */
  problems: StoreProblem[];
  /** Files from an older Kalm, upgraded automatically at the next start. */
  upgrades: StoreProblem[];
  quarantine: QuarantinedFile[];
  leftoverTempFiles: string[];
  lock: LockStatus | null;
}

/** What the user can do about one problem. */
export function doctorFix(p: Pick<StoreProblem, 'kind' | 'file'>): string {
  switch (p.kind) {
    case 'quarantined':
      return `Open Kalm (or run any kalm command) and it moves ${p.file} aside; the other reviews keep working. If you have a good copy of this file from a backup, put it back in its place first.`;
    case 'newer-version':
      return 'Install the newest version of Kalm. The file is kept exactly as it is until then.';
    case 'unreadable':
      return `Make sure ${p.file} is a normal file that your user account may read and write; if it is a folder, move it out of the data folder.`;
    case 'write-failed':
      return 'Make sure the data folder is writable and the disk has free space, then open Kalm again.';
    case 'migrated':
      return 'Nothing to do: Kalm upgrades it at the next start and keeps the original in backups/.';
  }
}

const QUARANTINE_FIX =
  'Kalm no longer uses this file. Open it in a text editor to see what it holds; delete it once you are sure you do not need it.';

export const doctorJson = (r: DoctorReport) => ({
  ok: r.ok,
  dataDir: r.dataDir,
  reviews: r.reviews,
  locations: r.locations,
  problems: r.problems.map((p) => ({ file: p.file, kind: p.kind, reason: p.reason, movedTo: p.movedTo, fix: doctorFix(p) })),
  upgrades: r.upgrades.map((p) => ({ file: p.file, reason: p.reason })),
  quarantine: r.quarantine.map((q) => ({ ...q, fix: QUARANTINE_FIX })),
  leftoverTempFiles: r.leftoverTempFiles,
  lock: r.lock,
});

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const bytes = (n: number): string => (n < 1024 ? `${n} bytes` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} kB` : `${(n / 1024 / 1024).toFixed(1)} MB`);
const when = (iso: string | null): string => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : 'at an unknown time');

function lockLine(lock: LockStatus | null): string {
  if (!lock) return 'Lock: no Kalm is using this folder right now.';
  if (lock.pid === null) return `Lock: kalm.lock cannot be read; Kalm replaces it at the next start.`;
  if (lock.alive === true) return `Lock: Kalm is running (process ${lock.pid}, since ${when(lock.startedAt)}); what is shown here can change while it runs.`;
  if (lock.alive === false) return `Lock: left by Kalm process ${lock.pid}, which is no longer running; Kalm takes it over at the next start.`;
  return `Lock: held by Kalm process ${lock.pid} on another computer (${stripControl(lock.hostname ?? '?')}).`;
}

/** The readable report: each problem with why and what to do. File names come from disk, so control characters are stripped. */
export function doctorText(r: DoctorReport): string {
  const out = [`Kalm doctor — data folder ${stripControl(r.dataDir)}`, ''];
  if (!r.exists) {
    out.push('There is no Kalm data here yet; nothing to check.');
    return out.join('\n');
  }
  if (r.problems.length > 0) {
    out.push(`Files Kalm cannot use (${r.problems.length}):`);
    for (const p of r.problems) out.push(`  ✗ ${stripControl(p.file)}`, `    ${stripControl(p.reason)}`, `    Fix: ${stripControl(doctorFix(p))}`);
    out.push('');
  }
  if (r.quarantine.length > 0) {
    out.push(`In quarantine/ (${r.quarantine.length}) — set aside earlier, nothing was deleted:`);
    for (const q of r.quarantine) {
      out.push(`  • ${stripControl(q.file)}`, `    was ${stripControl(q.original)}, moved ${when(q.at)}, ${bytes(q.bytes)}`);
    }
    out.push(`    Fix: ${QUARANTINE_FIX}`, '');
  }
  if (r.upgrades.length > 0) {
    out.push(`From an older Kalm (${r.upgrades.length}) — upgraded automatically at the next start:`);
    for (const p of r.upgrades) out.push(`  ↑ ${stripControl(p.file)}`);
    out.push('');
  }
  if (r.leftoverTempFiles.length > 0) {
    out.push(`${plural(r.leftoverTempFiles.length, 'unfinished temporary file')} from an interrupted save; Kalm removes them at the next start (the real files are intact).`, '');
  }
  out.push(lockLine(r.lock));
  const n = r.problems.length + r.quarantine.length;
  out.push(
    r.ok
      ? `All good: ${plural(r.reviews, 'review')} at ${plural(r.locations, 'location')}, every file readable.`
      : `${plural(n, 'file')} ${n === 1 ? 'needs' : 'need'} your attention; ${plural(r.reviews, 'review')} can be read without problems.`,
  );
  return out.join('\n');
}
