import type { Rating, Review } from '../../shared/domain/review';
import { reviewJson } from '../../shared/export/records';
import { ReviewQuery } from '../../shared/reviews/query-schema';
import { parseFlags, parseRatings } from './args';
import type { ReadCommand } from './command';
import { reviewsTable } from './format';
import { openReadView, runOn, type ReadCore } from './read-view';
import { reportCommands } from './report-commands';

/**
 * The read commands (`kalm reviews`, `stats`, `export`): they need only the reviews, sources
 * and settings, so they run on the read view (read-view.ts) and this module stays light: the
 * CLI loads it, and not the core, for them.
 */

const reviewsOptions = {
  unanswered: { type: 'boolean' },
  overdue: { type: 'boolean' },
  rating: { type: 'string' },
  source: { type: 'string' },
  location: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** The inbox query `kalm reviews` runs for these flags (also what the read view keeps while reading). */
function reviewsQuery(v: { unanswered?: boolean | undefined; overdue?: boolean | undefined; source?: string | undefined; location?: string | undefined }, ratings: Rating[] | undefined) {
  return {
    // --unanswered is the inbox's Unanswered view (shared/reviews/figures.ts), also drafted reviews.
    status: 'all' as const,
    ...(v.unanswered ? { view: 'unanswered' as const } : {}),
    ...(ratings ? { ratings } : {}),
    ...(v.overdue ? { overdue: true } : {}),
    ...(v.source ? { source: v.source } : {}),
    ...(v.location ? { locationId: v.location } : {}),
  };
}

async function listReviews(kalm: ReadCore, args: string[]): Promise<string> {
  const v = parseFlags(args, reviewsOptions);
  const ratings = parseRatings(v.rating);
  const { locations, reviewCount } = await kalm.call('workspace.get', {});
  if (reviewCount === 0 && !v.json) return `No reviews yet in ${kalm.dataDir}. Load the demo with \`kalm demo\`.`;
  const items: Review[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await kalm.call('reviews.query', { ...reviewsQuery(v, ratings), offset, limit: 500 });
    items.push(...page.items);
    if (offset + 500 >= page.total) break;
  }
  if (v.json) {
    const names = new Map(locations.map((l) => [`${l.source}\u0000${l.id}`, l.name]));
    return JSON.stringify(items.map((r) => reviewJson(r, names.get(`${r.source}\u0000${r.locationId}`) ?? r.locationId)), null, 2);
  }
  return reviewsTable(items, locations, process.stdout.columns || 120);
}


export const readCommands: Record<string, ReadCommand> = {
  reviews: {
    check: (a) => void parseRatings(parseFlags(a, reviewsOptions).rating),
    readOnly: true,
    readScope: (a) => {
      const v = parseFlags(a, reviewsOptions);
      return { query: ReviewQuery.parse(reviewsQuery(v, parseRatings(v.rating))) };
    },
    run: listReviews,
  },
  ...reportCommands,
};

/** Runs a read command on the read view of `dataDir` (after its arguments were checked). */
export async function runReadCommand(command: ReadCommand, args: string[], dataDir: string): Promise<string> {
  const view = await openReadView(dataDir, command.readScope(args));
  return runOn(view, (k) => command.run(k, args));
}
