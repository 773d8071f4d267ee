import type { Draft } from '../../../shared/domain/draft';
import type { OutboxItem } from '../../../shared/domain/outbox';
import type { Review } from '../../../shared/domain/review';
import { DraftDoc, OutboxDoc, teamDocId } from '../../../shared/team/team-docs';
import { bodyOf } from './conflict-resolver';
import { ownDraftOf } from '../../../shared/team/draft-versions';
import { outboxDocFrom, sameJson } from './local-docs';
import { mergeOutboxDocs } from '../../../shared/team/merge';
import type { TeamDb } from './pouch';

/** What the start-up re-check works on: this folder's records, the replica, and the bridge's own pushes. */
export interface RecheckDeps {
  db: TeamDb;
  member: string;
  reviews: readonly Review[];
  drafts: readonly Draft[];
  items: readonly OutboxItem[];
  /** Writes reviews whose document differs or is missing (it leaves an identical one as it is). */
  pushReviews(reviews: readonly Review[]): Promise<void>;
  pushDraft(draft: Draft): Promise<void>;
  pushItem(item: OutboxItem): Promise<void>;
  /** Label definitions, rules and templates: writes those whose document differs or is missing. */
  pushEntities(): Promise<void>;
  pushPlaces(): Promise<void>;
}

const BATCH = 2000;

/** The replica's documents for these ids (null: missing, deleted or unreadable). */
async function replicaBodies(db: TeamDb, ids: string[]) {
  const rows = (await db.allDocs({ keys: ids, include_docs: true })).rows;
  return rows.map((row) => ('doc' in row && row.doc ? bodyOf(row.doc) : null));
}

/**
 * After a crash between a local write and its replica write, that edit would never reach the team. At start,
 * once the replica's changes are applied here (so a difference left is this desktop's own edit), every local
 * review, draft, outbox item, label, rule and template that is missing from the replica or newer than its
 * document is pushed again. Drafts compare their `updatedAt`, outbox items go by the merge rules, so an older local copy never
 * overwrites a newer team version; reviews go through the usual merge (label marks, dated notes).
 */
export async function recheckLocal(d: RecheckDeps): Promise<{ pushed: number }> {
  let pushed = 0;
  await d.pushPlaces();
  for (let i = 0; i < d.reviews.length; i += BATCH) {
    const slice = d.reviews.slice(i, i + BATCH);
    const bodies = await replicaBodies(d.db, slice.map((r) => teamDocId.review(r.id)));
    const stale = slice.filter((r, j) => {
      const body = bodies[j];
      return body?.type !== 'review' || !sameJson(body.review, r);
    });
    if (stale.length > 0) await d.pushReviews(stale);
    pushed += stale.length;
  }
  for (let i = 0; i < d.drafts.length; i += BATCH) {
    const slice = d.drafts.slice(i, i + BATCH);
    const bodies = await replicaBodies(d.db, slice.map((x) => teamDocId.draft(x.reviewId)));
    for (const [j, draft] of slice.entries()) {
      const doc = DraftDoc.safeParse(bodies[j]);
      const own = doc.success ? ownDraftOf(doc.data, d.member) : null;
      if (own && (sameJson(own, draft) || own.updatedAt > draft.updatedAt)) continue;
      await d.pushDraft(draft);
      pushed++;
    }
  }
  for (let i = 0; i < d.items.length; i += BATCH) {
    const slice = d.items.slice(i, i + BATCH);
    const bodies = await replicaBodies(d.db, slice.map((x) => teamDocId.outbox(x.id)));
    for (const [j, item] of slice.entries()) {
      const doc = OutboxDoc.safeParse(bodies[j]);
      // Pushed when the merge rules keep the local item (further along, or newer), as applying the replica does.
      if (doc.success && (sameJson(doc.data.item, item) || !sameJson(mergeOutboxDocs([doc.data, outboxDocFrom(item, d.member)]).item, item))) continue;
      await d.pushItem(item);
      pushed++;
    }
  }
  await d.pushEntities();
  return { pushed };
}

/** Every local review, draft and outbox item into the replica (a new team workspace, or a folder joining with work of its own). */
export async function uploadWorkspace(d: RecheckDeps, progress?: (done: number, total: number) => void): Promise<void> {
  const total = d.reviews.length + d.drafts.length + d.items.length;
  let done = 0;
  await d.pushPlaces();
  for (let i = 0; i < d.reviews.length; i += BATCH) {
    await d.pushReviews(d.reviews.slice(i, i + BATCH));
    progress?.((done += Math.min(BATCH, d.reviews.length - i)), total);
  }
  for (const draft of d.drafts) await d.pushDraft(draft);
  for (const item of d.items) await d.pushItem(item);
  await d.pushEntities();
  progress?.(total, total);
}
