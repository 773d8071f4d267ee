import type { Review } from '../../../shared/domain/review';
import { recoveredReviewDoc, type ReviewEdit } from '../../../shared/team/recovered-edit';
import { ReviewDoc, teamDocId } from '../../../shared/team/team-docs';
import type { LocalWrites, TeamBridgeDeps } from './bridge-deps';
import { sameJson } from './local-docs';
import type { PendingEdits } from './pending-edits';
import { putTeamDoc } from './replica-docs';

/** What pushing the review edits a crash kept from the replica works on. */
export interface RecoveredEditsDeps {
  deps: Pick<TeamBridgeDeps, 'db' | 'member' | 'workspace' | 'bus'>;
  local: Pick<LocalWrites, 'scheduleShard'>;
  known: Map<string, Review>;
  /** The journaled edits of the last run (applying the replica leaves these reviews alone until they are pushed). */
  recovered: Map<string, ReviewEdit>;
  edits: PendingEdits;
}

/**
 * At start, once the replica's changes are applied: each review edit a crash kept from the replica is merged with
 * the team's document (recovered-edit.ts) and written to the replica, and the merged review replaces the local one
 * (so a newer edit another member made meanwhile shows here too). Then the journal entry is done.
 */
export async function pushRecoveredEdits({ deps, local, known, recovered, edits }: RecoveredEditsDeps): Promise<void> {
  const changed: Review[] = [];
  for (const [reviewId, edit] of [...recovered]) {
    const mine = deps.workspace.get(reviewId);
    let merged: ReviewDoc | null = null;
    if (mine) {
      await putTeamDoc(deps.db, teamDocId.review(reviewId), (prev) => {
        const team = prev ? ReviewDoc.safeParse(prev) : null;
        merged = recoveredReviewDoc(mine, edit, team?.success ? team.data : null, deps.member);
        return merged;
      });
    }
    recovered.delete(reviewId);
    edits.done([reviewId]);
    const review = (merged as ReviewDoc | null)?.review;
    if (review && !sameJson(review, mine)) changed.push(review);
    if (review) known.set(reviewId, review);
  }
  if (changed.length === 0) return;
  for (const key of deps.workspace.upsertMany(changed)) {
    const { source, locationId } = deps.workspace.shard(key);
    local.scheduleShard(source, locationId);
  }
  deps.bus.emit('reviews.changed', { reason: 'sync', count: changed.length });
}
