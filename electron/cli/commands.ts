import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Review } from '../../shared/domain/review';
import type { KalmCore } from '../core/create-kalm';
import { reviewJson, reviewsTable, statsJson, statsTable } from './format';

export const usage = `Usage: kalm <command> [options]

Commands:
  demo                      load the demo workspace into the data folder
  reviews [options]         list reviews, lowest rating first, then oldest first
      --unanswered          only reviews without a reply
      --rating 1,2          only these star ratings
      --source ID           only this source (google, play, …)
      --location ID         only this location
      --json                machine-readable output
  stats [--json]            average rating, review count and unanswered per location
  --help                    show this help

Data folder: KALM_DATA_DIR (default: the app's user-data folder).`;

export class UsageError extends Error {}

const parse = <O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) => {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
};

const parseRatings = (raw: string | undefined): (1 | 2 | 3 | 4 | 5)[] | undefined => {
  if (raw === undefined) return undefined;
  const parts = raw.split(',').map((s) => s.trim());
  if (parts.some((p) => !/^[1-5]$/.test(p))) throw new UsageError(`--rating takes star ratings 1 to 5 separated by commas, e.g. --rating 1,2 (got "${raw}")`);
  return [...new Set(parts.map((p) => Number(p) as 1 | 2 | 3 | 4 | 5))];
};

const reviewsOptions = {
  unanswered: { type: 'boolean' },
  rating: { type: 'string' },
  source: { type: 'string' },
  location: { type: 'string' },
  json: { type: 'boolean' },
} as const;

async function listReviews(kalm: KalmCore, args: string[]): Promise<string> {
  const v = parse(args, reviewsOptions);
  const ratings = parseRatings(v.rating);
  const { locations, reviewCount } = await kalm.call('workspace.get', {});
  if (reviewCount === 0 && !v.json) return `No reviews yet in ${kalm.dataDir}. Load the demo with \`kalm demo\`.`;
  const items: Review[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await kalm.call('reviews.query', {
      status: v.unanswered ? 'unanswered' : 'all',
      ...(ratings ? { ratings } : {}),
      ...(v.source ? { source: v.source } : {}),
      ...(v.location ? { locationId: v.location } : {}),
      offset,
      limit: 500,
    });
    items.push(...page.items);
    if (offset + 500 >= page.total) break;
  }
  if (v.json) {
    const names = new Map(locations.map((l) => [`${l.source}\u0000${l.id}`, l.name]));
    return JSON.stringify(items.map((r) => reviewJson(r, names.get(`${r.source}\u0000${r.locationId}`) ?? r.locationId)), null, 2);
  }
  return reviewsTable(items, locations, process.stdout.columns || 120);
}

async function stats(kalm: KalmCore, args: string[]): Promise<string> {
  const v = parse(args, { json: { type: 'boolean' } });
  const summary = await kalm.call('stats.summary', {});
  return v.json ? JSON.stringify(statsJson(summary), null, 2) : statsTable(summary);
}

async function demo(kalm: KalmCore, args: string[]): Promise<string> {
  parse(args, {});
  const ws = await kalm.call('workspace.loadDemo', {});
  return `Loaded the demo: ${ws.reviewCount} reviews at ${ws.locations.length} locations into ${kalm.dataDir}`;
}

interface Command {
  /** Checks the arguments before the data folder is opened (bad flags exit 2 and touch nothing). */
  check(args: string[]): void;
  run(kalm: KalmCore, args: string[]): Promise<string>;
}

const commands: Record<string, Command> = {
  demo: { check: (a) => void parse(a, {}), run: demo },
  reviews: { check: (a) => void parseRatings(parse(a, reviewsOptions).rating), run: listReviews },
  stats: { check: (a) => void parse(a, { json: { type: 'boolean' } }), run: stats },
};

/** Runs one command; the core is opened only once the command name is known to be valid. */
export async function runCommand(name: string, args: string[], open: () => Promise<KalmCore>): Promise<string> {
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) throw new UsageError(`unknown command "${name}"`);
  if (args.includes('--help') || args.includes('-h')) return usage;
  command.check(args);
  const kalm = await open();
  try {
    for (const p of kalm.problems) process.stderr.write(`kalm: ${p.reason}${p.movedTo ? ` — moved to ${p.movedTo}` : ''}\n`);
    return await command.run(kalm, args);
  } finally {
    await kalm.close();
  }
}
