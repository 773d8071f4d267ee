import type { Kalm } from '../core/kalm';
import { parseFlags } from './args';
import { writeErr, writeOut } from './output';

/** What one source's sync did, in the shape of `kalm sync --json` (Play: apps are its locations). */
export interface SourceSync {
  source: string;
  locations: number;
  reviews: number;
  new: number;
  updated: number;
  deleted: number;
  error?: string;
}

interface Job {
  source: string;
  label: string;
  ready(): Promise<boolean>;
  run(): Promise<Omit<SourceSync, 'source'>>;
}

const syncAllFlags = { full: { type: 'boolean' }, json: { type: 'boolean' } } as const;

/** The sources `kalm sync` fetches: Google Business Profile (connected, locations chosen) and every followed Play app. */
function jobsOf(kalm: Kalm, full: boolean): Job[] {
  return [
    {
      source: 'google', label: 'Google Business Profile',
      ready: async () => {
        const s = await kalm.call('google.status', {});
        return s.connected;
      },
      run: async () => {
        const off = kalm.on('google.syncProgress', (p) => void writeErr(`Location ${p.locationIndex} of ${p.locationCount}: ${p.reviewsFetched} reviews fetched\n`));
        try {
          const t = await kalm.call('google.sync', { full });
          return { locations: t.locations, reviews: t.reviews, new: t.new, updated: t.updated, deleted: t.deleted };
        } finally {
          off();
        }
      },
    },
    {
      source: 'play', label: 'Google Play',
      ready: async () => (await kalm.call('play.status', {})).apps.some((a) => a.followed),
      run: async () => {
        const t = await kalm.call('play.sync', {});
        for (const w of t.warnings) await writeErr(`kalm: ${w}\n`);
        return { locations: t.apps, reviews: t.fetched, new: t.new, updated: t.updated, deleted: 0 };
      },
    },
  ];
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What one round over the connected sources did: the totals and each source's part. */
export interface SourcesSync {
  totals: Omit<SourceSync, 'source' | 'error'>;
  results: SourceSync[];
}

/**
 * Syncs every connected source, one after the other, with one progress line per source on stderr. One source
 * failing does not stop the others (its result carries the error). Nothing connected: Google's own sync runs,
 * so its "not connected" message says what to do. Used by `kalm sync` and by each tick of `kalm sync --watch`.
 */
export async function syncSources(kalm: Kalm, full: boolean): Promise<SourcesSync> {
  const jobs = jobsOf(kalm, full);
  const ready = await Promise.all(jobs.map((j) => j.ready().catch(() => false)));
  const chosen = jobs.filter((_, i) => ready[i]);
  if (chosen.length === 0) chosen.push(jobs[0] as Job);
  const results: SourceSync[] = [];
  for (const job of chosen) {
    try {
      const r = { source: job.source, ...(await job.run()) };
      results.push(r);
      await writeErr(`${job.label}: ${plural(r.locations, job.source === 'play' ? 'app' : 'location')}, ${r.reviews} reviews fetched, ${r.new} new, ${r.updated} updated, ${r.deleted} deleted.\n`);
    } catch (err) {
      results.push({ source: job.source, locations: 0, reviews: 0, new: 0, updated: 0, deleted: 0, error: message(err) });
      await writeErr(`${job.label}: failed: ${message(err)}\n`);
    }
  }
  const sum = (k: 'locations' | 'reviews' | 'new' | 'updated' | 'deleted') => results.reduce((n, r) => n + r[k], 0);
  return { totals: { locations: sum('locations'), reviews: sum('reviews'), new: sum('new'), updated: sum('updated'), deleted: sum('deleted') }, results };
}

/**
 * `kalm sync [--full] [--json]` without `--source`: every connected source (syncSources). The exit code is 1 when
 * any failed (after the totals are printed).
 */
export async function syncAll(kalm: Kalm, args: string[]): Promise<string> {
  const v = parseFlags(args, syncAllFlags);
  const { totals, results } = await syncSources(kalm, v.full ?? false);
  const failed = results.filter((r) => r.error !== undefined);
  const out = v.json
    ? JSON.stringify({ ...totals, sources: results })
    : `Synced ${plural(results.length - failed.length, 'source')}: ${totals.reviews} reviews fetched, ${totals.new} new, ${totals.updated} updated, ${totals.deleted} deleted.`;
  if (failed.length === 0) return out;
  await writeOut(out + '\n');
  if (failed.length === results.length && results.length === 1) throw new Error(failed[0]?.error ?? 'The sync failed.');
  throw new Error(`${failed.map((f) => f.source).join(', ')} could not be synced; the other sources were.`);
}
