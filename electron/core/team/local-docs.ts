import type { Draft } from '../../../shared/domain/draft';
import type { OutboxItem } from '../../../shared/domain/outbox';
import type { Review } from '../../../shared/domain/review';
import { markLabelChanges } from '../../../shared/team/merge';
import type { DraftDoc, OtherDraft, OutboxDoc, ReviewDoc } from '../../../shared/team/team-docs';

/**
 * Team documents made from a local edit, on top of the version this desktop last saw: label changes become
 * dated marks (a removal is recorded), a changed note or assignee is dated and signed with the member.
 */
export function reviewDocFrom(review: Review, prev: ReviewDoc | null, at: string, by: string): ReviewDoc {
  const before = prev?.review ?? null;
  const labelMarks = markLabelChanges(before?.labels ?? [], review.labels, prev?.labelMarks ?? {}, at, by);
  const noteChanged = before === null ? review.note !== null || review.assignee !== null : before.note !== review.note || before.assignee !== review.assignee;
  return {
    type: 'review',
    review,
    labelMarks,
    noteAt: noteChanged ? at : (prev?.noteAt ?? null),
    noteBy: noteChanged ? by : (prev?.noteBy ?? null),
    noteHistory: prev?.noteHistory ?? [],
  };
}

/**
 * A member's own draft; the other members' texts (from a merge) stay beside it until the member settles them.
 * When a merge had put another member's draft first and kept this member's beside it, that other draft now
 * goes beside this one, so neither text is lost.
 */
export function draftDocFrom(draft: Draft, prev: DraftDoc | null, by: string): DraftDoc {
  const others = (prev?.others ?? []).filter((o) => o.by !== by);
  const wasBeside = prev !== null && prev.by !== by && prev.others.some((o) => o.by === by);
  if (prev && wasBeside) others.push({ by: prev.by, text: prev.draft.text, updatedAt: prev.draft.updatedAt });
  return { type: 'draft', draft, by, others: others.sort((a, b) => a.by.localeCompare(b.by)) };
}

/** The other members' versions of a review's draft as this member sees them (a merged-in first version included). */
export function othersFor(doc: DraftDoc, me: string): OtherDraft[] {
  const main = doc.by !== me ? [{ by: doc.by, text: doc.draft.text, updatedAt: doc.draft.updatedAt }] : [];
  return [...main, ...doc.others.filter((o) => o.by !== me)].sort((a, b) => a.by.localeCompare(b.by));
}

/** The text this member keeps in her composer: her own version when a merge put another member's first. */
export function ownDraftOf(doc: DraftDoc, me: string): Draft {
  const mine = doc.by !== me ? doc.others.find((o) => o.by === me) : undefined;
  return mine ? { ...doc.draft, text: mine.text, updatedAt: mine.updatedAt } : doc.draft;
}

export const outboxDocFrom = (item: OutboxItem, by: string): OutboxDoc => ({ type: 'outbox', item, by });

/** Same content, whatever the key order (PouchDB hands back documents with keys in its own order). */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => a.localeCompare(b)))
      : value);
}
