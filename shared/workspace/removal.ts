import { z } from 'zod';
import type { Review } from '../domain/review';
import type { Source } from '../domain/source';

/** What to remove: the demo, one source (all its locations) or one location of a source. */
export const RemovalTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('demo') }).strict(),
  z.object({ kind: z.literal('source'), sourceId: z.string().min(1).max(100) }).strict(),
  z.object({ kind: z.literal('location'), sourceId: z.string().min(1).max(100), locationId: z.string().min(1).max(200) }).strict(),
]);
export type RemovalTarget = z.infer<typeof RemovalTarget>;

/** What a removal takes with it: the owner's own work on those reviews is counted, so the confirmation can say so. */
export const RemovalCount = z.object({
  reviews: z.number().int().min(0),
  /** Reply drafts (one per review). */
  drafts: z.number().int().min(0),
  /** Replies written in Kalm: queued, sending, failed, in conflict or sent (outbox items). */
  replies: z.number().int().min(0),
  /** Labels applied (one per label on a review). */
  labels: z.number().int().min(0),
  notes: z.number().int().min(0),
  /** Reviews forwarded to a department. */
  handoffs: z.number().int().min(0),
});
export type RemovalCount = z.infer<typeof RemovalCount>;

/** Says whether a review belongs to the target (`sources` decides which source is the demo). */
export function targetHolds(target: RemovalTarget, sources: readonly Source[]): (review: Review) => boolean {
  if (target.kind === 'demo') {
    const demo = new Set(sources.filter((s) => s.state === 'demo').map((s) => s.id));
    return (r) => demo.has(r.source);
  }
  if (target.kind === 'source') return (r) => r.source === target.sourceId;
  return (r) => r.source === target.sourceId && r.locationId === target.locationId;
}

/** The sources and locations that stay after the target is removed. */
export function remainingPlaces<L extends { source: string; id: string }>(
  target: RemovalTarget, sources: readonly Source[], locations: readonly L[],
): { sources: Source[]; locations: L[] } {
  if (target.kind === 'location') {
    return { sources: [...sources], locations: locations.filter((l) => !(l.source === target.sourceId && l.id === target.locationId)) };
  }
  const gone = new Set(target.kind === 'demo' ? sources.filter((s) => s.state === 'demo').map((s) => s.id) : [target.sourceId]);
  return { sources: sources.filter((s) => !gone.has(s.id)), locations: locations.filter((l) => !gone.has(l.source)) };
}

/** Counts the reviews, labels and notes of the target's reviews; drafts, replies and hand-offs come from their stores. */
export function countOnReviews(reviews: Iterable<Review>): Pick<RemovalCount, 'reviews' | 'labels' | 'notes'> {
  let count = 0, labels = 0, notes = 0;
  for (const r of reviews) {
    count++;
    labels += r.labels.length;
    if (r.note !== null && r.note.trim() !== '') notes++;
  }
  return { reviews: count, labels, notes };
}
