import { join } from 'node:path';
import type { Settings } from '../../shared/domain/settings';
import { FIRST_PAGE_QUERY, overdueAt, overdueClock, type ClockEntry } from '../../shared/reviews/first-page';
import { isoMs } from '../../shared/reviews/iso-time';
import { ReviewQuery } from '../../shared/reviews/query-schema';
import { replyPolicy } from '../../shared/reviews/reply-targets';
import type { KalmLog } from './log/log';
import { ACTIVE_STATES } from './outbox/queue';
import { localFileTokens, manifestToken, MISSING, sameTokens, teamFileToken, writeFirstPage, type SavedFirstPage } from './store/first-page-file';
import type { OpenedStore } from './store/open-store';
import { manifestFor, schemaFingerprint } from './store/shard-manifest';
import { ShardFile } from './store/workspace-files';
import { REVIEWS_DIR } from './store/workspace-paths';
import type { Workspace } from './workspace';

export interface FirstPageSaverDeps {
  dataDir: string;
  workspace: Workspace;
  store: Pick<OpenedStore, 'settled' | 'drafts' | 'outbox'>;
  settings: () => Settings;
  now: () => Date;
  /** The running Kalm's version: a saved page holds only for the Kalm that saved it. */
  version: string;
  log?: KalmLog | undefined;
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => a.size === b.size && [...a].every((x) => b.has(x));

/** Do the workspace's marks say what the draft and outbox stores hold (no change on its way to the index)? */
function marksCurrent(workspace: Workspace, store: FirstPageSaverDeps['store']): boolean {
  const drafts = new Set((store.drafts?.list() ?? []).map((d) => d.reviewId));
  const outbox = new Set((store.outbox?.list() ?? []).filter((i) => ACTIVE_STATES.has(i.state)).map((i) => i.reviewId));
  return sameSet(drafts, workspace.reviewMarks.drafts) && sameSet(outbox, workspace.reviewMarks.outbox);
}

/** How far ahead the saved overdue clock is checked against the core's own answer before it is written. */
const CHECK_AHEAD_MS = 30 * 86_400_000;

/**
 * Saves the answer to the inbox's first request (store/first-page-file.ts) at a moment when everything in
 * memory is on disk, so the next start can show it before the shards are parsed. Resolves false (and writes
 * nothing) when that moment is not now: a write queued or failed, a draft or setting changing meanwhile, a
 * team workspace (its replica can change the reviews at start), or the saved clock disagreeing with the core.
 */
export function firstPageSaver(deps: FirstPageSaverDeps): { save(): Promise<boolean> } {
  const { dataDir, workspace, store, now } = deps;
  const query = ReviewQuery.parse(FIRST_PAGE_QUERY);
  const schema = schemaFingerprint(ShardFile);
  const reviewsDir = join(dataDir, REVIEWS_DIR);

  /** Taken in one synchronous step, so the page, the marks and the shard tokens describe the same moment. */
  function capture(): Omit<SavedFirstPage, 'files'> & { shards: Record<string, string> } | null {
    if (!store.settled() || !marksCurrent(workspace, store)) return null;
    const at = now().getTime();
    const settings = deps.settings();
    const policy = replyPolicy(settings);
    const page = workspace.query(query, at, policy);
    const entries: ClockEntry[] = [];
    for (const r of workspace.all()) entries.push({ id: r.id, source: r.source, status: r.status, created: isoMs(r.createdAt) });
    const clock = overdueClock(entries, workspace.reviewMarks, at, policy);
    // The clock must give the core's own overdue counts, now and later; otherwise nothing is saved.
    const later = at + CHECK_AHEAD_MS;
    if (overdueAt(clock, at, policy) !== page.countsByView.overdue || overdueAt(clock, later, policy) !== workspace.query(query, later, policy).countsByView.overdue) {
      deps.log?.warn('Kalm: the saved first page disagreed with the inbox; not saved');
      return null;
    }
    const shards: Record<string, string> = {};
    for (const [name, entry] of manifestFor(reviewsDir, schema).recorded()) shards[`${REVIEWS_DIR}/${name}`] = manifestToken(entry);
    const { replyTargetHours, businessHours } = settings;
    return { version: 1, kalm: deps.version, schema, page, clock, policy: { replyTargetHours, businessHours }, shards };
  }

  return {
    async save() {
      const before = await localFileTokens(dataDir);
      if (teamFileToken(before) !== MISSING) return false;
      const taken = capture();
      if (!taken) return false;
      // A draft, outbox item or setting written while this ran: the page may be older than the files.
      if (!sameTokens(before, await localFileTokens(dataDir))) return false;
      const { shards, ...rest } = taken;
      try {
        await writeFirstPage(dataDir, { ...rest, files: { ...before, ...shards } });
        return true;
      } catch {
        return false; // only costs the next start its head start
      }
    },
  };
}

/** After a start the page is saved once everything settled (a few seconds, after the first page and the calls around it). */
const SAVE_AFTER_START_MS = 3000;

/**
 * Keeps the saved first page current for the app (Electron, web host): saved a little after the start (the
 * workspace as loaded) and when closing, after the last writes are flushed — so the next start finds it
 * valid unless something changed the files since. A crash only costs the next start its head start.
 */
export function keepFirstPage(deps: FirstPageSaverDeps & { store: Pick<OpenedStore, 'flush'> }): { close(): Promise<void>; stop(): void } {
  const saver = firstPageSaver(deps);
  const timer = setTimeout(() => void saver.save().catch(() => false), SAVE_AFTER_START_MS);
  timer.unref();
  return {
    /** Saves nothing more (the core failed to start). */
    stop: () => clearTimeout(timer),
    async close() {
      clearTimeout(timer);
      try {
        await deps.store.flush();
        await saver.save();
      } catch {
        // the store's close reports what could not be written; the page is simply not saved
      }
    },
  };
}
