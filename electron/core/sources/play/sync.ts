import type { Review } from '../../../../shared/domain/review';
import { mapPlayReview, playGapWarning } from '../../../../shared/play/map-review';
import type { PlayApi } from './api';

export interface PlaySyncResult {
  /** New and changed reviews to store (unchanged ones are left out). */
  reviews: Review[];
  fetched: number;
  added: number;
  updated: number;
  /** Set when the previous sync is older than Play's 7-day window. */
  warning: string | null;
  syncedAt: string;
}

/**
 * Fetches what Play returns now and merges it into the local history: reviews older than Play's window
 * stay as Kalm stored them (Play no longer returns them, which does not mean they were deleted).
 * Kalm's own fields (status of a queued reply, labels, notes) survive an update.
 */
export async function syncPlay(opts: {
  api: PlayApi;
  packageName: string;
  existing: (id: string) => Review | undefined;
  lastSyncAt: string | null;
  now: () => Date;
  translationLanguage?: string;
}): Promise<PlaySyncResult> {
  const now = opts.now();
  const warning = playGapWarning(opts.lastSyncAt, now);
  const fetched = await opts.api.listReviews(opts.packageName, opts.translationLanguage ? { translationLanguage: opts.translationLanguage } : {});
  const out: Review[] = [];
  let added = 0, updated = 0;
  for (const raw of fetched) {
    const review = mapPlayReview(opts.packageName, raw);
    if (!review) continue;
    const old = opts.existing(review.id);
    if (!old) {
      added++;
      out.push(review);
      continue;
    }
    const same = old.text === review.text && old.rating === review.rating && old.reply?.text === review.reply?.text && old.translatedText === review.translatedText;
    if (same) continue;
    updated++;
    const busy = old.status === 'queued' || old.status === 'conflict' || old.status === 'drafted';
    out.push({ ...review, labels: old.labels, assignee: old.assignee, note: old.note, status: busy ? old.status : review.status, createdAt: old.createdAt });
  }
  return { reviews: out, fetched: fetched.length, added, updated, warning, syncedAt: now.toISOString() };
}
