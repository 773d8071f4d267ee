import type { Draft } from '../../../shared/domain/draft';
import { draftDocFrom, draftDocWithout, ownDraftOf, ownVersionOf, settledDraftDoc } from '../../../shared/team/draft-versions';
import { DraftDoc, teamDocId } from '../../../shared/team/team-docs';
import type { EventBus } from '../events';
import type { DraftStore } from '../store/drafts';
import type { OutboxStore } from '../store/outbox';
import type { LocalWrites } from './bridge-deps';
import { sameJson } from './local-docs';
import { putOrRemoveTeamDoc } from './replica-docs';
import type { TeamDb } from './pouch';

export interface DraftMirrorDeps {
  db: TeamDb;
  member: string;
  drafts: DraftStore;
  outbox: OutboxStore | null;
  local: Pick<LocalWrites, 'saveDraft' | 'discardDraft'>;
  bus: EventBus;
  now: () => Date;
  /** Runs a write to the replica in the bridge's order. */
  queue: (job: () => Promise<void>) => void;
}

/**
 * Keeps this desktop's drafts and the team's `draft:<reviewId>` documents in step, live as well as after time
 * apart. A save adds the member's version and keeps every other member's text beside it; a discard (or a draft
 * queued as a reply) drops only her own version; what arrives never overwrites a local save still on its way
 * to the replica. So no one's text is lost when two people draft the same review at once.
 */
export class DraftMirror {
  /** Reviews with a local save or discard not yet in the replica. */
  private readonly pending = new Map<string, number>();
  readonly unwrap: (() => void)[] = [];

  constructor(private readonly d: DraftMirrorDeps) {
    const { drafts } = d;
    const save = drafts.save.bind(drafts), discard = drafts.discard.bind(drafts);
    this.unwrap.push(() => { drafts.save = save; drafts.discard = discard; });
    drafts.save = (draft) => this.local(draft.reviewId, () => save(draft), () => this.push(draft));
    drafts.discard = (reviewId) => this.local(reviewId, () => discard(reviewId), () => this.pushDiscard(reviewId));
  }

  /** This member's version of a draft into the replica, beside the other members' versions. */
  push(draft: Draft): Promise<void> {
    return putOrRemoveTeamDoc(this.d.db, teamDocId.draft(draft.reviewId), (prev) => {
      const old = prev ? DraftDoc.safeParse(prev) : null;
      return draftDocFrom(draft, old?.success ? old.data : null, this.d.member);
    });
  }

  /** The member picked or merged a version: hers alone, for everyone (dated now, so it is the team's latest). */
  async settle(reviewId: string): Promise<void> {
    const mine = this.d.drafts.get(reviewId);
    if (!mine) return;
    await putOrRemoveTeamDoc(this.d.db, teamDocId.draft(reviewId), (prev) => {
      const old = prev ? DraftDoc.safeParse(prev) : null;
      return old?.success ? settledDraftDoc(mine, old.data, this.d.member, this.d.now().toISOString()) : null;
    });
  }

  /** A team draft arrived: this desktop keeps the member's own version, or takes the team's when she has none. */
  async apply(doc: DraftDoc): Promise<void> {
    const reviewId = doc.draft.reviewId;
    const save = this.d.local.saveDraft;
    // A local save still on its way wins: its push brings the merged document back here.
    // So does a local save newer than her version in the team (a crash kept it from the replica; recheck pushes it).
    const mine = this.d.drafts.get(reviewId), hers = ownVersionOf(doc, this.d.member);
    if (save && !this.pending.has(reviewId) && !(mine && hers && mine.updatedAt > hers.updatedAt)) {
      const own = ownDraftOf(doc, this.d.member);
      if (!sameJson(mine, own)) await save(own);
    }
    this.d.bus.emit('drafts.changed', { reviewId });
  }

  /** The last version of a team draft went: so does the local copy (unless a local save is on its way). */
  async applyDeleted(reviewId: string): Promise<void> {
    const discard = this.d.local.discardDraft;
    if (!discard || this.pending.has(reviewId) || !this.d.drafts.get(reviewId)) return;
    await discard(reviewId);
    this.d.bus.emit('drafts.changed', { reviewId });
  }

  /** This member's version of the review's draft out of the replica (the others' stay); also at start, for a discard a crash kept from it. */
  pushDiscard(reviewId: string): Promise<void> {
    const at = this.d.now().toISOString();
    // `outbox.send` queues the reply and then discards the draft: the version with that text goes for everyone.
    const sent = (this.d.outbox?.list() ?? []).filter((i) => i.reviewId === reviewId && i.action === 'reply').sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    return putOrRemoveTeamDoc(this.d.db, teamDocId.draft(reviewId), (prev) => {
      const old = prev ? DraftDoc.safeParse(prev) : null;
      if (!old?.success) return prev ? null : 'remove';
      return draftDocWithout(old.data, this.d.member, at, sent?.text ?? null) ?? 'remove';
    });
  }

  /** A local write, then its push in the bridge's order; the review counts as pending until the push is done. */
  private async local(reviewId: string, write: () => Promise<void>, push: () => Promise<void>): Promise<void> {
    this.pending.set(reviewId, (this.pending.get(reviewId) ?? 0) + 1);
    const done = () => {
      const n = (this.pending.get(reviewId) ?? 1) - 1;
      if (n > 0) this.pending.set(reviewId, n);
      else this.pending.delete(reviewId);
    };
    try {
      await write();
    } catch (err) {
      done();
      throw err;
    }
    this.d.queue(() => push().finally(done));
  }
}
