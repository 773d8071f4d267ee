import type { TeamStatusView } from '../../shared/contract/team';

/** `kalm team status` in words. */
export function statusText(s: TeamStatusView): string {
  if (!s.enabled) return 'This is a local-only workspace. Join a team with `kalm team join --server URL --db NAME --user U`.';
  const when = s.lastReplicatedAt ? `, last replicated ${s.lastReplicatedAt}` : '';
  const since = s.state === 'offline' && s.offlineSince ? ` since ${s.offlineSince}` : '';
  return [`Team workspace "${s.db}" on ${s.server} as ${s.user}: ${s.state}${since}${s.pending ? ` (${s.pending} changes pending)` : ''}${when}.`, s.caFile ? `Trusts the CA certificate in ${s.caFile}.` : '', s.error ? `Problem: ${s.error}` : '']
    .filter(Boolean).join('\n');
}

/** `kalm team status --json`: `{server, db, user, state, pending, lastReplicatedAt, offlineSince, error, peers}`. */
export const statusJson = (s: TeamStatusView): string =>
  JSON.stringify({ server: s.server || null, db: s.db || null, user: s.user || null, state: s.state, pending: s.pending, lastReplicatedAt: s.lastReplicatedAt, offlineSince: s.offlineSince, error: s.error, peers: s.peers }, null, 2);
