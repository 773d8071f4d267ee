import { z } from 'zod';
import { IsoTime } from './review';

export const OUTBOX_SCHEMA_VERSION = 1;

export const OutboxState = z.enum(['queued', 'sending', 'sent', 'failed', 'conflict']);
export type OutboxState = z.infer<typeof OutboxState>;

/**
 * Why a queued item waits, when Kalm can say it in the owner's language (the UI translates it; `lastError`
 * keeps the English sentence for the CLI and logs). Only the team reasons so far.
 */
export const OutboxWaitingFor = z.discriminatedUnion('kind', [
  /** The team server is out of reach, so no one can confirm this desktop is the only one sending it. */
  z.object({ kind: z.literal('team-offline') }),
  /** Another team member claimed the item and is publishing it. */
  z.object({ kind: z.literal('team-member'), member: z.string() }),
]);
export type OutboxWaitingFor = z.infer<typeof OutboxWaitingFor>;

/** A reply (or a reply deletion) waiting to be published to its source. */
export const OutboxItem = z.object({
  schemaVersion: z.literal(OUTBOX_SCHEMA_VERSION),
  /** Unique per queued action. */
  id: z.string().min(1),
  reviewId: z.string().min(1),
  action: z.enum(['reply', 'deleteReply']),
  text: z.string(),
  reviewUpdatedAt: IsoTime,
  state: OutboxState,
  attempts: z.number().int().min(0),
  lastError: z.string().nullable(),
  /** The structured form of `lastError` (absent in old stores and docs; see `waitingForOf`). */
  waitingFor: OutboxWaitingFor.optional(),
  nextAttemptAt: IsoTime.nullable(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type OutboxItem = z.infer<typeof OutboxItem>;

/** The English sentence a waiting reason puts in `lastError` (CLI, logs, older clients). */
export function waitingNote(reason: OutboxWaitingFor): string {
  return reason.kind === 'team-offline'
    ? 'Queued (team server offline): Kalm publishes it once the team server confirms no one else is sending it.'
    : `${reason.member} is publishing this reply.`;
}

/**
 * The item's structured waiting reason, or undefined when it no longer explains `lastError` (anything that
 * writes another `lastError` — or clears it — while copying the item makes the old reason stale).
 */
export function waitingForOf(item: Pick<OutboxItem, 'lastError' | 'waitingFor'>): OutboxWaitingFor | undefined {
  return item.waitingFor !== undefined && item.lastError === waitingNote(item.waitingFor) ? item.waitingFor : undefined;
}
