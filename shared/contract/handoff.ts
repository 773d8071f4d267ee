import { z } from 'zod';
import { call, ReviewIdField, Signal } from './fields';

export const Forward = z.object({
  schemaVersion: z.literal(1),
  reviewId: z.string().min(1),
  departmentId: z.string().min(1),
  departmentName: z.string(),
  email: z.string(),
  forwardedAt: z.iso.datetime({ offset: true }),
  state: z.enum(['open', 'handled']),
  handledAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Forward = z.infer<typeof Forward>;

export const ForwardResult = z.object({ forward: Forward, mailto: z.string(), text: z.string() });

/** Who handles a review: a team member (assignee) or a department it was forwarded to. */
export const handoffCalls = {
  /** Who handles the review (a team member id from Settings, or null). */
  'handoff.assign': call(z.object({ reviewId: ReviewIdField, assignee: z.string().min(1).max(100).nullable() }).strict(), z.object({})),
  /** Marks the review forwarded to a department and gives the mailto: link and text to send. */
  'handoff.forward': call(z.object({ reviewId: ReviewIdField, departmentId: z.string().min(1).max(100) }).strict(), ForwardResult),
  'handoff.setState': call(z.object({ reviewId: ReviewIdField, state: z.enum(['open', 'handled']) }).strict(), Forward),
  'handoff.list': call(z.object({ state: z.enum(['open', 'handled']).optional() }).strict(), z.object({ forwards: z.array(Forward) })),
} as const;

export const handoffEvents = {
  'handoff.changed': Signal,
} as const;
