import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ReviewStatus } from '../../shared/domain/review';
import { KalmError } from '../../shared/domain/errors';
import { ExportFormat } from '../../shared/export/export-schema';
import { periodBound } from '../../shared/time/zoned';
import { parseFlags, parseRatings, UsageError } from './args';
import type { ReadCommand } from './command';
import type { ReadCore } from './read-view';
import { statsJson, statsTable } from './format';
import { writeOut } from './output';

/** The system's time zone (TZ in the environment wins): `--from`/`--to` dates and the monthly trend follow it. */
const systemZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

const periodOptions = { from: { type: 'string' }, to: { type: 'string' }, location: { type: 'string' }, source: { type: 'string' } } as const;
const statsOptions = { json: { type: 'boolean' }, ...periodOptions } as const;
const exportOptions = { format: { type: 'string' }, out: { type: 'string' }, rating: { type: 'string' }, status: { type: 'string' }, ...periodOptions } as const;

/** `--from D --to D` (dates in the system's zone, `--to` included, or ISO timestamps) as the contract's bounds. */
function period(v: { from?: string | undefined; to?: string | undefined }, zone: string): { from?: string; to?: string } {
  const bound = (flag: 'from' | 'to', raw: string | undefined) => {
    if (raw === undefined) return undefined;
    const iso = periodBound(raw, zone, flag === 'to');
    if (iso === null) throw new UsageError(`--${flag} takes a date such as 2026-03-01 or a timestamp such as 2026-03-01T09:00:00+01:00 (got "${raw}")`);
    return iso;
  };
  const from = bound('from', v.from), to = bound('to', v.to);
  if (from !== undefined && to !== undefined && Date.parse(from) > Date.parse(to)) throw new UsageError('--from must not be later than --to');
  return { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
}

const place = (v: { location?: string | undefined; source?: string | undefined }) => ({
  ...(v.location === undefined ? {} : { locationId: v.location }),
  ...(v.source === undefined ? {} : { source: v.source }),
});

function parseStats(args: string[]) {
  const v = parseFlags(args, statsOptions);
  const timeZone = systemZone();
  return { json: v.json === true, query: { ...period(v, timeZone), ...place(v), timeZone } };
}

function parseExport(args: string[]) {
  const v = parseFlags(args, exportOptions);
  const format = ExportFormat.safeParse(v.format);
  if (!format.success) throw new UsageError(`export needs --format csv or --format json${v.format === undefined ? '' : ` (got "${v.format}")`}`);
  if (v.status !== undefined && v.status !== 'all' && !ReviewStatus.safeParse(v.status).success) {
    throw new UsageError(`--status takes all, ${ReviewStatus.options.join(', ')} (got "${v.status}")`);
  }
  const ratings = parseRatings(v.rating);
  const filter = {
    ...period(v, systemZone()),
    ...place(v),
    ...(ratings ? { ratings } : {}),
    ...(v.status === undefined ? {} : { status: v.status as ReviewStatus | 'all' }),
  };
  return { format: format.data, out: v.out, filter };
}

/** `kalm stats [--json] [--from D --to D] [--location ID] [--source ID]`. */
async function stats(kalm: ReadCore, args: string[]): Promise<string> {
  const { json, query } = parseStats(args);
  const summary = await kalm.call('reviews.stats', query);
  return json ? JSON.stringify(statsJson(summary), null, 2) : statsTable(summary);
}

/** `kalm export --format csv|json [--out F] [filters]`: the same file the app's export downloads. */
async function exportReviews(kalm: ReadCore, args: string[]): Promise<string> {
  const { format, out, filter } = parseExport(args);
  const file = await kalm.call('reviews.export', { format, filter });
  if (out === undefined) {
    await writeOut(file.content);
    return '';
  }
  const path = resolve(out);
  try {
    await writeFile(path, file.content, 'utf8');
  } catch (err) {
    throw new KalmError('storage', `Could not write ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return `Exported ${file.count} review${file.count === 1 ? '' : 's'} to ${path}`;
}

export const reportCommands: Record<string, ReadCommand> = {
  // Both need every review (the figures, the export's own filter): read, but never indexed.
  stats: { check: (a) => void parseStats(a), readOnly: true, readScope: () => ({}), run: stats },
  export: { check: (a) => void parseExport(a), readOnly: true, readScope: () => ({}), run: exportReviews },
};
