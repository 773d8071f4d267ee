import type { z } from 'zod';
import { contract, type CallInput, type CallOutput, type Contract, type WorkspaceSummary } from '../../shared/contract';
import type { Location } from '../../shared/domain/location';
import type { Review } from '../../shared/domain/review';
import type { Source } from '../../shared/domain/source';
import type { StoreProblem } from '../../shared/domain/store-problem';
import { KalmError } from '../../shared/domain/errors';
import { buildExport } from '../../shared/export/export-reviews';
import type { ReviewPage, ReviewQuery } from '../../shared/reviews/query-schema';
import { replyPolicy, type ReplyPolicy } from '../../shared/reviews/reply-targets';
import { ReviewIndex } from '../../shared/reviews/review-index';
import { matchesRest, searchableText } from '../../shared/reviews/review-filter';
import { summarize } from '../../shared/reviews/stats';
import { inQueryView, viewBits } from '../../shared/reviews/views';
// The read view answers the contract's read calls itself from the store's files, without building a core (no lock,
// no search index): `kalm reviews` at 10,000 reviews starts in a fraction of the time (bench/cli-list.ts measures it).
import { EventBus } from '../core/events';
import { createPreferences } from '../core/settings/preferences';
import { readOnlySettings } from '../core/settings/reply-policy';
import { loadWorkspaceFiles } from '../core/store/workspace-files';
import { MissingDataError } from './args';

/** What a read command needs of the core: the same `call`s, answered straight from the files. */
export interface ReadCore {
  readonly dataDir: string;
  readonly problems: readonly StoreProblem[];
  call<N extends ReadCall>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
  close(): Promise<void>;
}

/** The calls `kalm reviews`, `kalm stats` and `kalm export` make. */
export type ReadCall = 'workspace.get' | 'reviews.query' | 'reviews.stats' | 'reviews.export';

/** What a read command will ask, known before the files are read: reviews outside `query` are dropped while reading. */
export interface ReadScope {
  query?: ReviewQuery;
}

/**
 * Whether a review can be in the answer to `q`: the query's own per-review tests (the shared
 * ones the inbox uses) except "overdue", which the final query applies. A superset, never less.
 */
function mayMatch(q: ReviewQuery): (r: Review) => boolean {
  const rest = matchesRest(q, searchableText);
  const ratings = q.ratings && q.ratings.length > 0 ? new Set<number>(q.ratings) : null;
  return (r) => inQueryView(q, r.status, viewBits(r.status, 0)) && (ratings === null || (r.rating !== null && ratings.has(r.rating))) && rest(r);
}

/**
 * Opens a data folder for one read command without the core: no lock, no search index, no
 * services; the shard files are read (trusted ones without re-validation, see shard-manifest.ts)
 * and only the reviews the command can need are kept. Answers exactly as the core does: the
 * same contract validation, the core's query (`ReviewIndex`, over the reviews kept),
 * `summarize` and `buildExport` over the reviews in the core's order (first appearance of each
 * id, the last copy winning), the owner's reply targets from settings.json.
 */
export async function openReadView(dataDir: string, scope: ReadScope = {}): Promise<ReadCore> {
  const keep = scope.query ? mayMatch(scope.query) : () => true;
  // Per id in order of first appearance: its last copy, or null when that copy is not needed.
  const byId = new Map<string, Review | null>();
  const loaded = await loadWorkspaceFiles(dataDir, {
    dryRun: true,
    onReview: (r) => byId.set(r.id, keep(r) ? r : null),
  });
  const reviews: Review[] = [];
  for (const r of byId.values()) if (r) reviews.push(r);
  const sources: Source[] = loaded.sources;
  const locations: Location[] = loaded.locations;
  const policy: ReplyPolicy = replyPolicy(createPreferences(readOnlySettings(dataDir), new EventBus()).get());
  const now = new Date();
  const pages = new Map<string, ReviewPage>();

  const summary = (): WorkspaceSummary => ({ demo: sources.some((s) => s.state === 'demo'), sources, locations, reviewCount: byId.size });
  /** One full answer per query (the command pages through it), sliced per call: the core's query over the reviews kept. */
  const query = (q: ReviewQuery): ReviewPage => {
    const key = JSON.stringify({ ...q, offset: 0, limit: 0 });
    let all = pages.get(key);
    if (!all) pages.set(key, (all = new ReviewIndex(reviews).query({ ...q, offset: 0, limit: reviews.length }, now.getTime(), policy)));
    return { ...all, items: all.items.slice(q.offset, q.offset + q.limit) };
  };
  const handlers: { [N in ReadCall]: (input: z.output<Contract[N]['input']>) => CallOutput<N> } = {
    'workspace.get': () => summary(),
    'reviews.query': (q) => query(q),
    'reviews.stats': (q) => summarize(reviews, locations, q, sources, { now: now.getTime(), policy }),
    'reviews.export': (req) => buildExport(reviews, locations, req, now.toISOString().slice(0, 10)),
  };

  return {
    dataDir,
    problems: loaded.problems,
    async call(name, input) {
      const parsed = contract[name].input.safeParse(input);
      if (!parsed.success) throw KalmError.fromZod(parsed.error, name);
      const handler = handlers[name] as (i: unknown) => CallOutput<typeof name>;
      return handler(parsed.data);
    },
    close: async () => undefined,
  };
}

/** Prints the problems found on open, runs the command, closes; a read command missing files ends with MissingDataError. */
export async function runOn<K extends ReadCore>(kalm: K, run: (kalm: K) => Promise<string>, readOnly = true): Promise<string> {
  try {
    for (const p of kalm.problems) process.stderr.write(`kalm: ${p.reason}\n`);
    const out = await run(kalm);
    // A read command whose files could not all be read says so with its own exit code (its output stays valid).
    const missing = readOnly ? kalm.problems.filter((p) => p.kind !== 'migrated') : [];
    if (missing.length > 0) throw new MissingDataError(out, missing.length);
    return out;
  } finally {
    await kalm.close();
  }
}
