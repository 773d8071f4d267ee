import type { OutboxConflict } from '../outbox/outbox-view';
import { mapPlayReview } from './map-review';
import type { PlayReview } from './schemas';

/** What Kalm knew when the reply was written (the outbox item's side record). */
export interface PlaySnapshot {
  text: string | null;
  rating: number | null;
  /** The review's lastModified as Kalm stored it when the reply was begun. */
  updatedAt: string;
}

/** Play strips HTML tags from a reply, so the reply it shows back may differ from the text Kalm sent. */
const asPlayShowsIt = (text: string): string => text.replace(/<[^>]*>/g, '');

/**
 * Compares the review as Play has it now (reviews.get; null = 404) with what the reply was written for:
 * 'confirmed' when Play already shows this reply (a send that crashed after Play took it), a conflict
 * ('deleted', 'changed' — text, stars or lastModified —, 'answered_elsewhere' — a developer reply Kalm did not
 * write), or null when the reply can go out.
 */
export function detectPlayConflict(opts: {
  packageName: string;
  text: string;
  snapshot: PlaySnapshot;
  /** Reply texts Kalm wrote or knew for this review: not foreign. */
  ours: Iterable<string>;
  remote: PlayReview | null;
  at: Date;
}): OutboxConflict | 'confirmed' | null {
  const { snapshot } = opts;
  const base = { oldText: snapshot.text, oldRating: snapshot.rating, detectedAt: opts.at.toISOString() };
  const now = opts.remote ? mapPlayReview(opts.packageName, opts.remote) : null;
  if (!now) {
    return { ...base, kind: 'deleted', message: 'The review was deleted on Google Play; the reply was not sent.', newText: null, newRating: null, otherReply: null, remoteUpdatedAt: null };
  }
  const theirs = now.reply?.text ?? null;
  const current = { ...base, newText: now.text, newRating: now.rating, otherReply: theirs, remoteUpdatedAt: now.updatedAt };
  if (theirs !== null && (theirs === opts.text || theirs === asPlayShowsIt(opts.text))) return 'confirmed';
  const edited = Date.parse(now.updatedAt) > Date.parse(snapshot.updatedAt);
  if (now.text !== snapshot.text || now.rating !== snapshot.rating || edited) {
    return { ...current, kind: 'changed', message: 'The review was changed on Google Play after you wrote this reply; the reply was not sent.' };
  }
  const known = new Set<string>();
  for (const t of opts.ours) known.add(t).add(asPlayShowsIt(t));
  if (theirs !== null && !known.has(theirs)) {
    return { ...current, kind: 'answered_elsewhere', message: 'This review was answered elsewhere (in the Play Console, not by Kalm); your reply was not sent.' };
  }
  return null;
}
