import { z } from 'zod';
import { IsoTime, ReplyState } from '../domain/review';

export const REPLY_HISTORY_VERSION = 1;
/** Versions kept per review (oldest dropped first). */
export const MAX_REPLY_VERSIONS = 50;

/** One version of a review's reply as Kalm saw it: written by Kalm, found on the source, or removed. */
export const ReplyVersion = z.object({
  /** The reply text; empty for a removal. */
  text: z.string(),
  /** When the source (or Kalm, for a removal) says this version came to be. */
  at: IsoTime,
  /** 'kalm': published by Kalm; 'source': the reply the review had before Kalm changed it; 'removed': deleted by Kalm. */
  origin: z.enum(['kalm', 'source', 'removed']),
  state: ReplyState.nullable(),
  /** Why the source rejected it, when it said. */
  reason: z.string().nullable(),
});
export type ReplyVersion = z.infer<typeof ReplyVersion>;

/**
 * The local reply histories of one location's reviews (`history/<source>--<location>.json`), each
 * oldest first: one small file per location, like the review shards, so a start reads few files.
 */
export const ReplyHistory = z.object({
  schemaVersion: z.literal(REPLY_HISTORY_VERSION),
  /** `<source>--<location>` of the reviews inside. */
  shard: z.string().min(1),
  reviews: z.record(z.string(), z.array(ReplyVersion)),
});
export type ReplyHistory = z.infer<typeof ReplyHistory>;

/** `outbox.history` output: the versions, oldest first (none when Kalm never changed the reply). */
export const ReplyHistoryView = z.object({ versions: z.array(ReplyVersion) });
export type ReplyHistoryView = z.infer<typeof ReplyHistoryView>;
