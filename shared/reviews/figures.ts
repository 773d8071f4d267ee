import type { ReviewStatus } from '../domain/review';

/**
 * The one definition of the reply figures, used by the inbox's views and counts, the dashboard, the monthly
 * report, `kalm stats`/`kalm reviews` and the exports. Each is judged from the review's status alone:
 *
 * - **unanswered**: `unanswered` or `drafted`: nothing on the site answers the review as it reads now. A
 *   review edited after its reply is here (sync sets it back to `unanswered` and keeps the old reply): the
 *   reply answers an older text, so the owner has to look again. This is the inbox's "Unanswered" view.
 * - **answered**: `answered` or `done` (the owner marked it handled): the inbox's "Answered" view.
 * - **in the outbox**: `queued` or `conflict`: a reply is on its way or needs a decision (the "Outbox" view).
 * - **deleted** reviews count nowhere.
 * - **overdue**: not answered (unanswered or in the outbox) and past the source's reply target.
 * - **response rate**: answered ÷ every review that is not deleted.
 */
export const isUnanswered = (status: ReviewStatus): boolean => status === 'unanswered' || status === 'drafted';

export const isAnswered = (status: ReviewStatus): boolean => status === 'answered' || status === 'done';

/** Still waiting for the owner or for the site (can be overdue): unanswered or in the outbox. */
export const isOpenStatus = (status: ReviewStatus): boolean => status !== 'answered' && status !== 'deleted' && status !== 'done';

/** Open and created before the source's overdue cutoff (ms). */
export const isOverdueAt = (status: ReviewStatus, createdMs: number, cutoffMs: number): boolean => isOpenStatus(status) && createdMs < cutoffMs;

/** Answered ÷ counted, two decimals; null without reviews. */
export const responseRateOf = (answered: number, count: number): number | null => (count > 0 ? Math.round((answered / count) * 100) / 100 : null);
