import type { OutboxItem } from '../../../shared/domain/outbox';
import type { Review } from '../../../shared/domain/review';
import { markLabelChanges } from '../../../shared/team/merge';
import type { OutboxDoc, ReviewDoc } from '../../../shared/team/team-docs';

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

export const outboxDocFrom = (item: OutboxItem, by: string): OutboxDoc => ({ type: 'outbox', item, by });

/** Same content, whatever the key order (PouchDB hands back documents with keys in its own order). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // Something missing on one side only (a review this desktop does not have yet): no need to serialise the other.
  if (a === undefined || a === null || b === undefined || b === null) return false;
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => a.localeCompare(b)))
      : value);
}
