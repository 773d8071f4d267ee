import { ClaimDoc, teamDocId } from '../../../shared/team/team-docs';
import { statusOf, type TeamDb } from './pouch';

export type ClaimResult = { kind: 'mine' } | { kind: 'taken'; by: string } | { kind: 'offline'; reason: string };

/** Who claims: the member and the desktop (its replica's id), so one member on two desktops cannot both publish. */
export interface Claimant {
  itemId: string;
  reviewId: string;
  by: string;
  desktop: string;
}

/**
 * A claim not renewed for this long (server time) belongs to a desktop that died or lost the team server: another
 * desktop may take it over. Safe, because every publish re-reads the review on Google before sending: a reply the
 * dead desktop got out is confirmed, not sent again.
 */
export const CLAIM_STALE_MS = 10 * 60_000;

const reasonOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));
const isMine = (c: ClaimDoc, me: Claimant): boolean => (c.desktop ? c.desktop === me.desktop : c.by === me.by);
/** Not renewed for CLAIM_STALE_MS, or dated so far ahead that the clock which wrote it cannot be trusted. */
const isStale = (c: ClaimDoc, now: Date): boolean => Math.abs(now.getTime() - Date.parse(c.at)) > CLAIM_STALE_MS;

/**
 * Claims an outbox item for publishing with a write **to the server** (never the local replica): the first
 * desktop to create `claim:<item id>` publishes; a 409 means another desktop has it. This desktop's own claim
 * (a retry, or a restart after a crash) is renewed; a stale claim of another is taken over (a 409 on that
 * write: someone else was quicker). With the server out of reach nothing is claimed, and the reply waits.
 * `now` is the server's time (server-clock.ts).
 */
export async function claimItem(remote: TeamDb, claim: Claimant, now: Date): Promise<ClaimResult> {
  const _id = teamDocId.claim(claim.itemId);
  const doc = { _id, type: 'claim' as const, ...claim, at: now.toISOString() };
  try {
    await remote.put(doc);
    return { kind: 'mine' };
  } catch (err) {
    if (statusOf(err) !== 409) return { kind: 'offline', reason: reasonOf(err) };
  }
  let by = 'another member';
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const current = await remote.get(_id);
      const held = ClaimDoc.safeParse(current);
      if (held.success) by = held.data.by;
      if (held.success && !isMine(held.data, claim) && !isStale(held.data, now)) return { kind: 'taken', by };
      await remote.put({ ...doc, _rev: current._rev });
      return { kind: 'mine' };
    } catch (err) {
      if (statusOf(err) !== 409) return { kind: 'offline', reason: reasonOf(err) };
    }
  }
  return { kind: 'taken', by };
}
