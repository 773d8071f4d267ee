import type { Review } from '../domain/review';
import { markLabelChanges, mergeReviewDocs } from './merge';
import type { ReviewDoc } from './team-docs';

/** What a local review edit changed from, and when it was made (journaled before the local files change). */
export interface ReviewEdit {
  at: string;
  /** The review's labels, note and assignee as the team and this desktop last agreed on them (null: a review new here). */
  before: Pick<Review, 'labels' | 'note' | 'assignee'> | null;
}

/**
 * A local review edit a crash kept from the replica, merged with the team's current document by the usual merge
 * rules (merge.ts): the edit becomes label marks and a note dated when it was made, so it wins over every older team
 * version and loses to a newer edit another member made meanwhile. Only what the edit changed counts as changed.
 */
export function recoveredReviewDoc(local: Review, edit: ReviewEdit, team: ReviewDoc | null, by: string): ReviewDoc {
  const before = edit.before ?? team?.review ?? { labels: [], note: null, assignee: null };
  const noteChanged = before.note !== local.note || before.assignee !== local.assignee;
  const mine: ReviewDoc = {
    type: 'review',
    review: noteChanged || !team ? local : { ...local, note: team.review.note, assignee: team.review.assignee },
    labelMarks: markLabelChanges(before.labels, local.labels, team?.labelMarks ?? {}, edit.at, by),
    noteAt: noteChanged ? edit.at : (team?.noteAt ?? null),
    noteBy: noteChanged ? by : (team?.noteBy ?? null),
    noteHistory: team?.noteHistory ?? [],
  };
  return team ? mergeReviewDocs([team, mine]) : mergeReviewDocs([mine]);
}
