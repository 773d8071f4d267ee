import { LeaseDoc, teamDocId } from '../../../shared/team/team-docs';
import { statusOf, type TeamDb } from './pouch';

/** Who holds a lease: the member and the desktop (its replica's id). */
export interface LeaseHolder {
  holder: string;
  desktop: string;
}

/** How far past `now + ttl` a lease may end before the clock that wrote it is not trusted (an old Kalm wrote desktop time). */
const SKEW_MARGIN_MS = 60_000;

const isMine = (l: LeaseDoc, me: LeaseHolder): boolean => (l.desktop ? l.desktop === me.desktop : l.holder === me.holder);

/** Another desktop's lease still in force: it ends after `now`, and not further ahead than a lease of `ttlMs` can. */
function inForce(l: LeaseDoc, now: Date, ttlMs: number): boolean {
  const left = Date.parse(l.until) - now.getTime();
  return left > 0 && left <= ttlMs + SKEW_MARGIN_MS;
}

/**
 * Takes or renews the lease of a job (the scheduled Google/Play sync) on the server until `now + ttlMs`; true
 * when this desktop holds it. Another desktop's lease in force, a lost race (409) or no server: false. An expired
 * lease (its holder died) or one dated impossibly far ahead (a wrong clock) is taken over. `now` is the server's
 * time (server-clock.ts), so the desktops' own clocks do not matter.
 */
export async function takeLease(remote: TeamDb, what: string, me: LeaseHolder, now: Date, ttlMs: number): Promise<boolean> {
  const _id = teamDocId.lease(what);
  const until = new Date(now.getTime() + ttlMs).toISOString();
  let rev: string | undefined;
  try {
    const current = await remote.get(_id);
    const lease = LeaseDoc.safeParse(current);
    if (lease.success && !isMine(lease.data, me) && inForce(lease.data, now, ttlMs)) return false;
    rev = current._rev;
  } catch (err) {
    if (statusOf(err) !== 404) return false;
  }
  try {
    await remote.put({ _id, ...(rev ? { _rev: rev } : {}), type: 'lease', holder: me.holder, desktop: me.desktop, until });
    return true;
  } catch {
    return false;
  }
}

/**
 * Gives the lease back when this desktop stops cleanly (the app quits), so another desktop runs the scheduled sync
 * at its next turn instead of waiting for the lease to expire. Another desktop's lease, or no server: left as it is.
 */
export async function releaseLease(remote: TeamDb, what: string, me: LeaseHolder): Promise<void> {
  try {
    const current = await remote.get(teamDocId.lease(what));
    const lease = LeaseDoc.safeParse(current);
    if (lease.success && isMine(lease.data, me)) await remote.remove(current._id, current._rev);
  } catch {
    // Out of reach or taken meanwhile: the lease runs out by itself.
  }
}
