import { z } from 'zod';
import { Draft } from '../domain/draft';
import { call, Empty, NoInput, ReplyText, ReviewIdField } from './fields';

/** Reply drafts: one per review, kept until the reply is queued or the draft discarded. */
export const draftCalls = {
  /** Creates or updates the reply draft of a review (an unanswered review becomes 'drafted'). */
  'drafts.save': call(z.object({ reviewId: ReviewIdField, text: ReplyText }).strict(), Draft),
  'drafts.list': call(NoInput, z.object({ drafts: z.array(Draft) })),
  /** Removes the draft (a 'drafted' review is 'unanswered' again). */
  'drafts.discard': call(z.object({ reviewId: ReviewIdField }).strict(), Empty),
} as const;

export const draftEvents = {
  /** A reply draft was saved or discarded (the inbox's Drafts count follows). */
  'drafts.changed': z.object({ reviewId: z.string() }),
} as const;
