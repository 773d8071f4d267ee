import { KalmError } from '../../../shared/domain/errors';
import { ClaimDoc, LeaseDoc, teamDocId } from '../../../shared/team/team-docs';
import { statusOf, type TeamDb } from './pouch';

export type ClaimResult = { kind: 'mine' } | { kind: 'taken'; by: string } | { kind: 'offline'; reason: string };

/**
 * Claims an outbox item for publishing with a write **to the server** (never the local replica): the first
 * desktop to create `claim:<item id>` publishes; a 409 means another member has it. With the server out of
 * reach nothing is claimed, and the reply waits.
 */
export async function claimItem(remote: TeamDb, claim: { itemId: string; reviewId: string; by: string; at: string }): Promise<ClaimResult> {
  const _id = teamDocId.claim(claim.itemId);
  try {
    await remote.put({ _id, type: 'claim', ...claim });
    return { kind: 'mine' };
  } catch (err) {
    if (statusOf(err) !== 409) return { kind: 'offline', reason: err instanceof Error ? err.message : String(err) };
  }
  // Someone wrote the claim first; a crashed run of our own member may be retried by the same member.
  try {
    const existing = ClaimDoc.safeParse(await remote.get(_id));
    const by = existing.success ? existing.data.by : 'another member';
    return by === claim.by ? { kind: 'mine' } : { kind: 'taken', by };
  } catch (err) {
    return { kind: 'offline', reason: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * Takes or renews the lease of a job (the scheduled Google/Play sync) on the server until `until`; true when
 * this member holds it. Another member's unexpired lease, a lost race (409) or no server: false.
 */
export async function takeLease(remote: TeamDb, what: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
  const _id = teamDocId.lease(what);
  const until = new Date(now.getTime() + ttlMs).toISOString();
  let rev: string | undefined;
  try {
    const current = await remote.get(_id);
    const lease = LeaseDoc.safeParse(current);
    if (lease.success && lease.data.holder !== holder && Date.parse(lease.data.until) > now.getTime()) return false;
    rev = current._rev;
  } catch (err) {
    if (statusOf(err) !== 404) return false;
  }
  try {
    await remote.put({ _id, ...(rev ? { _rev: rev } : {}), type: 'lease', holder, until });
    return true;
  } catch (err) {
    if (statusOf(err) === 409 || statusOf(err) === 0 || statusOf(err) >= 400) return false;
    throw new KalmError('internal', String(err));
  }
}
