import type { Review } from '../../../shared/domain/review';
import { overdueJudge, type ReplyPolicy } from '../../../shared/reviews/reply-targets';

export type BadgeKind = 'draft' | 'queued' | 'failed' | 'conflict' | 'overdue' | 'edited' | 'done';

/** Local work per review id, from drafts.list and outbox.list. */
export interface LocalWork {
  drafts: ReadonlySet<string>;
  /** Review id → the state of its active outbox item. */
  outbox: ReadonlyMap<string, 'queued' | 'sending' | 'failed' | 'conflict'>;
}
export const NO_WORK: LocalWork = { drafts: new Set(), outbox: new Map() };

/** A reviewer edited the review after the reply was written (more than a minute later). */
export const editedAfterReply = (r: Review): boolean => r.reply !== null && Date.parse(r.updatedAt) - Date.parse(r.reply.updatedAt) > 60_000;

/** The last overdue judge: rows of one render share `now` and the policy, so each source's cutoff is found once. */
let judged: { now: number; policy: ReplyPolicy | undefined; overdue: ReturnType<typeof overdueJudge> } | null = null;
function overdueAt(now: number, policy: ReplyPolicy | undefined): ReturnType<typeof overdueJudge> {
  if (judged === null || judged.now !== now || judged.policy !== policy) judged = { now, policy, overdue: overdueJudge(now, policy) };
  return judged.overdue;
}

/** The status badges of a review, most urgent first; "overdue" by the owner's targets and business hours (`policy`, from Settings). */
export function badgesOf(r: Review, now: number, work: LocalWork, policy?: ReplyPolicy): BadgeKind[] {
  const out: BadgeKind[] = [];
  const item = work.outbox.get(r.id);
  if (r.status === 'conflict' || item === 'conflict') out.push('conflict');
  else if (item === 'failed') out.push('failed');
  else if (r.status === 'queued' || item === 'queued' || item === 'sending') out.push('queued');
  if (overdueAt(now, policy)(r)) out.push('overdue');
  if (r.status === 'drafted' || work.drafts.has(r.id)) out.push('draft');
  if (editedAfterReply(r)) out.push('edited');
  if (r.status === 'done') out.push('done');
  return out;
}
